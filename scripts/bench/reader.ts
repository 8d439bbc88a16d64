/**
 * `npm run bench -- reader`: reader command → article painted, per Arabic article page, ours
 * beside the bare-reader anchor (./reader-anchor.ts) in the same browser, page by page in
 * alternating order. Chromium runs with no debugger on the tab while ours is timed
 * (scripts/lib/bare-chromium.ts): the control page asks the background to open the reader, as
 * the keyboard command does (no hover before it, so no code was loaded early).
 */
import { existsSync } from 'node:fs';
import type { TabState } from '../../lib/messages';
import { launchBare, type BareChromium } from '../lib/bare-chromium';
import { median, table } from '../lib/stats';
import { RUNS, EXT, AB_DIR, pagesServer } from './common';
import { LOAD_READABILITY, OPEN_ANCHOR, type AnchorTimes } from './reader-anchor';
import { firefoxCells, launchFirefoxReaderBench } from './reader-firefox';
import { FIREFOX_PATH } from '../../tests/e2e/firefox';

const PAINTED_MARK = 'qari:article-painted';
// BENCH_FIREFOX=0: Chromium's pages only (a quick A/B of the Chromium path).
const SKIP_FIREFOX = process.env.BENCH_FIREFOX === '0';
// The reader frame's own marks on the way (lib/reader/overlay-inbox.ts): its first script, the
// tab's first message (the article) arriving, and the view rendered (entrypoints/reader/main.tsx).
const STEP_MARKS = ['qari:overlay-inbox', 'qari:overlay-first-message', 'qari:article-rendered'];

/**
 * Ours, each from the command (ms): the frame's document started, its first script, article in,
 * the view rendered, painted.
 */
interface OursTimes {
  frameStart: number;
  firstScript: number;
  articleIn: number;
  rendered: number;
  painted: number;
}
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

/** A tab on `url`, loaded and reported by our always-on script; null where it is no Arabic article. */
async function openArticleTab(b: BareChromium, url: string): Promise<number | null> {
  const tabId = await b.control<number>(
    `chrome.tabs.create({ url: ${JSON.stringify(url)} }).then((t) => t.id)`,
  );
  const { state, loaded } = await b.control<{ state: TabState | null; loaded: boolean }>(
    `(async () => {
      let s = null;
      for (let i = 0; i < 200; i++) {
        const tab = await chrome.tabs.get(${tabId});
        s = await chrome.runtime.sendMessage({ type: 'tab:state', payload: { tabId: ${tabId} } });
        if (s && tab.status === 'complete') return { state: s, loaded: true };
        await new Promise((r) => setTimeout(r, 50));
      }
      return { state: s, loaded: false };
    })()`,
  );
  if (!loaded && state) {
    await closeTab(b, tabId, url);
    throw new TimedOut('load did not fire within 10 s');
  }
  if (state?.detection.isArticle && state.detection.isArabic) {
    // At the front, as a reader's tab is (a tab in the background does not paint).
    await b.control(`chrome.tabs.update(${tabId}, { active: true }).then(() => 0)`);
    return tabId;
  }
  await closeTab(b, tabId, url);
  return null;
}

const CLOSE_TIMEOUT_MS = 10_000;

/**
 * Closes the tab and waits until the browser lists none of its targets: the next run attaches to
 * the first page or reader frame at an address, which must not be this tab's.
 */
