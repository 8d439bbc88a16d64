/**
 * Highlights kept as part of their reading-list entry, written through the one write path:
 * surviving the entry's other changes, never sent to sync, validated and capped, carried by the
 * backup (and a hostile backup refused whole).
 */
import { deleteEntries, getEntry, saveArticle, setStatus, undoDelete } from '@/lib/store/articles';
import { exportLibrary, importLibrary } from '@/lib/store/backup';
import type { QariDb } from '@/lib/store/db';
import { StoreError } from '@/lib/store/errors';
import { REVISION } from '@/lib/store/revision';
import {
  addHighlight,
  getHighlights,
  highlightedArticles,
  removeHighlight,
  updateHighlight,
} from '@/lib/store/highlights';
import { describeText } from '@/lib/highlights/anchor';
import { HIGHLIGHT_LIMITS, type Highlight } from '@/lib/highlights/model';
import { backupEntryOf, dropDb, freshDb, makeArticle } from './store-fixtures';

const T0 = Date.UTC(2026, 0, 5);
const TEXT =
  'قال المتحدث إن المحادثات ستستمر غدًا في القاهرة.\n\nوأضاف أن الوفدين اتفقا على جدول الأعمال.';
const dbs: QariDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map(dropDb));
});

async function saved(): Promise<{ db: QariDb; id: number }> {
  const db = freshDb();
  dbs.push(db);
  const { entry } = await saveArticle(db, makeArticle({ text: TEXT }), { now: T0 });
  return { db, id: entry.id };
}

const selectorsOf = (phrase: string) => {
  const s = TEXT.indexOf(phrase);
  return describeText(TEXT, s, s + phrase.length);
};

const revision = async (db: QariDb) => (await db.listState.get(REVISION))?.value ?? 0;

describe('highlights in the entry', () => {
  it('are written with the entry through the write path: the list revision moves, the outbox does not', async () => {
    const { db, id } = await saved();
    const rev = await revision(db);
    const outbox = await db.changes.count();
    const h = await addHighlight(
      db,
      id,
      { selectors: selectorsOf('المحادثات ستستمر'), color: 'yellow', note: 'مهم' },
      T0 + 1,
    );
    expect(await getHighlights(db, id)).toEqual([h]);
    expect((await db.articles.get(id))!.highlights).toEqual([h]);
    expect(await revision(db)).toBe(rev + 1);
    expect(await db.changes.count()).toBe(outbox);
    expect((await getEntry(db, id))!.highlightCount).toBe(1);
  });

  it('survive the entry saved again, its status changed, and a delete undone', async () => {
    const { db, id } = await saved();
    const h = await addHighlight(
      db,
      id,
      { selectors: selectorsOf('القاهرة'), color: 'green', note: '' },
      T0 + 1,
    );
    await saveArticle(db, makeArticle({ text: TEXT }), { now: T0 + 2 });
    await setStatus(db, id, { read: true }, T0 + 3);
    const { undoToken } = await deleteEntries(db, [id], T0 + 4);
    await undoDelete(db, undoToken, T0 + 5);
    const [entry] = await db.articles.toArray();
    expect(entry!.highlights).toEqual([h]);
  });

  it('change a note and a colour, and are removed, each by id', async () => {
    const { db, id } = await saved();
    const a = await addHighlight(
      db,
      id,
      { selectors: selectorsOf('القاهرة'), color: 'green', note: '' },
      T0 + 1,
    );
    const b = await addHighlight(
      db,
      id,
      { selectors: selectorsOf('الوفدين'), color: 'blue', note: '' },
      T0 + 2,
    );
    await updateHighlight(db, id, a.id, { note: 'عاصمة', color: 'pink' }, T0 + 3);
    await removeHighlight(db, id, b.id, T0 + 4);
    expect(await getHighlights(db, id)).toEqual([
      { ...a, note: 'عاصمة', color: 'pink', updatedAt: T0 + 3 },
    ]);
  });

  it('keep a note and a quote with markup and bidi controls as the text they are', async () => {
    const { db, id } = await saved();
    const note = '<img src=x onerror=alert(1)> \u202Eمعكوس\u202C \u2066LTR\u2069 **نجمة**';
    const sel = selectorsOf('القاهرة');
    sel.quote.exact = '<b>القاهرة</b>\u200F';
    const h = await addHighlight(db, id, { selectors: sel, color: 'yellow', note }, T0 + 1);
    expect(h.note).toBe(note);
    expect(h.quote.exact).toBe('<b>القاهرة</b>\u200F');
  });

  it('refuse a note or a quote over its cap, a colour not offered and a position out of order', async () => {
    const { db, id } = await saved();
    const sel = selectorsOf('القاهرة');
    const big = 'ا'.repeat(1_000_000);
    const tries: Array<Promise<unknown>> = [
      addHighlight(db, id, { selectors: sel, color: 'yellow', note: big }),
      addHighlight(db, id, {
        selectors: { ...sel, quote: { ...sel.quote, exact: big } },
        color: 'yellow',
        note: '',
      }),
      addHighlight(db, id, { selectors: sel, color: 'red' as 'yellow', note: '' }),
      addHighlight(db, id, {
        selectors: { ...sel, position: { ...sel.position, start: 9, end: 3 } },
        color: 'yellow',
        note: '',
      }),
    ];
    for (const t of tries) await expect(t).rejects.toThrow(StoreError);
    expect(await getHighlights(db, id)).toEqual([]);
  });

  it('stop at the per-article cap', async () => {
    const { db, id } = await saved();
    const row = (await db.articles.get(id))!;
    const one = await addHighlight(db, id, {
      selectors: selectorsOf('القاهرة'),
      color: 'yellow',
      note: '',
    });
    const many: Highlight[] = Array.from({ length: HIGHLIGHT_LIMITS.perEntry }, (_, i) => ({
      ...one,
      id: `h${i.toString(16).padStart(8, '0')}`,
    }));
    await db.articles.put({ ...row, highlights: many });
    await expect(
      addHighlight(db, id, { selectors: selectorsOf('الوفدين'), color: 'yellow', note: '' }),
    ).rejects.toThrow(StoreError);
  });
});

