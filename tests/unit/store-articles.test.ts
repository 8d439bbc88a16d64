import {
  countEntries,
  deleteEntries,
  getArticle,
  getEntry,
  getEntryByUrl,
  listEntries,
  purgeTrash,
  saveArticle,
  setProgress,
  setStatus,
  setTags,
  undoDelete,
  UNDO_WINDOW_MS,
} from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { StoreError } from '@/lib/store/errors';
import { dropDb, freshDb, makeArticle, outbox } from './store-fixtures';

let db: QariDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

const T0 = Date.UTC(2025, 0, 1);

describe('saveArticle: upsert by canonical URL', () => {
  const variants = [
    'https://www.example.com/news/2024/خبر-عاجل?utm_source=facebook&utm_medium=social',
    'https://example.com/news/2024/خبر-عاجل?fbclid=IwAR0abc#comments',
    'http://m.example.com/news/2024/خبر-عاجل/',
    'https://example.com/news/2024/خبر-عاجل/amp/',
    'https://example.com/amp/news/2024/خبر-عاجل',
    'https://example.com/news/2024/خبر-عاجل?amp=1&gclid=xyz',
    'https://example.com/news/2024/خبر-عاجل?outputType=amp',
    'https://example-com.cdn.ampproject.org/c/s/example.com/news/2024/خبر-عاجل',
  ];

  it('keeps one entry across utm, fbclid, mobile host and AMP variants', async () => {
    const first = await saveArticle(db, makeArticle({ url: variants[0]! }), { now: T0 });
    expect(first.created).toBe(true);
    await setStatus(db, first.entry.id, { favourite: true, read: true }, T0 + 1);
    for (const [i, url] of variants.slice(1).entries()) {
      const again = await saveArticle(db, makeArticle({ url, title: `عنوان ${i}` }), {
        now: T0 + 10 + i,
      });
      expect(again.created).toBe(false);
      expect(again.entry.id).toBe(first.entry.id);
    }
    expect(await countEntries(db)).toBe(1);
    const entry = await getEntry(db, first.entry.id);
    expect(entry?.savedAt).toBe(T0);
    expect(entry?.favourite).toBe(true);
    expect(entry?.read).toBe(true);
    // The article itself is refreshed by the latest save.
    expect(entry?.article.title).toBe(`عنوان ${variants.length - 2}`);
  });

  it('prefers the canonical link the page gives', async () => {
    const a = await saveArticle(db, makeArticle({ url: 'https://example.com/?p=123' }), {
      canonical: 'https://example.com/2024/01/story',
    });
    const b = await saveArticle(db, makeArticle({ url: 'https://example.com/2024/01/story' }));
    expect(b.entry.id).toBe(a.entry.id);
    expect(await countEntries(db)).toBe(1);
  });

  it('keeps different articles apart', async () => {
    await saveArticle(db, makeArticle({ url: 'https://example.com/news/1' }));
    await saveArticle(db, makeArticle({ url: 'https://example.com/news/2' }));
    await saveArticle(db, makeArticle({ url: 'https://example.com/news/1?page=2' }));
    expect(await countEntries(db)).toBe(3);
  });

  it('returns the whole article and finds it by any URL variant', async () => {
    const article = makeArticle({
      sections: [{ id: 's1', level: 2, title: 'خلفية' }],
      byline: 'كاتب',
    });
    const { entry } = await saveArticle(db, article);
    expect(await getArticle(db, entry.id)).toEqual(article);
    const found = await getEntryByUrl(db, 'https://example.com/news/1?utm_campaign=x');
    expect(found?.id).toBe(entry.id);
  });

  it('rejects an invalid article with a typed error', async () => {
    const bad = { ...makeArticle(), title: 42 } as unknown as ReturnType<typeof makeArticle>;
    await expect(saveArticle(db, bad)).rejects.toMatchObject({ code: 'invalid' });
    const notWeb = makeArticle({ url: 'javascript:alert(1)' });
    await expect(saveArticle(db, notWeb)).rejects.toBeInstanceOf(StoreError);
    expect(await countEntries(db)).toBe(0);
  });
});

describe('listEntries', () => {
  async function seed(n: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const { entry } = await saveArticle(
        db,
        makeArticle({ url: `https://example.com/news/${i}`, title: `خبر ${i}` }),
        { now: T0 + i * 1000 },
      );
      ids.push(entry.id);
    }
    return ids;
  }

  it('lists newest first with offset/limit paging and a total', async () => {
    const ids = await seed(12);
    const p1 = await listEntries(db, { limit: 5 });
    const p2 = await listEntries(db, { limit: 5, offset: 5 });
    const p3 = await listEntries(db, { limit: 5, offset: 10 });
    expect(p1.total).toBe(12);
    const got = [...p1.entries, ...p2.entries, ...p3.entries].map((e) => e.id);
    expect(got).toEqual([...ids].reverse());
    expect(p3.entries).toHaveLength(2);
  });

  it('filters unread, inbox, archived and favourites', async () => {
    const ids = await seed(6);
    const [a, b, c, d] = ids as [number, number, number, number];
    await setStatus(db, a, { read: true });
    await setStatus(db, b, { archived: true });
    await setStatus(db, c, { favourite: true, archived: true });
    await setStatus(db, d, { favourite: true });
    const idsOf = async (filter: Parameters<typeof listEntries>[1]) =>
      (await listEntries(db, filter)).entries.map((e) => e.id);
    expect(await idsOf({ filter: 'archived' })).toEqual([c, b]);
    expect(await idsOf({ filter: 'favourites' })).toEqual([d, c]);
    expect(await idsOf({ filter: 'unread' })).toEqual([ids[5], ids[4], d]);
    expect(await idsOf({ filter: 'inbox' })).toEqual([ids[5], ids[4], d, a]);
    expect(await countEntries(db, 'all')).toBe(6);
    expect((await listEntries(db, { filter: 'unread' })).total).toBe(3);
  });
});

