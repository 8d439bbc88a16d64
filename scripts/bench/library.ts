/* eslint-disable @typescript-eslint/no-explicit-any -- values returned from page.evaluate */
/**
 * `npm run bench -- library`: the reading list at 10,000 articles (save, search, popup first rows).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, ROOT, SHARED_DIR, type Launched } from '../../tests/e2e/fixtures';
import { quantile, table } from '../lib/stats';
import { startProfile, stopProfile } from './cpu-profile';

const LIBRARY_SIZE = Number(process.env.BENCH_LIBRARY ?? 10_000);
// BENCH_LIBRARY_QUERIES=N times N queries of each kind instead (a quicker run on a loaded machine).
const QUERY_COUNT = Number(process.env.BENCH_LIBRARY_QUERIES ?? 40);
// BENCH_LIBRARY_SEED_PARALLEL=N seeds N saves at a time (the same save, a quicker seeding; the
// "save while seeding" row then times saves that wait on each other).
const SEED_PARALLEL = Number(process.env.BENCH_LIBRARY_SEED_PARALLEL ?? 1);

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

const ENTRY = join(ROOT, 'scripts/lib/library-bench-entry.ts');

/**
 * The bench's page code bundled against the library code of `root` (ours, or an older build's
 * worktree for `BENCH_LIBRARY_BASE`): the same measures run over either build's store and search.
 */
async function bundleLibraryBench(root: string): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: {
      contents: readFileSync(ENTRY, 'utf8'),
      resolveDir: join(root, 'scripts/lib'),
      loader: 'ts',
      sourcefile: 'library-bench-entry.ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'QariBench',
    write: false,
    platform: 'browser',
    target: 'chrome120',
    alias: { '@': root },
  });
  return `${out.outputFiles[0]!.text};globalThis.QariBench = QariBench;`;
}

const pq = (xs: number[], q: number) => quantile(xs, q).toFixed(1);
const p50p95 = (xs: number[]) => (xs.length ? `${pq(xs, 0.5)} / ${pq(xs, 0.95)}` : '—');

/** One extension build measured: ours, or the older build beside it. */
interface Build {
  name: string;
  root: string;
  extensionDir?: string;
  profile: string;
  /** Whether the profile is a temporary one, removed at the end. */
  temporary: boolean;
  code: string;
}

async function buildsToMeasure(): Promise<Build[]> {
  const builds: Build[] = [];
  const add = async (name: string, root: string, keep: string | undefined, dir?: string) =>
    builds.push({
      name,
      root,
      ...(dir ? { extensionDir: dir } : {}),
      profile: keep ?? mkdtempSync(join(tmpdir(), 'qari-library-')),
      temporary: !keep,
      code: await bundleLibraryBench(root),
    });
  // BENCH_LIBRARY_PROFILE keeps the seeded library between runs (only missing articles are
  // saved), for quick iterations on search; the seeding's save row then covers only the new ones.
  await add('ours', ROOT, process.env.BENCH_LIBRARY_PROFILE);
  // BENCH_LIBRARY_BASE=<a built worktree of an older commit> measures it beside ours, interleaved
  // in one run (its own profile: BENCH_LIBRARY_BASE_PROFILE).
  const base = process.env.BENCH_LIBRARY_BASE;
  if (base) {
    const dir = join(base, '.output/chrome-mv3');
    await add('base', base, process.env.BENCH_LIBRARY_BASE_PROFILE, dir);
  }
  return builds;
}

/** The reading list at 10,000 articles in Chromium's real IndexedDB. */
export async function benchLibrary(): Promise<void> {
  const pool = paragraphPool();
  const builds = await buildsToMeasure();
  try {
    const seeded: Seeded[] = [];
    // BENCH_LIBRARY_SEED_ONLY=ours|base seeds that build's kept profile and measures nothing: a
    // 10,000-article profile seeded ahead (e.g. the older build's, which does not change) while
    // the other is worked on.
    const only = process.env.BENCH_LIBRARY_SEED_ONLY;
    for (const b of builds) if (!only || only === b.name) seeded.push(await seedLibrary(b, pool));
    if (only) {
      for (const [i, s] of seeded.entries())
        console.log(
          `${only} ${i}: ${s.have} → ${LIBRARY_SIZE} articles in ${s.seconds.toFixed(0)} s`,
        );
      return;
    }
    await measureLibrary(builds, pool, seeded);
  } finally {
    for (const b of builds) if (b.temporary) rmSync(b.profile, { recursive: true, force: true });
  }
}

