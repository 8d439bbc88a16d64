import fc from 'fast-check';
import { saveArticle } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { search, type SearchTuning } from '@/lib/search';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

// Force each path of the query planner: a typed prefix read whole from the index, checked on
// the candidates' term rows, or walked in rank order as for a broad prefix; common finished
// words walked or read whole.
const NARROW: Partial<SearchTuning> = { filterMax: 0, probeMax: 1_000_000 };
const FILTER: Partial<SearchTuning> = { filterMax: 1_000_000 };
const BROAD: Partial<SearchTuning> = { filterMax: 0, probeMax: 1, walkBatch: 3 };
// Common finished words read whole at once instead of walked.
const READ: Partial<SearchTuning> = { ...BROAD, walkMax: 0 };

const WORDS = [
  'المدارس',
  'مدرسة',
  'الحكومة',
  'حكومي',
  'مستشفى',
  'المستقبل',
  'مستوى',
  'استقرار',
  'الاقتصاد',
  'اقتصادية',
  'وزير',
  'الوزراء',
  'مصر',
  'مصرف',
];
const T0 = Date.UTC(2025, 0, 1);

async function fill(db: QariDb, docs: { title: string[]; body: string[]; at: number }[]) {
  for (const [i, d] of docs.entries()) {
    await saveArticle(
      db,
      makeArticle({
        url: `https://example.com/${i}`,
        title: d.title.join(' '),
        text: d.body.join(' '),
      }),
      { now: T0 + d.at },
    );
  }
}

describe('query strategies agree', () => {
  const word = fc.constantFrom(...WORDS);
  const doc = fc.record({
    title: fc.array(word, { minLength: 1, maxLength: 3 }),
    body: fc.array(word, { maxLength: 8 }),
    at: fc.integer({ min: 0, max: 50 }),
  });
  const query = fc
    .tuple(fc.array(word, { maxLength: 1 }), word, fc.integer({ min: 2, max: 6 }))
    .map(([done, typing, n]) => [...done, typing.slice(0, n)].join(' '));

  it('narrow, filtered and broad paths give the same hits in the same order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(doc, { minLength: 1, maxLength: 14 }),
        query,
        fc.integer({ min: 1, max: 5 }),
        async (docs, q, limit) => {
          const db = freshDb();
          try {
            await fill(db, docs);
            const ids = async (tuning: Partial<SearchTuning>, offset: number) =>
              (await search(db, q, { tuning, offset, limit })).hits.map((h) => h.entry.id);
            for (const offset of [0, limit]) {
              const narrow = await ids(NARROW, offset);
              expect(await ids(FILTER, offset)).toEqual(narrow);
              expect(await ids(BROAD, offset)).toEqual(narrow);
              expect(await ids(READ, offset)).toEqual(narrow);
            }
            const exact = await search(db, q, { tuning: NARROW });
            const broad = await search(db, q, { tuning: BROAD, limit: 1000 });
            expect(exact.exact).toBe(true);
            expect(broad).toMatchObject({ total: exact.total, exact: true });
          } finally {
            await dropDb(db);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a broad prefix', () => {
  let db: QariDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => dropDb(db));

  it('fills the page from the newest matches and estimates the total', async () => {
    const docs = Array.from({ length: 40 }, (_, i) => ({
      // Every other article mentions the future; two have it in the title.
      title: i === 3 || i === 30 ? ['المستقبل'] : ['تقرير'],
      body: i % 2 === 0 ? ['المستقبل', 'مدرسة'] : ['مدرسة'],
      at: i,
    }));
    await fill(db, docs);
    const exact = await search(db, 'المستق', { tuning: NARROW, limit: 5 });
    const broad = await search(db, 'المستق', { tuning: BROAD, limit: 5 });
    expect(broad.hits.map((h) => h.entry.id)).toEqual(exact.hits.map((h) => h.entry.id));
    expect(broad.hits[0]?.titleMatches).toBe(1);
    expect(exact.total).toBe(21);
    expect(broad.exact).toBe(false);
    expect(broad.total).toBeGreaterThanOrEqual(broad.hits.length);
    expect(Math.abs(broad.total - exact.total)).toBeLessThanOrEqual(8);
  });
});

describe('a broad prefix filling its page from titles', () => {
  let db: QariDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => dropDb(db));

  it('still estimates how often the bodies match', async () => {
    // The 12 newest have the prefix in the title; of the 36 older ones, every third in the body.
    const docs = Array.from({ length: 48 }, (_, i) => ({
      title: i >= 36 ? ['المستقبل'] : ['تقرير'],
      body: i < 36 && i % 3 === 0 ? ['المستقبل'] : ['مدرسة'],
      at: i,
    }));
    await fill(db, docs);
    const tuning = { ...BROAD, walkBatch: 8 };
    const broad = await search(db, 'المستق', { tuning, limit: 5 });
    expect(broad.exact).toBe(false);
    expect(broad.hits.every((h) => h.titleMatches === 1)).toBe(true);
    expect(broad.total).toBeGreaterThanOrEqual(12 + 6);
    expect(broad.total).toBeLessThanOrEqual(12 + 20);
  });
});

describe('the recency cache', () => {
  let db: QariDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => dropDb(db));

  it('follows saves, deletes, undo and re-dated entries', async () => {
    const { deleteEntries, undoDelete } = await import('@/lib/store/articles');
    const { applyRemote } = await import('@/lib/store/sync-adapter');
    await fill(db, [
      { title: ['مدرسة'], body: [], at: 1 },
      { title: ['مدرسة'], body: [], at: 2 },
      { title: ['مدرسة'], body: [], at: 3 },
    ]);
    const ids = async () =>
      (await search(db, 'مدر', { tuning: BROAD })).hits.map((h) => h.entry.article.url.slice(-1));
    expect(await ids()).toEqual(['2', '1', '0']);
    const middle = (await search(db, 'مدرسة ')).hits[1]!.entry.id;
    const { undoToken } = await deleteEntries(db, [middle]);
    expect(await ids()).toEqual(['2', '0']);
    await undoDelete(db, undoToken);
    expect(await ids()).toEqual(['2', '1', '0']);
    const old = makeArticle({ url: 'https://example.com/9', title: 'مدرسة', text: '' });
    await saveArticle(db, old, { now: T0 });
    // A save dated before the others goes to the end, though its id is the newest.
    expect(await ids()).toEqual(['2', '1', '0', '9']);
    await applyRemote(db, [
      { canonicalUrl: 'https://example.com/0', fields: { savedAt: T0 + 99 } },
    ]);
    expect(await ids()).toEqual(['0', '2', '1', '9']);
  });
});
