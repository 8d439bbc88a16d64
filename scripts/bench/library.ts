/* eslint-disable @typescript-eslint/no-explicit-any -- values returned from page.evaluate */
/**
 * `npm run bench -- library`: the reading list at 10,000 articles (save, search, popup first rows).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, ROOT, SHARED_DIR } from '../../tests/e2e/fixtures';
import { quantile, table } from '../lib/stats';

const LIBRARY_SIZE = Number(process.env.BENCH_LIBRARY ?? 10_000);
const QUERY_COUNT = 40;

/** Paragraphs of the corpus's gold texts: the material the synthetic library is built from. */
function paragraphPool(): string[] {
  const files = [
    join(SHARED_DIR, 'fixtures/seed-article.gold.json'),
    ...readdirSync(join(SHARED_DIR, 'corpus/real'))
      .filter((f) => f.endsWith('.gold.json'))
      .map((f) => join(SHARED_DIR, 'corpus/real', f)),
  ];
  const pool: string[] = [];
  for (const f of files) {
    const gold = JSON.parse(readFileSync(f, 'utf8')) as {
      text?: string | null;
      isArabicArticle?: boolean;
    };
    if (gold.isArabicArticle && gold.text)
      pool.push(...gold.text.split(/\n\n+/).filter((p) => p.length > 60));
  }
  return pool;
}

/** One- and two-word queries a reader would type: words of the pool, some without their diacritics/hamza. */
function queries(pool: string[]): { one: string[]; two: string[] } {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const words = pool.flatMap((p) => p.split(/[^\p{L}]+/u)).filter((w) => w.length >= 4);
  const loosen = (w: string) =>
    w
      .replace(/[أإآ]/g, 'ا')
      .replace(/ة$/, 'ه')
      .replace(/[\u064B-\u0652]/g, '');
  const pick = () => words[Math.floor(rand() * words.length)]!;
  const one = Array.from({ length: QUERY_COUNT }, (_, i) => (i % 2 ? loosen(pick()) : pick()));
  const two = Array.from({ length: QUERY_COUNT }, () => {
    const p = pool[Math.floor(rand() * pool.length)]!.split(/[^\p{L}]+/u).filter(
      (w) => w.length >= 4,
    );
    const i = Math.floor(rand() * Math.max(1, p.length - 1));
    return `${p[i] ?? pick()} ${loosen(p[i + 1] ?? pick())}`;
  });
  return { one, two };
}

async function bundleLibraryBench(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [join(ROOT, 'scripts/lib/library-bench-entry.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'QariBench',
    write: false,
    platform: 'browser',
    target: 'chrome120',
    alias: { '@': ROOT },
  });
  return `${out.outputFiles[0]!.text};globalThis.QariBench = QariBench;`;
}

const pq = (xs: number[], q: number) => quantile(xs, q).toFixed(1);

/** The reading list at 10,000 articles in Chromium's real IndexedDB. */
export async function benchLibrary(): Promise<void> {
  const pool = paragraphPool();
  const code = await bundleLibraryBench();
  // BENCH_LIBRARY_PROFILE keeps the seeded library between runs (only missing articles are
  // saved), for quick iterations on search; the save row then covers only the new ones.
  const keep = process.env.BENCH_LIBRARY_PROFILE;
  const profile = keep ?? mkdtempSync(join(tmpdir(), 'qari-library-'));
  try {
    await measureLibrary(profile, pool, code, await seedLibrary(profile, pool, code));
  } finally {
    if (!keep) rmSync(profile, { recursive: true, force: true });
  }
}

interface Seeded {
  have: number;
  before: number;
  saveTimes: number[];
  seconds: number;
}

/** Save the articles the profile's library lacks, in one browser session. */
async function seedLibrary(profile: string, pool: string[], code: string): Promise<Seeded> {
  const l = await launch({ userDataDir: profile });
  try {
    const page = await l.extensionPage('options.html');
    await page.evaluate(code);
    const before = await page.evaluate(() => (globalThis as any).QariBench.usage());
    const saveTimes: number[] = [];
    const started = Date.now();
    const have: number = await page.evaluate(() => (globalThis as any).QariBench.count());
    for (let from = have; from < LIBRARY_SIZE; from += 500) {
      const to = Math.min(LIBRARY_SIZE, from + 500);
      saveTimes.push(
        ...(await page.evaluate(([p, a, b]) => (globalThis as any).QariBench.seed(p, a, b), [
          pool,
          from,
          to,
        ] as const)),
      );
    }
    return { have, before, saveTimes, seconds: (Date.now() - started) / 1000 };
  } finally {
    await l.close();
  }
}