interface Seeded {
  have: number;
  before: number;
  saveTimes: number[];
  seconds: number;
}

const launchBuild = (b: Build) =>
  launch({ userDataDir: b.profile, ...(b.extensionDir ? { extensionDir: b.extensionDir } : {}) });

/** Save the articles the profile's library lacks, in one browser session. */
async function seedLibrary(b: Build, pool: string[]): Promise<Seeded> {
  const only = process.env.BENCH_LIBRARY_SEED_ONLY;
  const l = await launchBuild(b);
  try {
    const page = await l.extensionPage('options.html');
    await page.evaluate(b.code);
    const before = await page.evaluate(() => (globalThis as any).QariBench.usage());
    const saveTimes: number[] = [];
    const started = Date.now();
    const have: number = await page.evaluate(() => (globalThis as any).QariBench.count());
    if (have < LIBRARY_SIZE) console.log(`${b.name}: saving articles ${have}–${LIBRARY_SIZE}`);
    for (let from = have; from < LIBRARY_SIZE; from += 500) {
      const to = Math.min(LIBRARY_SIZE, from + 500);
      saveTimes.push(
        ...(await page.evaluate(([p, a, c, k]) => (globalThis as any).QariBench.seed(p, a, c, k), [
          pool,
          from,
          to,
          SEED_PARALLEL,
        ] as const)),
      );
      if (only)
        console.log(`${b.name}: ${to} saved, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    return { have, before, saveTimes, seconds: (Date.now() - started) / 1000 };
  } finally {
    await l.close();
  }
}

interface Timed {
  ms: number[];
  hits: number[];
}

/** A build's browser session over its seeded profile, with the bench's code in an extension page. */
interface Session {
  build: Build;
  l: Launched;
  page: Page;
  count: number;
  usage: number;
  run: (fn: string, ...args: unknown[]) => Promise<Timed>;
}

// How long the worker's re-index of a library saved with an older analyzer may take.
const REINDEX_WAIT_MS = 15 * 60_000;
const REINDEX_POLL_MS = 2000;

/**
 * Wait for our worker to finish re-indexing a library saved with an older analyzer (it starts
 * with the worker), so the measures do not run beside it; prints how long it took.
 */
async function waitForIndex(page: Page): Promise<void> {
  const { INDEX_VERSION } = await import('../../lib/text/terms');
  const started = Date.now();
  const built = () => page.evaluate(() => (globalThis as any).QariBench.indexBuilt() as number);
  if ((await built()) === INDEX_VERSION) return;
  while ((await built()) !== INDEX_VERSION) {
    if (Date.now() - started > REINDEX_WAIT_MS)
      throw new Error(`the re-index to analyzer ${INDEX_VERSION} did not finish in 15 minutes`);
    await new Promise((r) => setTimeout(r, REINDEX_POLL_MS));
  }
  console.log(
    `re-index to analyzer ${INDEX_VERSION}: ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

async function openSession(build: Build): Promise<Session> {
  const l = await launchBuild(build);
  const page = await l.extensionPage('options.html');
  await page.evaluate(build.code);
  if (build.name === 'ours') await waitForIndex(page);
  const count: number = await page.evaluate(() => (globalThis as any).QariBench.count());
  const usage: number = await page.evaluate(() => (globalThis as any).QariBench.usage());
  const run = (fn: string, ...args: unknown[]) =>
    page.evaluate(([f, a]) => (globalThis as any).QariBench[f](...a), [
      fn,
      args,
    ] as const) as Promise<Timed>;
  return { build, l, page, count, usage, run };
}

/** The popup opened in a new tab, timed from navigation to its first row in the DOM. */
async function popupFirstRow(s: Session, trace: boolean): Promise<number> {
  const popup = await s.l.context.newPage();
  const cdp = trace ? await s.l.context.newCDPSession(popup) : null;
  try {
    await popup.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('[role="listitem"]')) {
          (globalThis as any).__firstRow = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    if (cdp) await startProfile(cdp);
    await popup.goto(`chrome-extension://${s.l.extensionId}/popup.html`);
    await popup.locator('[role="listitem"]').first().waitFor({ timeout: 30_000 });
    if (cdp) await stopProfile(cdp, `${s.build.name}: popup open → first row`);
    return await popup.evaluate(() => (globalThis as any).__firstRow as number);
  } finally {
    await popup.close();
  }
}

/** Each session runs `fn` on one item after the other's, so both see the machine alike. */
async function interleaved<T>(
  sessions: Session[],
  items: T[],
  fn: (s: Session, item: T) => Promise<number[]>,
): Promise<number[][]> {
  const out = sessions.map(() => [] as number[]);
  for (const [k, item] of items.entries()) {
    // Alternate which build goes first, so neither always runs right after the other.
    const order = k % 2 ? [...sessions.keys()].reverse() : [...sessions.keys()];
    for (const i of order) out[i]!.push(...(await fn(sessions[i]!, item)));
  }
  return out;
}

// Articles saved per build in the measured session (after the seeded library), one at a time,
// and popup opens per build: BENCH_LIBRARY_SAVES / BENCH_LIBRARY_OPENS for a p95 on more samples.
const SAVE_COUNT = Number(process.env.BENCH_LIBRARY_SAVES ?? 30);
const POPUP_OPENS = Number(process.env.BENCH_LIBRARY_OPENS ?? 7);

/**
 * Search, the popup and saves, timed in new browser sessions over the seeded profiles (with a
 * base build, its session beside ours and every measure interleaved): a reader's library is built
 * over months and opened in a fresh session, not searched while 10,000 saves of the last minutes
 * are still being compacted on disk (which slowed both our search and the plain scan by half in
 * the run right after seeding). `BENCH_TRACE=1` prints where ours spends its time (CPU profiles).
 */
async function measureLibrary(builds: Build[], pool: string[], seeded: Seeded[]): Promise<void> {
  const sessions: Session[] = [];
  try {
    for (const b of builds) sessions.push(await openSession(b));
    for (const s of sessions) await s.run('settle');
    const trace = process.env.BENCH_TRACE === '1';
    const { one, two } = queries(pool);
    const search = (qs: string[]) =>
      interleaved(sessions, qs, async (s, q) => (await s.run('timeSearch', [q])).ms);
    // Warm the caches a reader's first keystroke warms.
    for (const s of sessions) await s.run('timeSearch', one.slice(0, 5));
    console.log('measuring: searches');
    const hits = await Promise.all(sessions.map((s) => s.run('timeSearch', one)));
    const cold1 = await search(one);
    const cold2 = await search(two);
    // BENCH_SLOWEST=N names ours' N slowest queries of each cold row, to see what a tail is made of.
    const slowest = Number(process.env.BENCH_SLOWEST ?? 0);
    for (const [qs, ms] of [
      [one, cold1[0]!],
      [two, cold2[0]!],
    ] as const) {
      const by = qs.map((q, i) => [ms[i]!, q] as const).sort((a, b) => b[0] - a[0]);
      for (const [t, q] of by.slice(0, slowest)) console.log(`slow: ${t.toFixed(1)} ms  ${q}`);
    }
    const typing = (qs: string[]) =>
      interleaved(sessions, qs, async (s, q) => (await s.run('timeTyping', [q])).ms);
    const typed1 = await typing(one);
    const typed2 = await typing(two);
    console.log('measuring: the popup, saves, the plain scan');
    const popups = await interleaved(sessions, [...Array(POPUP_OPENS).keys()], async (s) => [
      await popupFirstRow(s, false),
    ]);
    const saves = await interleaved(sessions, [...Array(SAVE_COUNT).keys()], async (s, k) => {
      const r = await s.run('timeSave', pool, s.count + k, s.count + k + 1);
      return r.ms;
    });
    const scan1 = await sessions[0]!.run('plainScan', one.slice(0, 10));
    const scan2 = await sessions[0]!.run('plainScan', two.slice(0, 10));
    if (trace) await traceOurs(sessions[0]!, one, two, pool);
    printTables(sessions, seeded, { cold1, cold2, typed1, typed2, popups, saves }, scan1, scan2);
    const found = (h: number[]) => h.filter((x) => x > 0).length;
    console.log(
      `Queries with hits (ours): ${found(hits[0]!.hits)}/${one.length} one-word; plain scan ${found(scan1.hits)}/10 and ${found(scan2.hits)}/10 (it misses spelling variants).`,
    );
  } finally {
    for (const s of sessions) await s.l.close();
  }
}

/** CPU profiles of ours: the searches, the popup's first row and saves. */
async function traceOurs(s: Session, one: string[], two: string[], pool: string[]): Promise<void> {
  const cdp = await s.l.context.newCDPSession(s.page);
  const profiled = async (label: string, fn: () => Promise<unknown>) => {
    await startProfile(cdp);
    await fn();
    await stopProfile(cdp, `${s.build.name}: ${label}`);
  };
  await profiled(`${one.length} one-word searches`, () => s.run('timeSearch', one));
  await profiled(`${two.length} two-word searches`, () => s.run('timeSearch', two));
  const from = s.count + SAVE_COUNT;
  await profiled('20 saves', () => s.run('timeSave', pool, from, from + 20));
  await popupFirstRow(s, true);
}

interface Columns {
  cold1: number[][];
  cold2: number[][];
  typed1: number[][];
  typed2: number[][];
  popups: number[][];
  saves: number[][];
}

function printTables(
  sessions: Session[],
  seeded: Seeded[],
  c: Columns,
  scan1: Timed,
  scan2: Timed,
): void {
  const names = sessions.map((s) => s.build.name);
  console.log(
    `\n## Reading list: ${sessions.map((s) => `${s.build.name} ${s.count}`).join(', ')} articles in Chromium's IndexedDB` +
      (sessions.length > 1 ? ' (every measure interleaved between the builds)' : ''),
  );
  const col = (xs: number[][]) => xs.map(p50p95);
  const perArticle = (s: Seeded, i: number) => {
    const added = sessions[i]!.count - s.have;
    return added > 0 ? ((sessions[i]!.usage - s.before) / added).toFixed(0) : '—';
  };
  table(
    ['measure', ...names.map((n) => `${n} (p50 / p95)`), 'anchor: plain scan (p50 / p95)', 'goal'],
    [
      ['search, one word (ms)', ...col(c.cold1), p50p95(scan1.ms), 'p95 ≤ 30'],
      ['search, two words (ms)', ...col(c.cold2), p50p95(scan2.ms), 'p95 ≤ 30'],
      ['search as you type, one word: per keystroke (ms)', ...col(c.typed1), '—', 'p95 ≤ 30'],
      ['search as you type, two words: per keystroke (ms)', ...col(c.typed2), '—', 'p95 ≤ 30'],
      ['popup open → first row painted (ms)', ...col(c.popups), '—', '≤ 200'],
      [`save one article into the library, ${SAVE_COUNT} (ms)`, ...col(c.saves), '—', '—'],
      ['save while seeding (ms)', ...seeded.map((s) => p50p95(s.saveTimes)), '—', '—'],
      ['bytes on disk per article (seeding)', ...seeded.map(perArticle), '—', '—'],
      // A profile seeded ahead (BENCH_LIBRARY_SEED_ONLY) is not seeded in the run: its whole use.
      [
        'bytes on disk per article (whole profile)',
        ...sessions.map((s) => (s.count > 0 ? (s.usage / s.count).toFixed(0) : '—')),
        '—',
        '—',
      ],
    ],
  );
  for (const [i, s] of seeded.entries())
    if (s.saveTimes.length) console.log(`${names[i]}: seeded in ${s.seconds.toFixed(0)} s`);
}
