/** The scenarios' driver over Playwright and Chromium (../fixtures.ts, ../reader-helpers.ts). */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { launch, type LaunchOptions } from '../fixtures';
import { answerPermissionPrompt } from '../keyboard';
import {
  openReaderFromButton,
  readerFrame,
  readerHostCount,
  waitForButton,
} from '../reader-helpers';
import type { Driver, Surface, Tab } from './driver';

const WAIT_MS = 15_000;

/** A page's or frame's part of a scenario's surface. */
export function surface(where: Page | Frame): Surface {
  return {
    evaluate: (fn, arg) => where.evaluate(fn as never, arg) as never,
    click: (selector) => where.locator(selector).first().click(),
    focus: (selector) => where.locator(selector).first().focus(),
  };
}

function tab(page: Page): Tab {
  return {
    ...surface(page),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
    },
    press: (key) => page.keyboard.press(key),
    clickAt: (x, y) => page.mouse.click(x, y),
    readerButtonBox: () => waitForButton(page),
    async openReader() {
      await openReaderFromButton(page);
      return surface(await readerFrame(page));
    },
    readerFrame: async () => surface(await readerFrame(page)),
    readerCount: () => readerHostCount(page),
    async readerAddress() {
      const frame = await readerFrame(page);
      const src = await (await frame.frameElement()).evaluate((f) => (f as HTMLIFrameElement).src);
      return src.replace(/#.*$/, '');
    },
    frames: async () => page.frames().slice(1).map(surface),
    fill: (selector, text) => page.locator(selector).first().fill(text),
    upload: (selector, file) =>
      page
        .locator(selector)
        .first()
        .setInputFiles({ name: file.name, mimeType: 'text/html', buffer: Buffer.from(file.text) }),
    async clickOpeningTab(selector) {
      const [opened] = await Promise.all([
        page.context().waitForEvent('page', { timeout: WAIT_MS }),
        page.locator(selector).first().click(),
      ]);
      await opened.waitForLoadState('domcontentloaded');
      return tab(opened);
    },
    // The prompt is the browser's own: it is answered at the keyboard, on a display.
    clickGranting: (selector) =>
      answerPermissionPrompt(() => page.locator(selector).first().click(), true),
    async download(selector) {
      const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: WAIT_MS }),
        page.locator(selector).first().click(),
      ]);
      return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
    },
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    clickRefusing: (selector) =>
      answerPermissionPrompt(() => page.locator(selector).first().click(), false),
    close: () => page.close(),
  };
}

export async function chromiumDriver(opts: LaunchOptions = {}): Promise<Driver> {
  let l = await launch(opts);
  const offlineRoute = (route: { abort: (code?: string) => Promise<void> }) =>
    route.abort('internetdisconnected');
  return {
    browser: 'chromium',
    get server() {
      return l.server;
    },
    url: (path) => l.server.url(path),
    serve(path, html) {
      l.server.routes.set(path, (res) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
      );
      return l.server.url(path);
    },
    async newTab(viewport) {
      const page = await l.context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return tab(page);
    },
    async inExtensionPage(path, fn, arg) {
      const page = await l.extensionPage(path);
      try {
        return (await page.evaluate(fn as never, arg)) as never;
      } finally {
        await page.close();
      }
    },
    extensionTab: async (path) => tab(await l.extensionPage(path)),
    ...(opts.userDataDir && {
      async restart() {
        await l.close();
        l = await launch(opts);
      },
    }),
    offscreenDocuments: () =>
      l.worker.evaluate(async () => {
        const contexts = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
        return contexts.map((c: { documentUrl?: string }) => c.documentUrl ?? '');
      }),
    async offline() {
      const context = l.context;
      await context.route(/^https?:/, offlineRoute);
      await context.setOffline(true);
      return async () => {
        await context.setOffline(false);
        await context.unroute(/^https?:/, offlineRoute);
      };
    },
    close: () => l.close(),
  };
}
