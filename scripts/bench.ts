/**
 * `npm run bench`: our numbers beside their anchors, measured in the same run.
 * Speed is measured here, never asserted in tests. Timings on a shared 2-core machine are noisy:
 * read the ratios, which are measured side by side.
 */
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT, SHARED_DIR } from '../tests/e2e/fixtures';
import { startServer } from '../tests/e2e/server';
import { runEvalPage, askBackground, tabIdForUrl, waitForTabState } from './lib/eval-page';
import { readerFrame } from '../tests/e2e/reader-helpers';
import { median, table } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EXT = join(ROOT, '.output/chrome-mv3');
const POLYFILL_MIN = join(ROOT, 'node_modules/webextension-polyfill/dist/browser-polyfill.min.js');
const FORBIDDEN_IN_ALWAYS_ON = ['Readability', 'preact', 'Dexie', 'DOMPurify'];

function benchSize(): void {
  const total = statSync(join(EXT, 'page.js')).size;
  const polyfill = statSync(POLYFILL_MIN).size;
  const src = readFileSync(join(EXT, 'page.js'), 'utf8');
  const found = FORBIDDEN_IN_ALWAYS_ON.filter((w) => src.includes(w));
  console.log('\n## Always-on content script size (minified)');
  table(
    ['', 'bytes', 'KB'],
    [
      ['page.js (total)', total, (total / 1024).toFixed(2)],
      ['webextension-polyfill (min)', polyfill, (polyfill / 1024).toFixed(2)],
      [
        'ours beyond the polyfill (goal ≤ 8 KB)',
        total - polyfill,
        ((total - polyfill) / 1024).toFixed(2),
      ],
    ],
  );
  console.log(`Heavy libraries in it: ${found.length ? found.join(', ') : 'none'}`);
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
  const sets = pagesOf();
  const server = await startServer(sets.map((s) => ({ prefix: s.prefix, dir: s.dir })));
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
        for (let i = 0; i < RUNS; i++) {
          const { line, base } = await runEvalPage(l, server.url(set.prefix + file), file);
          if (line.timings.detectMs !== null) detect.push(line.timings.detectMs);
          if (line.timings.extractMs !== null) ours.push(line.timings.extractMs);
          theirs.push(base.parseMs);
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
  table(['page', 'always-on main-thread', 'our extraction', 'bare Readability', 'ratio'], rows);
  console.log('\n## Summary');
  table(
    ['measure', 'ours', 'anchor', 'goal'],
    [
      ['always-on main-thread per page, median (ms)', median(detectAll).toFixed(2), '—', '≤ 1 ms'],
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

/** Reader command → article painted in the overlay, per Arabic article page (median of RUNS). */
async function benchReader(): Promise<void> {
  const sets = pagesOf();
  const server = await startServer(sets.map((s) => ({ prefix: s.prefix, dir: s.dir })));
  const l = await launch({ server });
  const rows: (string | number)[][] = [];
  const all: number[] = [];
  const allBase: number[] = [];
  try {
    for (const set of sets) {
      for (const file of set.files) {
        const times: number[] = [];
        const base: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const { base: b } = await runEvalPage(l, server.url(set.prefix + file), file);
          const page = await l.context.newPage();
          await page.goto(server.url(set.prefix + file), { waitUntil: 'load' });
          const tabId = await tabIdForUrl(l, page.url());
          const state = await waitForTabState(l, tabId);
          if (!state?.detection.isArticle || !state.detection.isArabic) {
            await page.close();
            break;
          }
          const t0 = Date.now();
          const res = await askBackground<{ ok: boolean }>(l, 'reader:open', { tabId });
          if (!res.ok) throw new Error(`reader did not open on ${file}`);
          const frame = await readerFrame(page);
          const paintedAt = await frame.evaluate(async (mark) => {
            for (;;) {
              const [e] = performance.getEntriesByName(mark);
              if (e) return performance.timeOrigin + e.startTime;
              await new Promise((r) => setTimeout(r, 5));
            }
          }, PAINTED_MARK);
          times.push(paintedAt - t0);
          base.push(b.parseMs);
          await page.close();
        }
        if (!times.length) continue;
        all.push(median(times));
        allBase.push(median(base));
        rows.push([file, median(times).toFixed(1), median(base).toFixed(1)]);
      }
    }
  } finally {
    await l.close();
    await server.close();
  }
  console.log(`\n## Reader command → article painted (ms, median of ${RUNS} runs)`);
  table(['page', 'command → painted', 'bare Readability parse'], rows);
  table(
    ['measure', 'ours', 'anchor', 'goal'],
    [
      [
        'median over article pages (ms)',
        median(all).toFixed(1),
        `${median(allBase).toFixed(1)} (Readability parse alone)`,
        '≤ 150 ms',
      ],
    ],
  );
}

const SECTIONS: Record<string, () => Promise<void> | void> = {
  size: benchSize,
  pages: benchPages,
  reader: benchReader,
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
