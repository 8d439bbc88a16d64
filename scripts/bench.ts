/* eslint-disable @typescript-eslint/no-explicit-any -- values returned from page.evaluate */
/**
 * `npm run bench`: our numbers beside their anchors, measured in the same run.
 * Speed is measured here, never asserted in tests. Timings on a shared 2-core machine are noisy:
 * read the ratios, which are measured side by side.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, ROOT, SHARED_DIR, tabIdOf, type Launched } from '../tests/e2e/fixtures';
import { startServer } from '../tests/e2e/server';
import {
  askBackground,
  baselineOnFreshPage,
  oursOnFreshPage,
  waitForTabState,
} from './lib/eval-page';
import { readerFrame } from '../tests/e2e/reader-helpers';
import type { TabState } from '../lib/messages';
import { benchAlwaysOnTask } from './lib/always-on-bench';
import { launchBare, type BareChromium } from './lib/bare-chromium';
import { median, quantile, table } from './lib/stats';
import { benchImport } from './lib/import-bench';
import { benchPreview } from './lib/preview-bench';
import { capacity } from '../tests/support/sync-capacity';
import { arabicWords, sampleEntries } from '../tests/support/sync-sample';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EXT = join(ROOT, '.output/chrome-mv3');
const POLYFILL_MIN = join(ROOT, 'node_modules/webextension-polyfill/dist/browser-polyfill.min.js');
const FORBIDDEN_IN_ALWAYS_ON = ['Readability', 'preact', 'Dexie', 'DOMPurify'];
const POLYFILL_MARK = 'webRequest';

function benchSize(): void {
  const total = statSync(join(EXT, 'page.js')).size;
  const src = readFileSync(join(EXT, 'page.js'), 'utf8');
  // The polyfill names the API namespaces it wraps; the always-on script itself names none.
  const polyfill = src.includes(POLYFILL_MARK) ? statSync(POLYFILL_MIN).size : 0;
  const found = FORBIDDEN_IN_ALWAYS_ON.filter((w) => src.includes(w));
  console.log('\n## Always-on content script size (minified)');
  table(
    ['', 'bytes', 'KB'],
    [
      ['page.js (total)', total, (total / 1024).toFixed(2)],
      [
        `webextension-polyfill (min)${polyfill ? '' : ': not in page.js'}`,
        polyfill,
        (polyfill / 1024).toFixed(2),
      ],
      [
        'ours beyond the polyfill (goal ≤ 8 KB)',
        total - polyfill,
        ((total - polyfill) / 1024).toFixed(2),
      ],
    ],
  );
  console.log(`Heavy libraries in it: ${found.length ? found.join(', ') : 'none'}`);
}

/** The always-on script's whole task per page (trace), beside the floor any such script pays. */
async function benchAlwaysOn(): Promise<void> {
  const { sets, server } = await pagesServer();
  try {
    const urls = sets.flatMap((s) => s.files.map((f) => server.url(s.prefix + f)));
    await benchAlwaysOnTask(server, urls, RUNS, AB_DIR);
  } finally {
    await server.close();
  }
}

/** The benchmark's pages, served on loopback. */
async function pagesServer() {
  const sets = pagesOf();
  const server = await startServer(sets.map((s) => ({ prefix: s.prefix, dir: s.dir })));
  return { sets, server };
}

function pagesOf(): { dir: string; prefix: string; files: string[] }[] {
  const real = join(SHARED_DIR, 'corpus/real');
  const fixtures = join(SHARED_DIR, 'fixtures');
  const html = (d: string) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.html'))
      .sort();
  return [
    { dir: real, prefix: '/real/', files: html(real) },
    { dir: fixtures, prefix: '/fixtures/', files: html(fixtures) },
  ];
}

