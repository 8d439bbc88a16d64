/**
 * Bundled by the benchmark (esbuild, IIFE) and evaluated in an extension page, so the library's
 * own code runs against Chromium's real IndexedDB in the extension's origin.
 */
import type { Article } from '../../lib/article';
import { openDb } from '../../lib/store/db';
import { saveArticle } from '../../lib/store/articles';
import { search } from '../../lib/search/index';
import { seededRandom } from '../../lib/random';
import { SEARCH_PAGE_SIZE } from '../../lib/popup/paged-list';
// A namespace: the older builds measured beside ours have no title queue.
import * as titlePostings from '../../lib/store/title-postings';

const SITES = [
  'الجزيرة',
  'بي بي سي عربي',
  'سي إن إن بالعربية',
  'الشرق الأوسط',
  'العربي الجديد',
  'ال بي سي',
];

/** Article n of the synthetic library: paragraphs drawn from real corpus texts. */
export function makeArticle(pool: string[], n: number): Article {
  const r = seededRandom(n + 1);
  const count = 4 + Math.floor(r() * 8);
  const paras = Array.from({ length: count }, () => pool[Math.floor(r() * pool.length)]!);
  const title = paras[0]!.split(/[.،]/)[0]!.slice(0, 90);
  const text = paras.join('\n\n');
  const site = SITES[n % SITES.length]!;
  const day = new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString();
  return {
    url: `https://news${n % 7}.example/${2024 + (n % 3)}/${n}/article-${n}.html?utm_source=x`,
    title,
    byline: null,
    siteName: site,
    published: day,
    lang: 'ar',
    dir: 'rtl',
    excerpt: paras[0]!.slice(0, 200),
    leadImage: null,
    content: paras.map((p) => `<p>${p.replace(/[<&]/g, ' ')}</p>`).join(''),
    text,
    sections: [],
    wordCount: text.split(/\s+/).length,
    readingMinutes: Math.max(1, Math.round(text.length / 612)),
  };
}

/**
 * Articles n in [from, to) saved through the store's save, `parallel` at a time (each its own
 * save; the database runs their transactions one after the other, while one save's analysis
 * overlaps another's disk wait), each save timed from its start.
 */
export async function seed(
  pool: string[],
  from: number,
  to: number,
  parallel = 1,
): Promise<number[]> {
  const db = openDb();
  const times: number[] = [];
  const one = async (n: number) => {
    const a = makeArticle(pool, n);
    const t0 = performance.now();
    await saveArticle(db, a, { now: Date.UTC(2024, 0, 1) + n * 60_000 });
    times.push(performance.now() - t0);
  };
  for (let n = from; n < to; n += parallel) {
    const batch = Array.from({ length: Math.min(parallel, to - n) }, (_, k) => one(n + k));
    await Promise.all(batch);
  }
  return times;
}

/** Articles n in [from, to) saved one by one into the library as it is, each save timed. */
export async function timeSave(
  pool: string[],
  from: number,
  to: number,
): Promise<{ ms: number[]; hits: number[] }> {
  return { ms: await seed(pool, from, to), hits: [] };
}

// What the popup asks a search for: its first page of results.
const SEARCH_OPTIONS = { limit: SEARCH_PAGE_SIZE };

export async function timeSearch(queries: string[]): Promise<{ ms: number[]; hits: number[] }> {
  const db = openDb();
  const ms: number[] = [];
  const hits: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const res = await search(db, q, SEARCH_OPTIONS);
    ms.push(performance.now() - t0);
    hits.push(res.total);
  }
  return { ms, hits };
}

/** Every keystroke of each query typed letter by letter, each answered before the next. */
export async function timeTyping(queries: string[]): Promise<{ ms: number[]; hits: number[] }> {
  const db = openDb();
  const ms: number[] = [];
  const hits: number[] = [];
  for (const q of queries) {
    for (let n = 1; n <= q.length; n++) {
      const t0 = performance.now();
      const res = await search(db, q.slice(0, n), SEARCH_OPTIONS);
      ms.push(performance.now() - t0);
      hits.push(res.total);
    }
  }
  return { ms, hits };
}

/** The anchor: what a plain read-it-later search does — scan every saved text for the raw query. */
export async function plainScan(queries: string[]): Promise<{ ms: number[]; hits: number[] }> {
  const db = openDb();
  const ms: number[] = [];
  const hits: number[] = [];
  for (const q of queries) {
    const words = q.split(/\s+/);
    const t0 = performance.now();
    let found = 0;
    const titles = new Map<number, string>();
    await db.articles.each((row: { id?: number; meta?: { title?: string } }) => {
      if (row.id !== undefined) titles.set(row.id, row.meta?.title ?? '');
    });
    await db.texts.each((row: { id: number; text?: string }) => {
      const hay = `${titles.get(row.id) ?? ''}\n${row.text ?? ''}`;
      if (words.every((w) => hay.includes(w))) found++;
    });
    ms.push(performance.now() - t0);
    hits.push(found);
  }
  return { ms, hits };
}

/**
 * The analyzer version every search row was last rebuilt with (`indexVersion` in `listState`,
 * written by the worker's re-index); 0 when none is recorded or the build keeps no such state.
 */
export async function indexBuilt(): Promise<number> {
  try {
    const row = (await openDb().table('listState').get('indexVersion')) as
      { value?: unknown } | undefined;
    return typeof row?.value === 'number' ? row.value : 0;
  } catch {
    return 0;
  }
}

export async function usage(): Promise<number> {
  const e = await navigator.storage.estimate();
  return e.usage ?? 0;
}

/**
 * Post the title changes a closed session left queued (`lib/store/title-postings.ts`): the last
 * session's saves, a second before it closed. A reader's browser stays open a while after a save
 * and posts them then; left queued, they would be posted 5 s into this session, beside whatever it
 * measures. Nothing for a build without the queue.
 */
export async function settle(): Promise<void> {
  const flush = (titlePostings as { flushTitlePostings?: (db: unknown) => Promise<void> })
    .flushTitlePostings;
  if (flush) await flush(openDb());
}

export async function count(): Promise<number> {
  return openDb().articles.count();
}