describe('status, progress and tags', () => {
  it('sets and clears flags, clamps progress, records sync changes', async () => {
    const { entry } = await saveArticle(db, makeArticle(), { now: T0 });
    const before = await outbox(db);
    const e1 = await setStatus(db, entry.id, { read: true, favourite: true }, T0 + 5);
    expect([e1.read, e1.favourite, e1.archived]).toEqual([true, true, false]);
    expect(e1.updatedAt).toBe(T0 + 5);
    const e2 = await setStatus(db, entry.id, { read: false }, T0 + 6);
    expect(e2.read).toBe(false);
    expect((await setProgress(db, entry.id, 0.42)).progress).toBe(0.42);
    expect((await setProgress(db, entry.id, 7)).progress).toBe(1);
    await expect(setProgress(db, entry.id, Number.NaN)).rejects.toMatchObject({ code: 'invalid' });
    expect((await setTags(db, entry.id, [' سياسة ', 'سياسة', 'اقتصاد'])).tags).toEqual([
      'سياسة',
      'اقتصاد',
    ]);
    const after = await outbox(db);
    // One pending change per entry: later ones absorb earlier ones and gather their fields.
    expect(after).toHaveLength(1);
    expect(after[0]!.seq).toBeGreaterThan(before[0]!.seq);
    expect(after[0]!.fields).toEqual(
      expect.arrayContaining(['read', 'favourite', 'progress', 'tags']),
    );
  });

  it('reports a missing entry as not-found', async () => {
    await expect(setStatus(db, 999, { read: true })).rejects.toMatchObject({
      code: 'not-found',
      messageKey: 'libraryErrorNotFound',
    });
  });
});

describe('delete and undo', () => {
  it('undo restores exactly what was deleted', async () => {
    const keep = await saveArticle(db, makeArticle({ url: 'https://example.com/a' }), { now: T0 });
    const gone = await saveArticle(
      db,
      makeArticle({ url: 'https://example.com/b', title: 'مقال سيحذف' }),
      { now: T0 + 1 },
    );
    await setStatus(db, gone.entry.id, { favourite: true }, T0 + 2);
    await setProgress(db, gone.entry.id, 0.3, T0 + 3);
    const before = await getEntry(db, gone.entry.id);
    const articleBefore = await getArticle(db, gone.entry.id);
    const termsBefore = await db.terms.get(gone.entry.id);

    const { undoToken, count } = await deleteEntries(db, [gone.entry.id], T0 + 10);
    expect(count).toBe(1);
    expect(await getEntry(db, gone.entry.id)).toBeNull();
    expect(await db.terms.get(gone.entry.id)).toBeUndefined();
    expect((await listEntries(db)).entries.map((e) => e.id)).toEqual([keep.entry.id]);
    expect((await outbox(db)).find((c) => c.op === 'delete')?.canonicalUrl).toBe(
      'https://example.com/b',
    );

    const restored = await undoDelete(db, undoToken, T0 + 20);
    expect(restored).toEqual([before]);
    expect(await getEntry(db, gone.entry.id)).toEqual(before);
    expect(await getArticle(db, gone.entry.id)).toEqual(articleBefore);
    expect(await db.terms.get(gone.entry.id)).toEqual(termsBefore);
    expect(await countEntries(db)).toBe(2);
    await expect(undoDelete(db, undoToken, T0 + 21)).rejects.toMatchObject({
      code: 'undo-expired',
    });
  });

  it('undo expires after the window and the trash is purged', async () => {
    const { entry } = await saveArticle(db, makeArticle(), { now: T0 });
    const { undoToken } = await deleteEntries(db, [entry.id], T0);
    await expect(undoDelete(db, undoToken, T0 + UNDO_WINDOW_MS + 1)).rejects.toMatchObject({
      code: 'undo-expired',
    });
    expect(await purgeTrash(db, T0 + UNDO_WINDOW_MS + 1)).toBe(1);
    expect(await db.trash.count()).toBe(0);
  });

  it('deletes several entries under one undo token', async () => {
    const ids: number[] = [];
    for (const n of [1, 2, 3]) {
      ids.push((await saveArticle(db, makeArticle({ url: `https://example.com/${n}` }))).entry.id);
    }
    const { undoToken, count } = await deleteEntries(db, [ids[0]!, ids[2]!, 12345]);
    expect(count).toBe(2);
    expect(await countEntries(db)).toBe(1);
    expect((await undoDelete(db, undoToken)).map((e) => e.id).sort()).toEqual([ids[0], ids[2]]);
    expect(await countEntries(db)).toBe(3);
  });
});
