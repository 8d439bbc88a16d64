/**
 * The search-quality table (tests/search-quality/): every query run through the real search over
 * the table's articles saved in a real (fake-indexeddb) store, measured beside a Lucene-style
 * Arabic analyzer and a plain substring match on the same articles. Prints the three rows and the
 * queries ours gets wrong; holds ours to the bars of issue 18.
 */
import { saveArticle } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { search } from '@/lib/search';
import { ARTICLES } from '../search-quality/articles';
import { luceneStyle, substring } from '../search-quality/baselines';
import { formatRow, measure, type QueryOutcome } from '../search-quality/metrics';
import { QUERIES as FIRST } from '../search-quality/queries';
import { LATE_QUERIES } from '../search-quality/queries-late';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

const QUERIES = [...FIRST, ...LATE_QUERIES];

let db: QariDb;
const idOf = new Map<number, string>();

beforeAll(async () => {
  db = freshDb();
  // Saved one after another, as a reader builds a list: the last saved is the newest.
  for (const a of ARTICLES) {
    const url = `https://news.example/${a.id}`;
    const saved = await saveArticle(db, makeArticle({ url, title: a.title, text: a.text }));
    idOf.set(saved.entry.id, a.id);
  }
}, 60_000);
afterAll(() => dropDb(db));

async function ours(query: string): Promise<string[]> {
  const res = await search(db, query, { limit: 10 });
  return res.hits.map((h) => idOf.get(h.entry.id)!);
}

async function run(engine: (q: string) => string[] | Promise<string[]>): Promise<QueryOutcome[]> {
  const out: QueryOutcome[] = [];
  for (const query of QUERIES) out.push({ query, ids: await engine(query.query) });
  return out;
}

function misses(outcomes: QueryOutcome[]): string[] {
  return outcomes
    .filter((o) => {
      const e = o.query.expect;
      if (e.length === 0) return o.ids.length > 0;
      return o.ids[0] !== e[0] || e.some((id) => !o.ids.slice(0, 10).includes(id));
    })
    .map(
      (o) =>
        `  [${o.query.kind}] «${o.query.query}» want ${o.query.expect.join(',') || '∅'} got ${o.ids.slice(0, 5).join(',') || '∅'}`,
    );
}

describe('search quality table', () => {
  it('covers at least 150 queries over at least 60 articles, 10 of them must find nothing', () => {
    expect(ARTICLES.length).toBeGreaterThanOrEqual(60);
    expect(QUERIES.length).toBeGreaterThanOrEqual(150);
    expect(QUERIES.filter((q) => q.expect.length === 0).length).toBeGreaterThanOrEqual(10);
    const ids = new Set(ARTICLES.map((a) => a.id));
    for (const q of QUERIES) for (const id of q.expect) expect(ids).toContain(id);
  });

  it('meets the bars, and prints ours beside Lucene-style and substring', async () => {
    const mine = await run(ours);
    const lucene = await run(luceneStyle(ARTICLES));
    const sub = await run(substring(ARTICLES));
    const m = measure(mine);
    console.log(
      [
        `search quality: ${m.answerable} answerable + ${m.none} must-find-nothing queries over ${ARTICLES.length} articles`,
        formatRow('ours', m),
        formatRow('Lucene-style', measure(lucene)),
        formatRow('substring', measure(sub)),
        'ours, not as wanted:',
        ...misses(mine),
      ].join('\n'),
    );
    expect(m.p1).toBeGreaterThanOrEqual(0.9);
    expect(m.recall10).toBeGreaterThanOrEqual(0.9);
    expect(m.noResult).toBeLessThanOrEqual(0.05);
    expect(m.wrong10).toBeLessThanOrEqual(0.5);
    expect(m.falseHits).toBe(0);
  }, 60_000);
});
