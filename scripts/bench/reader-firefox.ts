/**
 * The Firefox column of `npm run bench -- reader`: reader command → article painted in Firefox
 * ESR with the built .output/firefox-mv2, beside Firefox's own Reader View on the same loaded
 * page, page by page in alternating order. Both are started the same way, from an extension page
 * of ours on the loaded, front tab: ours by the message the keyboard command sends
 * (`reader:open`), Reader View by `tabs.toggleReaderMode` (what its address-bar button does).
 * Ours is read from the reader frame's own painted mark; Reader View is seen on the first
 * animation frame whose `about:reader` document holds the article's paragraphs. BiDi is attached
 * to every tab the whole time (Firefox has no bare mode like scripts/lib/bare-chromium.ts), so
 * both sides pay for it alike.
 */
import type { Page } from 'puppeteer-core';
import {
  BUTTON_HOST,
  launchFirefox,
  readerFrame,
  visit,
  type FirefoxLaunched,
} from '../../tests/e2e/firefox';
import type { PageServer } from '../../tests/e2e/server';
import { median } from '../lib/stats';
import { RUNS } from './common';

const PAINTED_MARK = 'qari:article-painted';
const PAINT_TIMEOUT_MS = 30_000;
const DETECT_TIMEOUT_MS = 15_000;
// Reader View puts the article's paragraphs here (toolkit/components/reader/AboutReader).
const READER_VIEW_CONTENT = '.moz-reader-content p';

type Api = {
  tabs: {
    query(q: object): Promise<{ id: number }[]>;
    toggleReaderMode(id: number): Promise<void>;
  };
  runtime: { sendMessage(m: object): Promise<{ ok?: boolean } | undefined> };
};

export interface FirefoxReaderTimes {
  ours: number[];
  readerView: number[];
}

export interface FirefoxReaderBench {
  /** RUNS of ours and Reader View on `url`, alternating; null where ours sees no Arabic article. */
  page(url: string): Promise<FirefoxReaderTimes | null>;
  close(): Promise<void>;
}

/** In the control page: the front tab's id, the wall-clock time, then `start` on it. */
function startOnFrontTab(control: Page, how: 'ours' | 'reader-view'): Promise<number> {
  return control.evaluate(async (how) => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    const t0 = performance.timeOrigin + performance.now();
    if (how === 'reader-view') await api.tabs.toggleReaderMode(tab!.id);
    else {
      const r = await api.runtime.sendMessage({ type: 'reader:open', payload: { tabId: tab!.id } });
      if (!r?.ok) throw new Error('the reader did not open');
    }
    return t0;
  }, how);
}

/** A tab on `url`, loaded, with our page button (an Arabic article), at the front; else null. */
async function articleTab(l: FirefoxLaunched, url: string): Promise<Page | null> {
  const page = await l.newPage();
  await visit(page, url);
  const found = await page
    .waitForSelector(BUTTON_HOST, { timeout: DETECT_TIMEOUT_MS })
    .then(() => true)
    .catch(() => false);
  if (!found) {
    await page.close();
    return null;
  }
  await page.bringToFront();
  return page;
}

async function oursOnce(l: FirefoxLaunched, control: Page, url: string): Promise<number | null> {
  const page = await articleTab(l, url);
  if (!page) return null;
  try {
    const t0 = await startOnFrontTab(control, 'ours');
    const frame = await readerFrame(page);
    const painted = await frame.evaluate(
      async (mark, timeout) => {
        const end = performance.now() + timeout;
        while (performance.now() < end) {
          const [e] = performance.getEntriesByName(mark);
          if (e) return performance.timeOrigin + e.startTime;
          await new Promise((r) => setTimeout(r, 5));
        }
        throw new Error(`the reader did not paint within ${timeout / 1000} s`);
      },
      PAINTED_MARK,
      PAINT_TIMEOUT_MS,
    );
    return painted - t0;
  } finally {
    await page.close();
  }
}

async function readerViewOnce(l: FirefoxLaunched, control: Page, url: string): Promise<number> {
  const page = await articleTab(l, url);
  if (!page) throw new Error(`no article detected on ${url}`);
  try {
    const t0 = await startOnFrontTab(control, 'reader-view');
    const seen = await page.waitForFunction(
      (sel) =>
        location.protocol === 'about:' && document.querySelector(sel)
          ? performance.timeOrigin + performance.now()
          : false,
      { polling: 'raf', timeout: PAINT_TIMEOUT_MS },
      READER_VIEW_CONTENT,
    );
    return ((await seen.jsonValue()) as number) - t0;
  } finally {
    await page.close();
  }
}

export async function launchFirefoxReaderBench(server: PageServer): Promise<FirefoxReaderBench> {
  const l = await launchFirefox({ server, locale: 'ar' });
  const control = await l.extensionPage('options.html');
  return {
    async page(url) {
      const t: FirefoxReaderTimes = { ours: [], readerView: [] };
      for (let i = 0; i < RUNS; i++) {
        const oursFirst = i % 2 === 0;
        if (!oursFirst) t.readerView.push(await readerViewOnce(l, control, url));
        const o = await oursOnce(l, control, url);
        if (o === null) return null;
        t.ours.push(o);
        if (oursFirst) t.readerView.push(await readerViewOnce(l, control, url));
      }
      return t;
    },
    close: () => l.close(),
  };
}

/** The table's cells for one page: ours, Reader View, ours ÷ Reader View (medians). */
export function firefoxCells(t: FirefoxReaderTimes): string[] {
  const [o, r] = [median(t.ours), median(t.readerView)];
  return [o.toFixed(1), r.toFixed(1), (o / r).toFixed(2)];
}
