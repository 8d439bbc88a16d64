/** The scenarios' driver over Puppeteer and Firefox (../firefox.ts). */
import type { Frame, Page } from 'puppeteer-core';
import {
  BUTTON_HOST,
  READER_HOST,
  launchFirefox,
  openReaderFromButton,
  readerFrame,
  until,
  visit,
  type FirefoxOptions,
} from '../firefox';
import type { Driver, Surface, Tab } from './driver';

function surface(where: Page | Frame): Surface {
  return {
    evaluate: (fn, arg) => where.evaluate(fn as never, arg) as never,
    async click(selector) {
      const el = await where.waitForSelector(selector, { timeout: 15_000 });
      await el!.click();
      await el!.dispose();
    },
    // An element in a frame takes the keyboard only once its document has the window's focus:
    // Firefox lets a framed page move the focus within itself, not into itself (the overlay
    // gives its frame the focus when the frame has loaded).
    focus: async (selector) => {
      await until(`${selector} to have the focus`, async () => {
        await where.focus(selector);
        return where.evaluate(
          (sel) => document.hasFocus() && document.activeElement === document.querySelector(sel),
          selector,
        );
      });
    },
  };
}

function tab(page: Page): Tab {
  return {
    ...surface(page),
    goto: (url) => visit(page, url),
    press: (key) => press(page, key),
    clickAt: (x, y) => page.mouse.click(x, y),
    async readerButtonBox() {
      const host = await page.waitForSelector(BUTTON_HOST, { timeout: 15_000 });
      return until('the reader button to have a box', () => host!.boundingBox());
    },
    async openReader() {
      await openReaderFromButton(page);
      return surface(await readerFrame(page));
    },
    readerFrame: async () => surface(await readerFrame(page)),
    readerCount: async () => (await page.$$(READER_HOST)).length,
    // The frame element is in a closed shadow root; Firefox's add-on pages have one fixed origin.
    readerAddress: async () =>
      (await readerFrame(page)).evaluate(() => location.href.replace(/#.*$/, '')),
    frames: async () => page.frames().slice(1).map(surface),
    close: () => page.close(),
  };
}

/** Playwright's key names with modifiers (`Alt+ArrowUp`) pressed through Puppeteer's keyboard. */
async function press(page: Page, keys: string): Promise<void> {
  const parts = keys.split('+');
  const key = parts.pop()!;
  for (const m of parts) await page.keyboard.down(m as never);
  await page.keyboard.press(key as never);
  for (const m of parts.reverse()) await page.keyboard.up(m as never);
}

export async function firefoxDriver(opts: FirefoxOptions = {}): Promise<Driver> {
  const l = await launchFirefox(opts);
  return {
    browser: 'firefox',
    url: (path) => l.server.url(path),
    serve(path, html) {
      l.server.routes.set(path, (res) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
      );
      return l.server.url(path);
    },
    async newTab(viewport) {
      const page = await l.newPage();
      if (viewport) await page.setViewport(viewport);
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
