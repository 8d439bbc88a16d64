import { deleteEntries, saveArticle, undoDelete } from '@/lib/store/articles';
import { exportLibraryJson, importLibrary } from '@/lib/store/backup';
import type { QariDb } from '@/lib/store/db';
import type { TermsRow } from '@/lib/store/entry';
import { applyChange } from '@/lib/store/title-postings';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

let db: QariDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

/** The postings as the terms rows say they should be. */
async function derived(from: QariDb): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const row of await from.terms.toArray()) {
    for (const t of new Set(row.title)) (out[t] ??= []).push(row.id);
  }
  for (const ids of Object.values(out)) ids.sort((a, b) => a - b);
  return out;
}

/** Each term's ids over its rows (they come ordered by term, then block). */
async function stored(from: QariDb): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const r of await from.titlePostings.toArray()) (out[r.term] ??= []).push(...r.ids);
  return out;
}

async function expectInStep(from: QariDb = db): Promise<void> {
  expect(await stored(from)).toEqual(await derived(from));
}

const save = async (n: number, title: string) =>
  (
    await saveArticle(db, makeArticle({ url: `https://example.com/${n}`, title }), {
      now: 1_700_000_000_000 + n,
    })
  ).entry.id;

const termsRow = (id: number, title: string[]): TermsRow => ({
  id,
  title,
  all: title,
  version: 1,
});

describe('title postings', () => {
  it('follow saves, title changes, deletes and undo', async () => {
    const a = await save(1, 'المدارس الحكومية تفتح أبوابها');
    const b = await save(2, 'الحكومة تعلن خطة المدارس');
    await save(3, 'أسعار النفط');
    await expectInStep();
    expect((await stored(db))['مدارس']).toEqual([a, b]);

    // Saved again under the same URL with another title: the old title's terms lose it.
    await save(1, 'النفط يتراجع');
    await expectInStep();
    expect((await stored(db))['مدارس']).toEqual([b]);

    const { undoToken } = await deleteEntries(db, [b]);
    await expectInStep();
    expect((await stored(db))['مدارس']).toBeUndefined();
    await undoDelete(db, undoToken);
    await expectInStep();
    expect((await stored(db))['مدارس']).toEqual([b]);
  });

  it('are rebuilt by a backup import into another database', async () => {
    await save(1, 'المدارس الحكومية');
    await save(2, 'الحكومة تعلن');
    const json = await exportLibraryJson(db);
    const other = freshDb();
    try {
      await importLibrary(other, json);
      await expectInStep(other);
      expect(Object.keys(await stored(other)).length).toBeGreaterThan(0);
    } finally {
      await dropDb(other);
    }
  });

  it('keep every change of writes issued together in one transaction', async () => {
    await db.transaction('rw', db.terms, () =>
      Promise.all([
        db.terms.put(termsRow(1, ['نفط', 'سعر'])),
        db.terms.put(termsRow(2, ['نفط'])),
        db.terms.bulkPut([termsRow(3, ['نفط', 'سوق']), termsRow(4, ['سوق'])]),
      ]),
    );
    expect(await stored(db)).toEqual({ نفط: [1, 2, 3], سعر: [1], سوق: [3, 4] });
    await db.transaction('rw', db.terms, () =>
      Promise.all([db.terms.delete(1), db.terms.put(termsRow(2, ['سوق']))]),
    );
    expect(await stored(db)).toEqual({ نفط: [3], سوق: [2, 3, 4] });
    await db.terms.where('id').between(3, 4, true, true).delete();
    await expectInStep();
    await db.terms.clear();
    expect(await db.titlePostings.count()).toBe(0);
  });

  it('split a term’s ids by block, so a write rewrites a bounded row', async () => {
    await db.terms.bulkPut([termsRow(5, ['نفط']), termsRow(700, ['نفط']), termsRow(1500, ['نفط'])]);
    const rows = await db.titlePostings.toArray();
    expect(rows.map((r) => [r.block, r.ids])).toEqual([
      [0, [5]],
      [1, [700]],
      [2, [1500]],
    ]);
    await db.terms.delete(700);
    expect(await stored(db)).toEqual({ نفط: [5, 1500] });
    expect(await db.titlePostings.count()).toBe(2);
  });

  it('are left untouched by a transaction that fails', async () => {
    await db.terms.put(termsRow(1, ['نفط']));
    await expect(
      db.transaction('rw', db.terms, async () => {
        await db.terms.put(termsRow(2, ['نفط']));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await stored(db)).toEqual({ نفط: [1] });
  });
});

describe('applyChange', () => {
  it('keeps the ids ascending and distinct', () => {
    expect(applyChange([1, 4, 9], { add: [12, 5, 4], remove: [9] })).toEqual([1, 4, 5, 12]);
    expect(applyChange([1, 4], { add: [7, 8], remove: [] })).toEqual([1, 4, 7, 8]);
    expect(applyChange([3], { add: [], remove: [3] })).toEqual([]);
  });
});
