/**
 * `npm run bench -- preview`: how long the import page takes to preview hostile bookmark files
 * (30,000 links without `</A>`, 10,000 nested folders, and 99,000 links, near the cap) in its own
 * worker, from the file chosen to the first counts shown (a large file's first part's) and to the
 * whole file's, beside an anchor measured in the same page and run: the browser's own HTML
 * parser (DOMParser) reading the same file and counting its links. Also the background's longest
 * silence during the preview (it answers back-to-back messages all along).
 */
import type { Page } from 'playwright-core';
import { launch } from '../../tests/e2e/fixtures';
import { nestedFolders, unclosedLinks } from '../../tests/fixtures/hostile-bookmarks';
import { median, table } from '../lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Timing {
  /** Until the first counts show: the file's first part's (a large file), or the whole file's. */
  firstMs: number;
  previewMs: number;
  silenceMs: number;
}

/** Choose `text` as the import file; the time until its counts show, and the background's silence. */
async function previewOnce(page: Page, text: string): Promise<Timing> {
  await page.reload();
  // tsx names the probe's arrow functions through a helper the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(() => {
    const w = window as unknown as { probe: Promise<Timing> };
    w.probe = new Promise<Timing>((resolve) => {
      let start = 0;
      let last = 0;
      let silence = 0;
      let end = 0;
      let first = 0;
      const ping = (): void =>
        void chrome.runtime.sendMessage({ type: 'import:status', payload: {} }).then(() => {
          if (end) return;
          const now = performance.now();
          silence = Math.max(silence, now - last);
          last = now;
          ping();
        });
      document.querySelector('[data-testid="import-file"]')!.addEventListener(
        'change',
        () => {
          start = last = performance.now();
          ping();
        },
        { capture: true, once: true },
      );
      new MutationObserver((_, obs) => {
        if (!first && document.querySelector('[data-testid^="import-counts"]'))
          first = performance.now();
        if (!document.querySelector('[data-testid="import-counts"]')) return;
        end = performance.now();
        obs.disconnect();
        resolve({
          firstMs: first - start,
          previewMs: end - start,
          silenceMs: Math.max(silence, end - last),
        });
      }).observe(document.body, { childList: true, subtree: true });
    });
  });
  await page.getByTestId('import-file').setInputFiles({
    name: 'bookmarks.html',
    mimeType: 'text/html',
    buffer: Buffer.from(text),
  });
  return page.evaluate(() => (window as unknown as { probe: Promise<Timing> }).probe);
}

/** The anchor: DOMParser on the page's thread, the same text, its links counted. */
function domParserOnce(page: Page, text: string): Promise<number> {
  return page.evaluate((t) => {
    const t0 = performance.now();
    const n = new DOMParser().parseFromString(t, 'text/html').querySelectorAll('a').length;
    if (!n) throw new Error('no links parsed');
    return performance.now() - t0;
  }, text);
}

export async function benchPreview(): Promise<void> {
  const l = await launch();
  const rows: (string | number)[][] = [];
  try {
    const page = await l.extensionPage('import.html');
    for (const [what, text] of [
      ['30,000 links without </A> (1.5 MB)', unclosedLinks(30_000)],
      ['10,000 nested folders', nestedFolders(10_000)],
      ['99,000 links without </A> (5.3 MB, near the 100,000 cap)', unclosedLinks(99_000)],
    ] as const) {
      const ours: Timing[] = [];
      const anchor: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        ours.push(await previewOnce(page, text));
        anchor.push(await domParserOnce(page, text));
      }
      const p = median(ours.map((t) => t.previewMs));
      const a = median(anchor);
      rows.push([
        what,
        `${Math.round(median(ours.map((t) => t.firstMs)))} ms`,
        `${Math.round(p)} ms`,
        `${Math.round(a)} ms`,
        `${(p / a).toPrecision(2)}×`,
        `${Math.round(median(ours.map((t) => t.silenceMs)))} ms`,
      ]);
    }
  } finally {
    await l.close();
  }
  console.log(`\n## Import preview of hostile bookmark files (median of ${RUNS})`);
  table(
    [
      'file',
      'ours: chosen → first counts shown',
      'ours: chosen → whole file’s counts (worker)',
      'anchor: DOMParser, same file',
      'ratio',
      'background’s longest silence meanwhile',
    ],
    rows,
  );
}
