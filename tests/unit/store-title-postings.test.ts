import { vi } from 'vitest';
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { deleteEntries, saveArticle, undoDelete } from '@/lib/store/articles';
import { exportLibraryJson, importLibrary } from '@/lib/store/backup';
import { QariDb } from '@/lib/store/db';
import type { TermsRow } from '@/lib/store/entry';
import fc from 'fast-check';
import { search } from '@/lib/search';
import { titleWordPosting } from '@/lib/search/postings';
import { applyChange, flushTitlePostings, postQueued } from '@/lib/store/title-postings';
import { newEntryRow, splitArticle } from '@/lib/store/entry';
import { writeEntries, writeEntry, writing } from '@/lib/store/write';
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

/** Each term's ids over its rows (they come ordered by term, then block), once posted. */
async function stored(from: QariDb): Promise<Record<string, number[]>> {
  await flushTitlePostings(from);
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
    await flushTitlePostings(db);
    expect(await db.titlePostings.count()).toBe(0);
  });

  it('split a term’s ids by block, so a write rewrites a bounded row', async () => {
    await db.terms.bulkPut([termsRow(5, ['نفط']), termsRow(700, ['نفط']), termsRow(1500, ['نفط'])]);
    await flushTitlePostings(db);
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

describe('the title queue', () => {
  const ids = async (query: string) => (await search(db, query)).hits.map((h) => h.entry.id).sort();

  it('takes a save’s title change instead of the postings, which get it once posted', async () => {
    const a = await save(1, 'المدارس الحكومية تفتح أبوابها');
    expect(await db.titlePostings.count()).toBe(0);
    expect((await db.titleQueue.toArray()).map((r) => r.id)).toEqual([a]);
    await flushTitlePostings(db);
    expect(await db.titleQueue.count()).toBe(0);
    expect((await stored(db))['مدارس']).toEqual([a]);
  });

  it('waits to post while the disk is full, and posts once there is room', async () => {
    let free = 0;
    vi.stubGlobal('navigator', {
      storage: { estimate: async () => ({ quota: 5_000_000 + free, usage: 5_000_000 }) },
    });
    try {
      const a = await save(1, 'المدارس الحكومية تفتح أبوابها');
      await flushTitlePostings(db);
      expect(await db.titleQueue.count()).toBe(1);
      expect(await db.titlePostings.count()).toBe(0);
      expect(await ids('المدارس')).toEqual([a]);
      free = 1 << 30;
      await flushTitlePostings(db);
      expect(await db.titleQueue.count()).toBe(0);
      expect((await stored(db))['مدارس']).toEqual([a]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('leaves what a stopped writer queued to the next write’s posting; a reading context posts nothing', async () => {
    const a = await save(1, 'المدارس الحكومية تفتح أبوابها');
    // The writer stops before its posting (a worker shut down, a popup closed at once).
    db.close();
    const reader = new QariDb(db.name);
    try {
      expect((await search(reader, 'المدارس')).hits.map((h) => h.entry.id)).toEqual([a]);
      // Longer than any posting a write plans, and than the one at open this replaced.
      await new Promise((r) => setTimeout(r, 5500));
      expect(await reader.titleQueue.count()).toBe(1);
      const b = (await saveArticle(reader, makeArticle({ url: 'https://example.com/2' }))).entry.id;
      await new Promise((r) => setTimeout(r, 1500));
      expect(await reader.titleQueue.count()).toBe(0);
      expect((await stored(reader))['مدارس']).toEqual([a]);
      expect(b).toBeGreaterThan(a);
    } finally {
      db = reader;
    }
  }, 15_000);

  it('lets search find an article saved a moment ago, before its title is posted', async () => {
    const a = await save(1, 'المدارس الحكومية تفتح أبوابها');
    expect(await db.titleQueue.count()).toBe(1);
    expect(await ids('المدارس')).toEqual([a]);
    expect(await ids('المدا')).toEqual([a]);
  });

  it('keeps search from finding a queued entry under a title word it lost, or once deleted', async () => {
    const a = await save(1, 'المدارس الحكومية تفتح أبوابها');
    const b = await save(2, 'النفط يتراجع');
    await flushTitlePostings(db);
    await save(1, 'الأسواق تنتعش');
    expect(await ids('المدارس')).toEqual([]);
    expect(await ids('الأسواق')).toEqual([a]);
    await deleteEntries(db, [b]);
    expect(await ids('النفط')).toEqual([]);
    await flushTitlePostings(db);
    expect(await ids('المدارس')).toEqual([]);
    expect(await ids('الأسواق')).toEqual([a]);
    await expectInStep();
  });

  it('reads neither the terms nor the queue when a save creates its entry', async () => {
    const reads: string[] = [];
    const readCounter: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'ReadCounter',
      // Below the title postings' middleware, so its reads pass through here.
      level: 0,
      create: (down) => ({
        ...down,
        table: (name): DBCoreTable => {
          const t = down.table(name);
          const seen = () => (name === 'terms' || name === 'titleQueue') && reads.push(name);
          return {
            ...t,
            get: (req) => (seen(), t.get(req)),
            getMany: (req) => (seen(), t.getMany(req)),
            query: (req) => (seen(), t.query(req)),
          };
        },
      }),
    };
    await dropDb(db);
    db = freshDb();
    db.use(readCounter);
    await save(1, 'المدارس الحكومية تفتح أبوابها');
    expect(reads).toEqual([]);
    // Saved again: the rows it had are read, so the queue holds what the postings hold.
    await save(1, 'النفط يتراجع');
    expect(reads.length).toBeGreaterThan(0);
    await expectInStep();
  });

  it('stays in step when an entry created in a transaction has its title written again in it', async () => {
    const { meta, body } = splitArticle(
      makeArticle({ url: 'https://example.com/1', title: 'المدارس الحكومية' }),
    );
    await writing(db, async () => {
      const [row] = await writeEntries(db, [
        {
          before: null,
          after: newEntryRow(meta.url, meta, 1, { hasBody: 1 }),
          body,
          origin: 'reader',
        },
      ]);
      // A title with no words left: its second write queues nothing, so the first's row must
      // have been read, not taken for a new entry's.
      const after = { ...row!, meta: { ...row!.meta, title: '' } };
      await writeEntry(db, { before: row!, after, origin: 'reader' });
    });
    expect(await ids('المدارس')).toEqual([]);
    expect((await stored(db))['مدارس']).toBeUndefined();
    await expectInStep();
  });

  it('stays in step whatever the postings’ timing against title writes', async () => {
    const words = ['نفط', 'سعر', 'سوق', 'بنك'];
    const op = fc.oneof(
      fc.record({
        put: fc.integer({ min: 1, max: 6 }),
        title: fc.subarray(words, { minLength: 0 }),
      }),
      fc.record({ del: fc.integer({ min: 1, max: 6 }) }),
      fc.constant({ post: true }),
      // Lets what was started run part way: a write may land inside a posting.
      fc.record({ ticks: fc.integer({ min: 1, max: 40 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 20 }), fc.boolean(), async (ops, wait) => {
        await db.terms.clear();
        await flushTitlePostings(db);
        const live = new Map<number, string[]>();
        const pending: Promise<unknown>[] = [];
        for (const o of ops) {
          let p: Promise<unknown>;
          if ('ticks' in o) {
            for (let i = 0; i < o.ticks; i++) await Promise.resolve();
            continue;
          }
          if ('post' in o) p = postQueued(db);
          else if ('del' in o) {
            live.delete(o.del);
            p = db.terms.delete(o.del);
          } else {
            live.set(o.put, o.title);
            p = db.terms.put(termsRow(o.put, o.title));
          }
          if (wait) await p;
          else pending.push(p);
        }
        await Promise.all(pending);
        // What search reads, queued changes and all, before and after everything is posted.
        for (const phase of ['queued', 'posted']) {
          if (phase === 'posted') await flushTitlePostings(db);
          for (const w of words) {
            const want = [...live].filter(([, t]) => t.includes(w)).map(([id]) => id);
            const got = [...(await titleWordPosting(db, w)).ids].sort((x, y) => x - y);
            expect(got, `${phase} ${w}`).toEqual(want.sort((x, y) => x - y));
          }
        }
        await expectInStep();
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });
});

describe('applyChange', () => {
  it('keeps the ids ascending and distinct', () => {
    expect(applyChange([1, 4, 9], { add: [12, 5, 4], remove: [9] })).toEqual([1, 4, 5, 12]);
    expect(applyChange([1, 4], { add: [7, 8], remove: [] })).toEqual([1, 4, 7, 8]);
    expect(applyChange([3], { add: [], remove: [3] })).toEqual([]);
  });
});
