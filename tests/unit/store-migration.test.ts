import Dexie from 'dexie';
import { getArticle, listEntries, saveArticle, undoDelete } from '@/lib/store/articles';
import { DB_VERSION, QariDb } from '@/lib/store/db';
import { flushTitlePostings } from '@/lib/store/title-postings';
import { search } from '@/lib/search';
import { termsRow } from '@/lib/store/search-terms';
import { makeArticle, outbox } from './store-fixtures';

// The schema and rows exactly as version 1 (the first release) wrote them: boolean flags, no
// hasBody, no search index. Kept here verbatim, independent of lib/store/db.ts.
const V1_STORES = {
  articles: '++id, &canonicalUrl, savedAt, updatedAt',
  bodies: 'id',
  changes: '++seq',
  trash: 'id, batch, deletedAt',
};

function v1Row(n: number, flags: { read: boolean; archived: boolean; favourite: boolean }) {
  const article = makeArticle({
    url: `https://example.com/news/${n}`,
    title: n === 1 ? 'المدارس الحكومية تفتح أبوابها' : `خبر رقم ${n}`,
    text: n === 2 ? 'والحكومة أعلنت خطة جديدة للتعليم' : 'نص عادي',
  });
  const { content, text, sections, ...meta } = article;
  return {
    row: {
      canonicalUrl: `https://example.com/news/${n}`,
      meta,
      savedAt: 1_700_000_000_000 + n,
      updatedAt: 1_700_000_000_000 + n,
      ...flags,
      progress: n / 10,
      tags: n === 3 ? ['تعليم'] : [],
      fieldTimes: { read: 1_700_000_000_000 },
    },
    body: { content, text, sections },
    article,
  };
}

/** The ids the title postings list for a term, over its rows (ordered by block), once posted. */
async function titleIds(db: QariDb, term: string): Promise<number[]> {
  await flushTitlePostings(db);
  const rows = await db.titlePostings.toArray();
  return rows.filter((r) => r.term === term).flatMap((r) => r.ids);
}