async function benchPages(): Promise<void> {
  const { sets, server } = await pagesServer();
  const l = await launch({ server });
  const rows: (string | number)[][] = [];
  const detectAll: number[] = [];
  const ratios: number[] = [];
  let oursSum = 0;
  let theirsSum = 0;
  try {
    for (const set of sets) {
      for (const file of set.files) {
        const detect: number[] = [];
        const ours: number[] = [];
        const theirs: number[] = [];
        // Each measure on a fresh load of the page, in alternating order, so neither side
        // inherits the other's warm caches.
        const url = server.url(set.prefix + file);
        for (let i = 0; i < RUNS; i++) {
          const oursFirst = i % 2 === 0;
          if (!oursFirst) theirs.push(await baselineOnFreshPage(l, url));
          const o = await oursOnFreshPage(l, url);
          if (o.detectMs !== null) detect.push(o.detectMs);
          if (o.extractMs !== null) ours.push(o.extractMs);
          if (oursFirst) theirs.push(await baselineOnFreshPage(l, url));
        }
        const d = median(detect);
        const o = median(ours);
        const t = median(theirs);
        detectAll.push(...detect);
        if (ours.length) {
          oursSum += o;
          theirsSum += t;
          ratios.push(o / t);
        }
        rows.push([
          file,
          d.toFixed(2),
          ours.length ? o.toFixed(1) : '—',
          t.toFixed(1),
          ours.length ? (o / t).toFixed(2) : '—',
        ]);
      }
    }
  } finally {
    await l.close();
    await server.close();
  }
  console.log(`\n## Per page, median of ${RUNS} runs (ms)`);
  table(['page', 'always-on, own clock', 'our extraction', 'bare Readability', 'ratio'], rows);
  console.log('\n## Summary');
  table(
    ['measure', 'ours', 'anchor', 'goal'],
    [
      [
        'always-on, own clock (first statement → detection), median (ms)',
        median(detectAll).toFixed(2),
        '—',
        'see always-on',
      ],
      [
        'extraction, sum over pages (ms)',
        oursSum.toFixed(1),
        `${theirsSum.toFixed(1)} (bare Readability)`,
        '≤ 1.25 ×',
      ],
      ['extraction ÷ Readability, median ratio', median(ratios).toFixed(2), '1.00', '≤ 1.25'],
    ],
  );
}

const PAINTED_MARK = 'qari:article-painted';

// Another build to measure beside this one, page by page in alternating order (an A/B in one run).
const AB_DIR = process.env.BENCH_AB_DIR;

/**
 * Reader command → article painted on a fresh load of `url`, driven by Playwright; null where no
 * article is detected. Playwright holds the reader's new frame until it has attached to it, so
 * this includes its work: shown beside the measure without a debugger, not instead of it.
 */
async function readerOnce(l: Launched, url: string): Promise<number | null> {
  const page = await l.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const tabId = await tabIdOf(l, page);
    const state = await waitForTabState(l, tabId);
    if (!state?.detection.isArticle || !state.detection.isArabic) return null;
    const t0 = Date.now();
    const res = await askBackground<{ ok: boolean }>(l, 'reader:open', { tabId });
    if (!res.ok) throw new Error(`reader did not open on ${url}`);
    const frame = await readerFrame(page);
    const paintedAt = await frame.evaluate(async (mark) => {
      for (;;) {
        const [e] = performance.getEntriesByName(mark);
        if (e) return performance.timeOrigin + e.startTime;
        await new Promise((r) => setTimeout(r, 5));
      }
    }, PAINTED_MARK);
    return paintedAt - t0;
  } finally {
    await page.close();
  }
}

/**
 * The same in Chromium with no debugger on the tab or the frame (scripts/lib/bare-chromium.ts):
 * the control page opens the tab, waits for its detection, takes the time and asks the
 * background to open the reader, as the popup does; the frame is attached to once it has
 * painted, to read its mark. Both times are wall-clock based (timeOrigin + now).
 */
async function readerOnceBare(b: BareChromium, url: string): Promise<number | null> {
  const tabId = await b.control<number>(
    `chrome.tabs.create({ url: ${JSON.stringify(url)} }).then((t) => t.id)`,
  );
  try {
    const state = await b.control<TabState | null>(`(async () => {
      for (let i = 0; i < 200; i++) {
        const tab = await chrome.tabs.get(${tabId});
        const s = await chrome.runtime.sendMessage({ type: 'tab:state', payload: { tabId: ${tabId} } });
        if (s && tab.status === 'complete') return s;
        await new Promise((r) => setTimeout(r, 50));
      }
      return null;
    })()`);
    if (!state?.detection.isArticle || !state.detection.isArabic) return null;
    const { t0, ok } = await b.control<{ t0: number; ok: boolean }>(`(async () => {
      const t0 = performance.timeOrigin + performance.now();
      const r = await chrome.runtime.sendMessage({ type: 'reader:open', payload: { tabId: ${tabId} } });
      return { t0, ok: Boolean(r && r.ok) };
    })()`);
    if (!ok) throw new Error(`reader did not open on ${url}`);
    const frame = await b.attach(`chrome-extension://${b.extensionId}/reader.html`);
    const paintedAt = await b.evaluate<number>(
      frame,
      `(async () => {
        for (;;) {
          const [e] = performance.getEntriesByName(${JSON.stringify(PAINTED_MARK)});
          if (e) return performance.timeOrigin + e.startTime;
          await new Promise((r) => setTimeout(r, 5));
        }
      })()`,
    );
    return paintedAt - t0;
  } finally {
    await b.control(`chrome.tabs.remove(${tabId})`);
  }
}

