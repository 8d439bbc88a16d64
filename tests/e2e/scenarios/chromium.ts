/** The scenarios' driver over Playwright and Chromium (../fixtures.ts, ../reader-helpers.ts). */
import type { Frame, Page } from 'playwright-core';
import { launch, type LaunchOptions } from '../fixtures';
import {
  openReaderFromButton,
  readerFrame,
  readerHostCount,
  waitForButton,
} from '../reader-helpers';
import type { Driver, Surface, Tab } from './driver';

function surface(where: Page | Frame): Surface {
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
    close: () => page.close(),
  };
}

export async function chromiumDriver(opts: LaunchOptions = {}): Promise<Driver> {
  const l = await launch(opts);
  return {
    browser: 'chromium',
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
    close: () => l.close(),
  };
}