describe('highlights in the backup', () => {
  it('are exported with their entry and restored into a new profile', async () => {
    const { db, id } = await saved();
    const h = await addHighlight(
      db,
      id,
      { selectors: selectorsOf('الوفدين'), color: 'blue', note: 'ملاحظة' },
      T0 + 1,
    );
    const backup = JSON.parse(JSON.stringify(await exportLibrary(db, T0 + 2)));
    expect(backup.entries[0].highlights).toEqual([h]);
    const other = freshDb();
    dbs.push(other);
    await importLibrary(other, backup, { now: T0 + 3 });
    const [row] = await other.articles.toArray();
    expect(row!.highlights).toEqual([h]);
  });

  it('join a listed entry’s highlights by id, the later edit of each winning', async () => {
    const { db, id } = await saved();
    const a = await addHighlight(
      db,
      id,
      { selectors: selectorsOf('القاهرة'), color: 'green', note: 'هنا' },
      T0 + 1,
    );
    const backup = JSON.parse(JSON.stringify(await exportLibrary(db, T0 + 2)));
    await updateHighlight(db, id, a.id, { note: 'أحدث' }, T0 + 5);
    const b = await addHighlight(
      db,
      id,
      { selectors: selectorsOf('الوفدين'), color: 'blue', note: '' },
      T0 + 6,
    );
    const older = { ...a, id: 'abcdef0123', note: 'من النسخة' };
    backup.entries[0].highlights.push(older);
    await importLibrary(db, backup, { now: T0 + 7 });
    const got = await getHighlights(db, id);
    expect(got.map((h) => [h.id, h.note])).toEqual([
      [a.id, 'أحدث'],
      [b.id, ''],
      [older.id, 'من النسخة'],
    ]);
  });

  it('a hostile backup (a 1 MB note, extra keys, a bad colour, a markup id) imports nothing', async () => {
    const article = makeArticle({ text: TEXT });
    const sel = selectorsOf('القاهرة');
    const good = {
      id: 'a1b2c3d4',
      ...sel,
      color: 'yellow',
      note: '',
      createdAt: T0,
      updatedAt: T0,
    };
    const hostile = [
      { ...good, note: 'ا'.repeat(1_000_000) },
      { ...good, onclick: 'alert(1)' },
      { ...good, color: 'url(javascript:alert(1))' },
      { ...good, id: '<img src=x onerror=alert(1)>' },
      { ...good, quote: { ...good.quote, exact: 42 } },
      { ...good, position: { ...good.position, start: -1 } },
    ];
    const control = freshDb();
    dbs.push(control);
    const entry = backupEntryOf(article, new Date(T0).toISOString());
    const wrap = (highlights: unknown[]) => ({
      format: 'qari-backup',
      version: 1,
      exportedAt: new Date(T0).toISOString(),
      entries: [{ ...entry, highlights }],
    });
    // The same backup with only the good highlight imports: each refusal is the bad one's.
    await importLibrary(control, wrap([good]));
    expect((await control.articles.toArray())[0]!.highlights).toEqual([good]);
    for (const bad of hostile) {
      const db = freshDb();
      dbs.push(db);
      const backup = {
        format: 'qari-backup',
        version: 1,
        exportedAt: new Date(T0).toISOString(),
        entries: [
          { ...backupEntryOf(article, new Date(T0).toISOString()), highlights: [good, bad] },
        ],
      };
      await expect(importLibrary(db, backup)).rejects.toThrow(StoreError);
      expect(await db.articles.count()).toBe(0);
    }
  });
});

describe('highlightedArticles', () => {
  it('gives every entry with highlights, oldest saved first, and none without or deleted', async () => {
    const db = freshDb();
    dbs.push(db);
    const save = async (n: number) =>
      (
        await saveArticle(
          db,
          makeArticle({ text: TEXT, url: `https://www.example.com/news/${n}`, title: `مقال ${n}` }),
          { now: T0 + n },
        )
      ).entry.id;
    const [a, b, , gone] = [await save(3), await save(1), await save(2), await save(4)];
    const add = (id: number, phrase: string) =>
      addHighlight(db, id, { selectors: selectorsOf(phrase), color: 'green', note: '' }, T0 + 9);
    await add(a, 'الوفدين');
    await add(b, 'القاهرة');
    await add(b, 'المتحدث');
    await add(gone, 'القاهرة');
    await deleteEntries(db, [gone], T0 + 10);
    const out = await highlightedArticles(db);
    expect(out.map((x) => x.title)).toEqual(['مقال 1', 'مقال 3']);
    expect(out[0]).toMatchObject({
      url: 'https://www.example.com/news/1',
      dir: 'rtl',
      savedAt: T0 + 1,
    });
    expect(out[0]!.highlights.map((h) => h.quote.exact)).toEqual(['القاهرة', 'المتحدث']);
  });
});