describe('schema migration', () => {
  it('opens a version 1 database with nothing lost', async () => {
    const name = `qari-migration-${Math.random().toString(36).slice(2)}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const rows = [
      v1Row(1, { read: true, archived: false, favourite: true }),
      v1Row(2, { read: false, archived: false, favourite: false }),
      v1Row(3, { read: true, archived: true, favourite: false }),
      v1Row(4, { read: false, archived: false, favourite: false }),
    ];
    const ids: number[] = [];
    for (const r of rows) {
      const id = (await v1.table('articles').add(r.row)) as number;
      await v1.table('bodies').put({ id, ...r.body });
      ids.push(id);
    }
    await v1.table('changes').add({
      canonicalUrl: rows[0]!.row.canonicalUrl,
      op: 'put',
      fields: ['read'],
      at: 1,
    });
    // Entry 4 was deleted just before the update and is still in the undo trash.
    const trashed = rows[3]!;
    const trashedId = ids[3]!;
    await v1.table('articles').delete(trashedId);
    await v1.table('bodies').delete(trashedId);
    await v1.table('trash').put({
      id: trashedId,
      batch: 'tok',
      deletedAt: Date.now(),
      entry: { ...trashed.row, id: trashedId },
      body: { id: trashedId, ...trashed.body },
    });
    v1.close();

    const db = new QariDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);

    const all = await listEntries(db);
    expect(all.total).toBe(3);
    expect(all.entries.map((e) => [e.id, e.read, e.archived, e.favourite, e.progress])).toEqual([
      [ids[2], true, true, false, 0.3],
      [ids[1], false, false, false, 0.2],
      [ids[0], true, false, true, 0.1],
    ]);
    expect(all.entries.every((e) => e.hasBody)).toBe(true);
    expect(all.entries[0]?.tags).toEqual(['تعليم']);
    expect((await listEntries(db, { filter: 'favourites' })).entries.map((e) => e.id)).toEqual([
      ids[0],
    ]);
    expect((await listEntries(db, { filter: 'unread' })).entries.map((e) => e.id)).toEqual([
      ids[1],
    ]);
    for (const [i, id] of ids.slice(0, 3).entries()) {
      expect(await getArticle(db, id)).toEqual(rows[i]!.article);
    }
    expect((await outbox(db)).map((c) => c.fields)).toEqual([['read']]);
    // Plain text moved to its own table; the HTML rows no longer carry a copy.
    expect(await db.texts.count()).toBe(3);
    expect((await db.bodies.toArray()).every((b) => !('text' in b))).toBe(true);

    // The upgrade built the search index from the saved articles.
    expect((await search(db, 'مدارس ')).hits.map((h) => h.entry.id)).toEqual([ids[0]]);
    expect((await search(db, 'حكومة ')).hits.map((h) => h.entry.id).sort()).toEqual(
      [ids[0], ids[1]].sort(),
    );

    // Each title term's entries are listed in one row, as the terms rows say.
    expect(await titleIds(db, 'مدارس')).toEqual([ids[0]]);
    expect(await titleIds(db, 'رقم')).toEqual([ids[1], ids[2]]);

    // The trashed entry was migrated too: undo brings it back in the new shape, searchable.
    const [back] = await undoDelete(db, 'tok');
    expect(back).toMatchObject({ id: trashedId, read: false, favourite: false, hasBody: true });
    expect((await search(db, 'رقم 4 ')).hits.map((h) => h.entry.id)).toEqual([trashedId]);
    expect(await titleIds(db, 'رقم')).toEqual([ids[1], ids[2], trashedId]);

    // And the upgraded database keeps working for new saves.
    const { created } = await saveArticle(db, makeArticle({ url: 'https://example.com/new' }));
    expect(created).toBe(true);
    db.close();
    await Dexie.delete(name);
  });

  it('opens a version 2 database at version 3 with an empty import queue and nothing lost', async () => {
    const name = `qari-migration-v2-${Math.random().toString(36).slice(2)}`;
    // Version 2's stores verbatim, independent of lib/store/db.ts.
    const v2 = new Dexie(name);
    v2.version(1).stores(V1_STORES);
    v2.version(2).stores({
      articles:
        '++id, &canonicalUrl, savedAt, updatedAt, [archived+savedAt], [archived+read+savedAt], [favourite+savedAt], *tags',
      texts: 'id',
      terms: 'id, *title, *all',
      changes: '++seq, canonicalUrl',
    });
    const { row } = v1Row(1, { read: true, archived: false, favourite: false });
    await v2.table('articles').add({ ...row, read: 1, archived: 0, favourite: 0, hasBody: 0 });
    v2.close();

    const db = new QariDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(3);
    expect(await db.imports.count()).toBe(0);
    expect(await db.importControl.count()).toBe(0);
    const { entries } = await listEntries(db);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ read: true, hasBody: false });
    expect(entries[0]!.importFailure).toBeUndefined();
    db.close();
    await Dexie.delete(name);
  });
});

describe('schema version 4 (sync metadata)', () => {
  it('opens a version 3 database with an empty sync metadata table and nothing lost', async () => {
    const name = `qari-migration-v3-${Math.random().toString(36).slice(2)}`;
    // Versions 1 to 3 verbatim, independent of lib/store/db.ts.
    const v3 = new Dexie(name);
    v3.version(1).stores(V1_STORES);
    v3.version(2).stores({
      articles:
        '++id, &canonicalUrl, savedAt, updatedAt, [archived+savedAt], [archived+read+savedAt], [favourite+savedAt], *tags',
      texts: 'id',
      terms: 'id, *title, *all',
      changes: '++seq, canonicalUrl',
    });
    v3.version(3).stores({ imports: 'canonicalUrl, [state+due], state', importControl: 'id' });
    const { row } = v1Row(2, { read: false, archived: false, favourite: true });
    await v3.table('articles').add({ ...row, read: 0, archived: 0, favourite: 1, hasBody: 0 });
    await v3
      .table('changes')
      .add({ canonicalUrl: row.canonicalUrl, op: 'put', fields: ['favourite'], at: 1 });
    v3.close();

    const db = new QariDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(4);
    expect(await db.syncMeta.count()).toBe(0);
    const { entries } = await listEntries(db);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ favourite: true, hasBody: false });
    // The pending change is still there for the sync adapter to stamp.
    expect((await outbox(db)).map((c) => c.fields)).toEqual([['favourite']]);
    db.close();
    await Dexie.delete(name);
  });
});

describe('schema version 5 (title postings)', () => {
  it('opens a version 4 database with each title term’s entries in one row and nothing lost', async () => {
    const name = `qari-migration-v4-${Math.random().toString(36).slice(2)}`;
    // Versions 1 to 4 verbatim, independent of lib/store/db.ts.
    const v4 = new Dexie(name);
    v4.version(1).stores(V1_STORES);
    v4.version(2).stores({
      articles:
        '++id, &canonicalUrl, savedAt, updatedAt, [archived+savedAt], [archived+read+savedAt], [favourite+savedAt], *tags',
      texts: 'id',
      terms: 'id, *title, *all',
      changes: '++seq, canonicalUrl',
    });
    v4.version(3).stores({ imports: 'canonicalUrl, [state+due], state', importControl: 'id' });
    v4.version(4).stores({ syncMeta: 'id' });
    const titles = ['المدارس الحكومية تفتح أبوابها', 'خطة المدارس', 'أسعار النفط'];
    const ids: number[] = [];
    for (const [i, title] of titles.entries()) {
      const { row, body } = v1Row(i + 1, { read: false, archived: false, favourite: false });
      const meta = { ...row.meta, title };
      const id = (await v4
        .table('articles')
        .add({ ...row, meta, read: 0, archived: 0, favourite: 0, hasBody: 1 })) as number;
      await v4.table('bodies').put({ id, content: body.content, sections: body.sections });
      await v4.table('texts').put({ id, text: body.text });
      // The terms row as version 4 wrote it.
      await v4.table('terms').put(termsRow(id, meta, body.text));
      ids.push(id);
    }
    v4.close();

    const db = new QariDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(5);
    expect(await titleIds(db, 'مدارس')).toEqual([ids[0], ids[1]]);
    expect(await titleIds(db, 'نفط')).toEqual([ids[2]]);
    const { entries } = await listEntries(db);
    expect(entries.map((e) => e.id)).toEqual([...ids].reverse());
    expect(await db.terms.count()).toBe(3);
    // Title matches still rank first: the older entry with the word in its title comes first.
    const res = await search(db, 'مدارس ');
    expect(res.hits.map((h) => [h.entry.id, h.titleMatches])).toEqual([
      [ids[1], 1],
      [ids[0], 1],
    ]);
    db.close();
    await Dexie.delete(name);
  });
});

describe('schema version 6 (addresses, list revision)', () => {
  it('opens a version 5 database with each entry known by its page URL too, and nothing lost', async () => {
    const name = `qari-migration-v5-${Math.random().toString(36).slice(2)}`;
    // Versions 1 to 5 verbatim, independent of lib/store/db.ts.
    const v5 = new Dexie(name);
    v5.version(1).stores(V1_STORES);
    v5.version(2).stores({
      articles:
        '++id, &canonicalUrl, savedAt, updatedAt, [archived+savedAt], [archived+read+savedAt], [favourite+savedAt], *tags',
      texts: 'id',
      terms: 'id, *title, *all',
      changes: '++seq, canonicalUrl',
    });
    v5.version(3).stores({ imports: 'canonicalUrl, [state+due], state', importControl: 'id' });
    v5.version(4).stores({ syncMeta: 'id' });
    v5.version(5).stores({ terms: 'id, *all', titlePostings: '[term+block]' });
    const { row, body } = v1Row(1, { read: true, archived: false, favourite: false });
    // Saved from the popup under its canonical link; the page's own URL differs.
    const page = 'https://example.com/?p=1';
    const stored = { ...row, meta: { ...row.meta, url: page }, read: 1, archived: 0, favourite: 0 };
    const id = (await v5.table('articles').add({ ...stored, hasBody: 1 })) as number;
    await v5.table('bodies').put({ id, content: body.content, sections: body.sections });
    await v5.table('texts').put({ id, text: body.text });
    v5.close();

    const db = new QariDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const upgraded = await db.articles.get(id);
    expect(upgraded).not.toHaveProperty('fieldTimes');
    expect(upgraded?.addresses).toEqual([row.canonicalUrl, page]);
    // Saving the page by its own URL finds the entry: one article, one entry, status kept.
    const saved = await saveArticle(db, makeArticle({ url: page }));
    expect(saved).toMatchObject({ created: false, entry: { id, read: true } });
    expect((await listEntries(db)).total).toBe(1);
    db.close();
    await Dexie.delete(name);
  });
});
