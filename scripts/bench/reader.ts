/**
 * `npm run bench -- reader`: reader command → article painted, per Arabic article page.
 */
import { launch, tabIdOf, type Launched } from '../../tests/e2e/fixtures';
import { askBackground, baselineOnFreshPage, openPage, waitForTabState } from '../lib/eval-page';
import { readerFrame } from '../../tests/e2e/reader-helpers';
import type { TabState } from '../../lib/messages';
import { launchBare, type BareChromium } from '../lib/bare-chromium';
import { median, table } from '../lib/stats';
import { RUNS, EXT, AB_DIR, pagesServer } from './common';

const PAINTED_MARK = 'qari:article-painted';
// A page's `load` may never fire (a retrying <img onerror> is common on news sites), and every
// measure here starts from a loaded page: such a page is recorded as timed out and the run goes
// on. Each wait is bounded; PAGE_TIMEOUT_MS bounds a page's runs as a whole besides.
const PAINT_TIMEOUT_MS = 30_000;
const PAGE_TIMEOUT_MS = 5 * 60_000;

/** A page that could not be measured in time; the table says why. */
class TimedOut extends Error {}

const timedOut = (err: unknown): string | null =>
  err instanceof TimedOut || (err instanceof Error && err.name === 'TimeoutError')
    ? err.message.split('\n')[0]!
    : null;

/** `work`, or a TimedOut after `ms` (the work is abandoned, its tab left to the browser's close). */
async function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what} took over ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** In the bare browser's frame: the painted mark's wall-clock time, or an error past `timeout` ms. */
const PAINT_WAIT = `async ([mark, timeout]) => {
  const end = performance.now() + timeout;
  while (performance.now() < end) {
    const [e] = performance.getEntriesByName(mark);
    if (e) return performance.timeOrigin + e.startTime;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the reader did not paint within ' + timeout / 1000 + ' s');
}`;

/**
 * Reader command → article painted on a fresh load of `url`, driven by Playwright; null where no
 * article is detected. Playwright holds the reader's new frame until it has attached to it, so
 * this includes its work: shown beside the measure without a debugger, not instead of it.
 */
async function readerOnce(l: Launched, url: string): Promise<number | null> {
  const page = await l.context.newPage();
  try {
    const unloaded = await openPage(page, url);
    if (unloaded) throw new TimedOut(unloaded);
    const tabId = await tabIdOf(l, page);
    const state = await waitForTabState(l, tabId);
    if (!state?.detection.isArticle || !state.detection.isArabic) return null;
    const t0 = Date.now();
    const res = await askBackground<{ ok: boolean }>(l, 'reader:open', { tabId });
    if (!res.ok) throw new Error(`reader did not open on ${url}`);
    const frame = await readerFrame(page);
    const paintedAt = await frame.evaluate(
      async ([mark, timeout]) => {
        const end = performance.now() + timeout;
        while (performance.now() < end) {
          const [e] = performance.getEntriesByName(mark);
          if (e) return performance.timeOrigin + e.startTime;
          await new Promise((r) => setTimeout(r, 5));
        }
        throw new Error(`the reader did not paint within ${timeout / 1000} s`);
      },
      [PAINTED_MARK, PAINT_TIMEOUT_MS] as const,
    );
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
    const { state, loaded } = await b.control<{
      state: TabState | null;
      loaded: boolean;
    }>(`(async () => {
      let s = null;
      for (let i = 0; i < 200; i++) {
        const tab = await chrome.tabs.get(${tabId});
        s = await chrome.runtime.sendMessage({ type: 'tab:state', payload: { tabId: ${tabId} } });
        if (s && tab.status === 'complete') return { state: s, loaded: true };
        await new Promise((r) => setTimeout(r, 50));
      }
      return { state: s, loaded: false };
    })()`);
    if (!loaded && state) throw new TimedOut('load did not fire within 10 s');
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
      `(${PAINT_WAIT})(${JSON.stringify([PAINTED_MARK, PAINT_TIMEOUT_MS])})`,
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
export async function benchReader(): Promise<void> {
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
        const runs = async (): Promise<void> => {
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
        };
        try {
          await within(runs(), PAGE_TIMEOUT_MS, file);
        } catch (err) {
          const why = timedOut(err);
          if (why === null) throw err;
          rows.push([file, `timed out: ${why}`, ...(other ? ['—'] : []), '—', '—']);
          continue;
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