/**
 * Search and the popup, timed in a new browser session over the seeded profile: a reader's
 * library is built over months and opened in a fresh session, not searched while 10,000 saves
 * of the last minutes are still being compacted on disk (which slowed both our search and the
 * plain scan by half in the run right after seeding).
 */
async function measureLibrary(
  profile: string,
  pool: string[],
  code: string,
  { have, before, saveTimes, seconds }: Seeded,
): Promise<void> {
  const l = await launch({ userDataDir: profile });
  try {
    const page = await l.extensionPage('options.html');
    await page.evaluate(code);
    const count = await page.evaluate(() => (globalThis as any).QariBench.count());
    const after = await page.evaluate(() => (globalThis as any).QariBench.usage());
    const { one, two } = queries(pool);
    const run = (fn: string, qs: string[]) =>
      page.evaluate(([f, q]) => (globalThis as any).QariBench[f](q), [fn, qs] as const) as Promise<{
        ms: number[];
        hits: number[];
      }>;
    await run('timeSearch', one.slice(0, 5)); // warm the caches a reader's first keystroke warms
    const ours1 = await run('timeSearch', one);
    const ours2 = await run('timeSearch', two);
    // BENCH_SLOWEST=N names the N slowest queries of each cold row, to see what a tail is made of.
    const slowest = Number(process.env.BENCH_SLOWEST ?? 0);
    for (const [qs, r] of [
      [one, ours1],
      [two, ours2],
    ] as const) {
      const by = qs.map((q, i) => [r.ms[i]!, q, r.hits[i]!] as const).sort((a, b) => b[0] - a[0]);
      for (const [ms, q, hits] of by.slice(0, slowest))
        console.log(`slow: ${ms.toFixed(1)} ms  ${q}  (${hits} hits)`);
    }
    // A reader types: every keystroke searches (the popup debounces, but a pause may fall after
    // any letter). Timed after the cold rows, in one session, as the popup would run them.
    const typed1 = await run('timeTyping', one);
    const typed2 = await run('timeTyping', two);
    const scan1 = await run('plainScan', one.slice(0, 10));
    const scan2 = await run('plainScan', two.slice(0, 10));
    const popupMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const popup = await l.context.newPage();
      await popup.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.querySelector('[role="listitem"]')) {
            (globalThis as any).__firstRow = performance.now();
            obs.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await popup.goto(`chrome-extension://${l.extensionId}/popup.html`);
      await popup.locator('[role="listitem"]').first().waitFor();
      popupMs.push(await popup.evaluate(() => (globalThis as any).__firstRow as number));
      await popup.close();
    }
    console.log(
      `\n## Reading list: ${count} articles in Chromium's IndexedDB (built in ${seconds.toFixed(0)} s)`,
    );
    table(
      ['measure', 'ours (p50 / p95)', 'anchor: plain scan (p50 / p95)', 'goal'],
      [
        [
          'save one article (ms)',
          saveTimes.length ? `${pq(saveTimes, 0.5)} / ${pq(saveTimes, 0.95)}` : '—',
          '—',
          '—',
        ],
        [
          'search, one word (ms)',
          `${pq(ours1.ms, 0.5)} / ${pq(ours1.ms, 0.95)}`,
          `${pq(scan1.ms, 0.5)} / ${pq(scan1.ms, 0.95)}`,
          'p95 ≤ 30',
        ],
        [
          'search, two words (ms)',
          `${pq(ours2.ms, 0.5)} / ${pq(ours2.ms, 0.95)}`,
          `${pq(scan2.ms, 0.5)} / ${pq(scan2.ms, 0.95)}`,
          'p95 ≤ 30',
        ],
        [
          'search as you type, one word: per keystroke (ms)',
          `${pq(typed1.ms, 0.5)} / ${pq(typed1.ms, 0.95)}`,
          '—',
          'p95 ≤ 30',
        ],
        [
          'search as you type, two words: per keystroke (ms)',
          `${pq(typed2.ms, 0.5)} / ${pq(typed2.ms, 0.95)}`,
          '—',
          'p95 ≤ 30',
        ],
        [
          'popup open → first row painted (ms)',
          `${pq(popupMs, 0.5)} / ${pq(popupMs, 0.95)}`,
          '—',
          '≤ 200',
        ],
        [
          'bytes on disk per article',
          count > have ? ((after - before) / (count - have)).toFixed(0) : '—',
          '—',
          '—',
        ],
      ],
    );
    const found = (h: number[]) => h.filter((x) => x > 0).length;
    console.log(
      `Queries with hits: ours ${found(ours1.hits)}/${one.length} one-word, ${found(ours2.hits)}/${two.length} two-word; plain scan ${found(scan1.hits)}/10 and ${found(scan2.hits)}/10 (it misses spelling variants).`,
    );
  } finally {
    await l.close();
  }
}
