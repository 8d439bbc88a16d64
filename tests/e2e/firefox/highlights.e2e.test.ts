/**
 * Highlights and notes in Firefox: the scenario shared with Chromium (../scenarios/highlights.ts)
 * on the built Firefox extension, with trusted mouse and key input through WebDriver BiDi. The
 * offline reopening closes the page server for good, so it runs last.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import {
  READER_HOST,
  byText,
  launchFirefox,
  openReaderFromButton,
  readerFrame,
  until,
  visit,
  type FirefoxLaunched,
} from '../firefox';
import { newDownload, surface } from '../scenarios/firefox';
import {
  highlightsScenarios,
  type ArticleTab,
  type HighlightsHost,
  type Marked,
} from '../scenarios/highlights';

const WAIT_MS = 15_000;
const ROW = '[role="listitem"][data-entry-id]';

let l: FirefoxLaunched;
let downloads: string;
beforeAll(async () => {
  downloads = mkdtempSync(join(tmpdir(), 'qari-firefox-highlights-'));
  l = await launchFirefox({ locale: 'ar', downloadDir: downloads });
});
afterAll(async () => {
  await l?.close();
  rmSync(downloads, { recursive: true, force: true });
});

function articleTab(page: Page, view: Page | Frame): ArticleTab {
  return {
    view: surface(view),
    async offset() {
      if (view === page) return { x: 0, y: 0 };
      const frame = await (view as Frame).frameElement();
      const box = frame && (await frame.boundingBox());
      if (!box) throw new Error('the reader frame has no box');
      return box;
    },
    async drag(from, to) {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 8 });
      await page.mouse.up();
    },
    dblclick: (at) => page.mouse.click(at.x, at.y, { count: 2 }),
    clickAt: (at) => page.mouse.click(at.x, at.y),
    press: (key) => page.keyboard.press(key as never),
    pressTwice: async (key) => {
      await Promise.all([page.keyboard.press(key as never), page.keyboard.press(key as never)]);
    },
    type: (text) => page.keyboard.type(text),
    readerCount: async () => (await page.$$(READER_HOST)).length,
    async download(click) {
      const before = new Set(readdirSync(downloads));
      await click();
      return newDownload(downloads, before);
    },
    close: () => page.close(),
  };
}

/** The list page (popup.html in a tab) once its list has loaded. */
async function openList(): Promise<Page> {
  const list = await l.extensionPage('popup.html');
  await list.waitForSelector('.qari-popup[aria-busy="false"]', { timeout: WAIT_MS });
  return list;
}

const host: HighlightsHost = {
  url: (path) => l.server.url(path),
  async openReader(url) {
    const page = await l.newPage();
    await visit(page, url);
    await openReaderFromButton(page);
    const frame = await readerFrame(page);
    await frame.waitForSelector('.qari-content p', { timeout: WAIT_MS });
    return articleTab(page, frame);
  },
  async searchList(query) {
    const list = await openList();
    try {
      await list.click('#qari-search');
      await list.keyboard.type(query);
      const row = await list.waitForSelector(
        `.qari-popup[data-query=${JSON.stringify(query)}][aria-busy="false"] .qari-row[data-entry-id]`,
        { timeout: WAIT_MS },
      );
      return (await row!.evaluate((r) => r.textContent)) ?? '';
    } finally {
      await list.close();
    }
  },
  // Firefox's BiDi has no offline switch: the page server is closed for good (the list is
  // opened through a loopback page, ../firefox.ts, so before it goes).
  async openFromListOffline(key) {
    const list = await openList();
    await l.server.close();
    const link = await byText(list, `${ROW} a`, key);
    const opened = new Promise<Page | null>((resolve) =>
      l.browser.once('targetcreated', (t: { page(): Promise<Page | null> }) => resolve(t.page())),
    );
    await link.click();
    const page = await until('the saved article tab', () => opened);
    await page.waitForSelector('.qari-content p', { timeout: WAIT_MS });
    await list.close();
    return { tab: articleTab(page, page), online: async () => undefined };
  },
};

const marked: Marked = { selected: '' };

describe('highlights and notes in Firefox', () => highlightsScenarios(() => host, marked));