async function closeTab(b: BareChromium, tabId: number, url: string): Promise<void> {
  await b.control(`chrome.tabs.remove(${tabId})`);
  const reader = `chrome-extension://${b.extensionId}/reader.html`;
  const deadline = Date.now() + CLOSE_TIMEOUT_MS;
  for (;;) {
    const { targetInfos } = await b.cdp.send<{ targetInfos: { url: string }[] }>(
      'Target.getTargets',
    );
    if (!targetInfos.some((t) => t.url.startsWith(url) || t.url.startsWith(reader))) return;
    if (Date.now() > deadline) throw new TimedOut(`a closed tab's frames stayed over 10 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Ours: reader command → article painted on a fresh load of `url`, null where no article is
 * detected. The control page takes the time and asks the background to open the reader; the
 * frame is attached to once it has painted, to read its mark. Both times are wall-clock based
 * (timeOrigin + now).
 */
async function oursOnce(
  b: BareChromium,
  url: string,
  before?: (url: string) => Promise<void>,
): Promise<OursTimes | null> {
  const tabId = await openArticleTab(b, url);
  if (tabId === null) return null;
  try {
    await before?.(url);
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
    const [origin, inbox, message, rendered] = await b.evaluate<[number, number, number, number]>(
      frame,
      `[performance.timeOrigin, ...${JSON.stringify(STEP_MARKS)}.map(
        (m) => performance.timeOrigin + (performance.getEntriesByName(m)[0]?.startTime ?? NaN))]`,
    );
    return {
      painted: paintedAt - t0,
      frameStart: origin - t0,
      firstScript: inbox - t0,
      articleIn: message - t0,
      rendered: rendered - t0,
    };
  } finally {
    await closeTab(b, tabId, url);
  }
}

// A reader's pointer rests on a button a few hundred milliseconds before the click; the reader
// code loads and extracts on its arrival (lib/page/reader-tab.ts). This is the time measured.
const HOVER_MS = 300;
const BUTTON_CENTRE = `(async () => {
  for (let i = 0; i < 200; i++) {
    const host = [...document.documentElement.children].find(
      (e) => e.localName === 'div' && !e.querySelector(':scope > style'));
    const r = host?.getBoundingClientRect();
    if (r && r.width) return [r.x + r.width / 2, r.y + r.height / 2];
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('no reader button within 10 s');
})()`;

/**
 * Moves the pointer onto the page's button (a trusted pointer event through a debugger session
 * held only for the move), then waits HOVER_MS with no debugger on the tab.
 */
function hoverButton(b: BareChromium): (url: string) => Promise<void> {
  return async (url) => {
    const tab = await b.attach(url);
    const [x, y] = await b.evaluate<[number, number]>(tab, BUTTON_CENTRE);
    await b.cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y }, tab);
    await b.cdp.send('Target.detachFromTarget', { sessionId: tab });
    await new Promise((r) => setTimeout(r, HOVER_MS));
  };
}

/**
 * The anchor on a fresh load of `url`, from the same starting point as ours (loaded, detected):
 * attached to the tab after load, Readability defined, then its reader opened and timed.
 */
async function anchorOnce(b: BareChromium, url: string): Promise<AnchorTimes | null> {
  const tabId = await openArticleTab(b, url);
  if (tabId === null) return null;
  try {
    const page = await b.attach(url);
    await b.evaluate(page, LOAD_READABILITY);
    return await b.evaluate<AnchorTimes>(page, OPEN_ANCHOR);
  } finally {
    await closeTab(b, tabId, url);
  }
}

interface PageTimes {
  ours: number[];
  anchor: number[];
  parse: number[];
  other: number[];
  hover: number[];
  otherHover: number[];
  steps: OursTimes[];
}

/** RUNS of ours and the anchor (and the other build), in alternating order; stops at a non-article. */
async function warmRuns(
  b: BareChromium,
  other: BareChromium | null,
  url: string,
): Promise<PageTimes> {
  const t: PageTimes = {
    ours: [],
    anchor: [],
    parse: [],
    other: [],
    hover: [],
    otherHover: [],
    steps: [],
  };
  for (let i = 0; i < RUNS; i++) {
    const steps = [
      async () => {
        const o = await oursOnce(b, url);
        if (o) {
          t.ours.push(o.painted);
          t.steps.push(o);
        }
        return o !== null;
      },
      async () => {
        const a = await anchorOnce(b, url);
        if (a) {
          t.anchor.push(a.paintedMs);
          t.parse.push(a.parseMs);
        }
        return a !== null;
      },
      async () => {
        const o = other ? await oursOnce(other, url) : null;
        if (o) t.other.push(o.painted);
        return true;
      },
      async () => {
        const o = await oursOnce(b, url, hoverButton(b));
        if (o) t.hover.push(o.painted);
        return o !== null;
      },
      async () => {
        const o = other ? await oursOnce(other, url, hoverButton(other)) : null;
        if (o) t.otherHover.push(o.painted);
        return true;
      },
    ];
    const k = i % steps.length;
    for (const step of [...steps.slice(k), ...steps.slice(0, k)]) if (!(await step())) return t;
  }
  return t;
}

/**
 * The first open in a browser just started: ours and the anchor each in a browser of its own;
 * with BENCH_AB_DIR, that build's too (third, one run).
 */
async function firstOpens(
  url: string,
  anchorFirst: boolean,
): Promise<[number, number, number | null] | null> {
  const once = async <T>(f: (b: BareChromium) => Promise<T>, dir = EXT): Promise<T> => {
    const b = await launchBare(dir);
    try {
      return await f(b);
    } finally {
      await b.close();
    }
  };
  const ours = () => once((b) => oursOnce(b, url));
  const anchor = () => once((b) => anchorOnce(b, url));
  const [o, a] = anchorFirst
    ? await anchor().then(async (x) => [await ours(), x] as const)
    : await ours().then(async (x) => [x, await anchor()] as const);
  if (o === null || a === null) return null;
  const other = AB_DIR ? await once((b) => oursOnce(b, url), AB_DIR) : null;
  return [o.painted, a.paintedMs, other?.painted ?? null];
}

const STEP_COLUMNS = ['frameStart', 'firstScript', 'articleIn', 'rendered', 'painted'] as const;
const STEP_HEADS = [
  'reader frame created (its timeOrigin)',
  'its first script',
  'article in the frame',
  'view rendered',
  'painted',
];

const ratio = (ours: number, anchor: number) => (ours / anchor).toFixed(2);

/**
 * Reader command → article painted, per Arabic article page (median of RUNS), ours beside the
 * anchor in the same browser, and the first open after a browser start apart. With
 * BENCH_AB_DIR, that build is measured too, in the rotation.
 */
export async function benchReader(): Promise<void> {
  const { sets, server } = await pagesServer();
  const bare = await launchBare(EXT);
  const other = AB_DIR ? await launchBare(AB_DIR) : null;
  const rows: (string | number)[][] = [];
  const firstRows: (string | number)[][] = [];
  const stepRows: (string | number)[][] = [];
  const all = {
    ours: [] as number[],
    anchor: [] as number[],
    other: [] as number[],
    hover: [] as number[],
    otherHover: [] as number[],
  };
  const hoverRows: (string | number)[][] = [];
  const ratios: number[] = [];
  const first = { ours: [] as number[], anchor: [] as number[], other: [] as number[] };
  let anchorFirst = false;
  let firefox: FirefoxPass | null;
  try {
    for (const set of sets) {
      for (const file of set.files) {
        const url = server.url(set.prefix + file);
        let t: PageTimes;
        try {
          t = await within(warmRuns(bare, other, url), PAGE_TIMEOUT_MS, file);
        } catch (err) {
          const why = timedOut(err);
          if (why === null) throw err;
          rows.push([file, `timed out: ${why}`, '—', '—', ...(other ? ['—'] : []), '—']);
          continue;
        }
        if (!t.ours.length || !t.anchor.length) continue;
        const [o, a] = [median(t.ours), median(t.anchor)];
        all.ours.push(o);
        all.anchor.push(a);
        ratios.push(o / a);
        if (t.other.length) all.other.push(median(t.other));
        if (t.hover.length) {
          const h = median(t.hover);
          all.hover.push(h);
          const oh = t.otherHover.length ? median(t.otherHover) : null;
          if (oh !== null) all.otherHover.push(oh);
          hoverRows.push([
            file,
            h.toFixed(1),
            ...(other ? [oh === null ? '—' : oh.toFixed(1)] : []),
            a.toFixed(1),
            ratio(h, a),
          ]);
        }
        stepRows.push([
          file,
          ...STEP_COLUMNS.map((k) => median(t.steps.map((x) => x[k])).toFixed(1)),
        ]);
        rows.push([
          file,
          o.toFixed(1),
          a.toFixed(1),
          ratio(o, a),
          ...(other ? [t.other.length ? median(t.other).toFixed(1) : '—'] : []),
          median(t.parse).toFixed(1),
        ]);
        const cold = await within(firstOpens(url, anchorFirst), PAGE_TIMEOUT_MS, file).catch(
          (err: unknown) => {
            if (timedOut(err) === null) throw err;
            return null;
          },
        );
        anchorFirst = !anchorFirst;
        if (!cold) continue;
        const [ours, anchor, otherCold] = cold;
        first.ours.push(ours);
        first.anchor.push(anchor);
        if (otherCold !== null) first.other.push(otherCold);
        firstRows.push([
          file,
          ours.toFixed(1),
          ...(other ? [otherCold === null ? '—' : otherCold.toFixed(1)] : []),
          anchor.toFixed(1),
          ratio(ours, anchor),
        ]);
      }
    }
  } finally {
    await bare.close();
    await other?.close();
  }
  try {
    firefox = await firefoxPass(sets, server);
  } finally {
    await server.close();
  }
  const otherHead = other ? [`other build (${AB_DIR})`] : [];
  console.log(
    `\n## Reader command → article painted, no debugger on the tab (ms, median of ${RUNS} runs)`,
  );
  table(
    [
      'page',
      'ours',
      'bare-reader anchor',
      'ours ÷ anchor',
      ...otherHead,
      'of it, Readability parse',
    ],
    rows,
  );
  console.log(
    `\n## The pointer on the button ${HOVER_MS} ms before the command (ms, median of ${RUNS} runs)`,
  );
  table(['page', 'ours', ...otherHead, 'bare-reader anchor', 'ours ÷ anchor'], hoverRows);
  console.log('\n## Where ours goes: ms from the command to each step (median of the runs)');
  table(['page', ...STEP_HEADS], stepRows);
  console.log('\n## The first open after the browser starts (ms, one run, a browser each)');
  table(['page', 'ours', ...otherHead, 'bare-reader anchor', 'ours ÷ anchor'], firstRows);
  table(
    ['measure', 'ours', ...otherHead, 'anchor, same run', 'ours ÷ anchor', 'goal'],
    [
      [
        'command → painted, median over article pages (ms)',
        median(all.ours).toFixed(1),
        ...(other ? [median(all.other).toFixed(1)] : []),
        median(all.anchor).toFixed(1),
        `${ratio(median(all.ours), median(all.anchor))} (pages: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
        '≤ 0.8 on the median, no page > 1.0',
      ],
      [
        `after a ${HOVER_MS} ms hover: command → painted, median (ms)`,
        median(all.hover).toFixed(1),
        ...(other ? [median(all.otherHover).toFixed(1)] : []),
        median(all.anchor).toFixed(1),
        ratio(median(all.hover), median(all.anchor)),
        '—',
      ],
      [
        'first open after browser start, median (ms)',
        median(first.ours).toFixed(1),
        ...(other ? [first.other.length ? median(first.other).toFixed(1) : '—'] : []),
        median(first.anchor).toFixed(1),
        ratio(median(first.ours), median(first.anchor)),
        'no regression',
      ],
    ],
  );
  if (!firefox) return;
  console.log(
    `\n## Firefox: reader command → article painted, beside Firefox's Reader View (ms, median of ${RUNS} runs)`,
  );
  table(['page', 'ours in Firefox', 'Firefox Reader View', 'ours ÷ Reader View'], firefox.rows);
  table(
    ['measure', 'ours in Firefox', 'Firefox Reader View, same run', 'ours ÷ Reader View'],
    [
      [
        'command → painted, median over article pages (ms)',
        median(firefox.ours).toFixed(1),
        median(firefox.readerView).toFixed(1),
        ratio(median(firefox.ours), median(firefox.readerView)),
      ],
    ],
  );
}

interface FirefoxPass {
  rows: string[][];
  ours: number[];
  readerView: number[];
}

/** The same pages in Firefox, after Chromium's (one browser at a time on the machine). */
async function firefoxPass(
  sets: { prefix: string; files: string[] }[],
  server: Parameters<typeof launchFirefoxReaderBench>[0],
): Promise<FirefoxPass | null> {
  if (SKIP_FIREFOX) {
    console.log('\nFirefox column skipped: BENCH_FIREFOX=0');
    return null;
  }
  if (!existsSync(FIREFOX_PATH)) {
    console.log(`\nFirefox column skipped: no Firefox at ${FIREFOX_PATH}`);
    return null;
  }
  const ff = await launchFirefoxReaderBench(server);
  const pass: FirefoxPass = { rows: [], ours: [], readerView: [] };
  try {
    for (const set of sets) {
      for (const file of set.files) {
        const t = await within(ff.page(server.url(set.prefix + file)), PAGE_TIMEOUT_MS, file).catch(
          (err: unknown) => {
            const why = timedOut(err);
            if (why === null) throw err;
            pass.rows.push([file, `timed out: ${why}`, '—', '—']);
            return null;
          },
        );
        if (!t) continue;
        pass.ours.push(median(t.ours));
        pass.readerView.push(median(t.readerView));
        pass.rows.push([file, ...firefoxCells(t)]);
      }
    }
  } finally {
    await ff.close();
  }
  return pass;
}