/**
 * Reader command → article painted, per Arabic article page (median of RUNS): without a
 * debugger (the goal's measure) and under Playwright, beside bare Readability's parse. With
 * BENCH_AB_DIR, that build is measured too without a debugger, in alternating order.
 */
async function benchReader(): Promise<void> {
  const { sets, server } = await pagesServer();
  const l = await launch({ server });
  const bare = await launchBare(EXT);
  const other = AB_DIR ? await launchBare(AB_DIR) : null;
  const rows: (string | number)[][] = [];
  const all: number[] = [];
  const allPw: number[] = [];
  const allOther: number[] = [];
  const allBase: number[] = [];
  try {
    for (const set of sets) {
      for (const file of set.files) {
        const url = server.url(set.prefix + file);
        const times: number[] = [];
        const pw: number[] = [];
        const otherTimes: number[] = [];
        const base: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          base.push(await baselineOnFreshPage(l, url));
          const otherFirst = i % 2 === 1;
          const b = other && otherFirst ? await readerOnceBare(other, url) : null;
          const t = await readerOnceBare(bare, url);
          const a = other && !otherFirst ? await readerOnceBare(other, url) : b;
          if (t === null) break;
          times.push(t);
          if (a !== null) otherTimes.push(a);
          const p = await readerOnce(l, url);
          if (p !== null) pw.push(p);
        }
        if (!times.length) continue;
        all.push(median(times));
        allPw.push(median(pw));
        allBase.push(median(base));
        if (otherTimes.length) allOther.push(median(otherTimes));
        rows.push([
          file,
          median(times).toFixed(1),
          ...(other ? [otherTimes.length ? median(otherTimes).toFixed(1) : '—'] : []),
          median(pw).toFixed(1),
          median(base).toFixed(1),
        ]);
      }
    }
  } finally {
    await l.close();
    await bare.close();
    await other?.close();
    await server.close();
  }
  const otherHead = other ? [`other build (${AB_DIR})`] : [];
  console.log(`\n## Reader command → article painted (ms, median of ${RUNS} runs)`);
  table(['page', 'no debugger', ...otherHead, 'under Playwright', 'bare Readability parse'], rows);
  table(
    ['measure', 'ours', ...otherHead, 'anchor', 'goal'],
    [
      [
        'median over article pages, no debugger (ms)',
        median(all).toFixed(1),
        ...(other ? [median(allOther).toFixed(1)] : []),
        `${median(allBase).toFixed(1)} (Readability parse alone)`,
        '≤ 150 ms',
      ],
      [
        'the same under Playwright (ms)',
        median(allPw).toFixed(1),
        ...(other ? ['—'] : []),
        '—',
        '—',
      ],
    ],
  );
}

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
async function benchLibrary(): Promise<void> {
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

/** Words of the shared corpus's Arabic gold texts, for realistic synthetic titles. */
function corpusArabicWords(): string[] {
  const dir = join(SHARED_DIR, 'corpus/real');
  const files = [
    ...readdirSync(dir).map((f) => join(dir, f)),
    join(SHARED_DIR, 'fixtures/seed-article.gold.json'),
  ].filter((f) => f.endsWith('.gold.json'));
  const texts: string[] = [];
  for (const file of files) {
    const g = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (g.language !== 'ar') continue;
    for (const v of [g.title, g.text, g.sections, g.mustContain])
      texts.push(([] as unknown[]).concat(v ?? []).join(' '));
  }
  return arabicWords(texts.join(' '));
}

async function benchSync(): Promise<void> {
  const entries = sampleEntries(1500, { words: corpusArabicWords(), seed: 5 });
  const r = await capacity(entries, { writeSample: 100 });
  console.log('\n## Reading-list sync (storage.sync: 102,400 bytes, 8,192 an item, 512 items)');
  table(
    ['', 'ours', 'goal'],
    [
      ['entries offered (Arabic titles 60–120 chars, ~90-char URLs)', r.entries, '—'],
      ['entries that fit the quota', r.fit, '≥ 1,000'],
      ['quota bytes used', r.documentBytes, '≤ 102,400'],
      ['bytes per entry', r.bytesPerEntry, '—'],
      ['write operations per 100 changes, 30 s apart', r.writesPer100Changes, '—'],
      ['write operations per 100 changes, 200 ms apart', r.writesPer100BurstChanges, '—'],
    ],
  );
}

const SECTIONS: Record<string, () => Promise<void> | void> = {
  library: benchLibrary,
  size: benchSize,
  'always-on': benchAlwaysOn,
  pages: benchPages,
  reader: benchReader,
  sync: benchSync,
  import: benchImport,
  preview: benchPreview,
};

async function main(): Promise<void> {
  execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  for (const [name, run] of Object.entries(SECTIONS))
    if (!only.length || only.includes(name)) await run();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
