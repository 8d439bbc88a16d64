/** The scenarios' driver over Puppeteer and Firefox (../firefox.ts). */
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const pageOf = (where: Page | Frame): Page => ('page' in where ? where.page() : where);

/** A page's or frame's part of a scenario's surface. */
export function surface(where: Page | Frame): Surface {
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
    // A loaded run once left the tab without the window's focus for 15 s (document.hasFocus()
    // false, as in a tab the reader is not looking at): the tab is brought to the front, as the
    // reader's own tab is, before each new try.
    focus: async (selector) => {
      let tries = 0;
      await until(`${selector} to have the focus`, async () => {
        if (tries++ > 0) await pageOf(where).bringToFront();
        await where.focus(selector);
        return where.evaluate(
          (sel) => document.hasFocus() && document.activeElement === document.querySelector(sel),
          selector,
        );
      });
    },
  };
}

const WAIT_MS = 15_000;
// Firefox asks for an optional permission in a doorhanger that BiDi cannot reach: the profile
// grants the request instead, as a reader's «Allow» would.
const GRANT_PREFS = { 'extensions.webextOptionalPermissionPrompts': false };

/** Where the driver's files go: what the browser downloads, and what the file picker is given. */
interface Dirs {
  downloads: string;
  files(): string;
}

/** A file that appeared in `dir` since `before`, once Firefox has finished writing it. */
export function newDownload(
  dir: string,
  before: Set<string>,
): Promise<{ name: string; text: string }> {
  return until('the downloaded file', async () => {
    const name = readdirSync(dir).find((f) => !before.has(f) && !f.endsWith('.part'));
    const path = name && join(dir, name);
    if (!path || !existsSync(path) || existsSync(`${path}.part`)) return undefined;
    const text = readFileSync(path, 'utf8');
    return text ? { name: name!, text } : undefined;
  });
}

function tab(page: Page, dirs: Dirs): Tab {
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
    async fill(selector, text) {
      const box = await page.waitForSelector(selector, { timeout: WAIT_MS });
      await box!.click({ count: 3 });
      await page.keyboard.press('Backspace');
      await page.keyboard.type(text);
      await box!.dispose();
    },
    async upload(selector, file) {
      const path = join(dirs.files(), file.name);
      writeFileSync(path, file.text);
      const input = (await page.waitForSelector(selector, {
        timeout: WAIT_MS,
      })) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
      await input.dispose();
    },
    async clickOpeningTab(selector) {
      const opened = new Promise<Page | null>((resolve) =>
        page
          .browser()
          .once('targetcreated', (t: { page(): Promise<Page | null> }) => resolve(t.page())),
      );
      await surface(page).click(selector);
      const next = await until(`the tab opened by ${selector}`, () => opened);
      if (!next) throw new Error(`the click on ${selector} opened no page`);
      await until(`the tab opened by ${selector} to be parsed`, () =>
        next.evaluate(() => document.readyState !== 'loading'),
      );
      return tab(next, dirs);
    },
    async download(selector) {
      const before = new Set(readdirSync(dirs.downloads));
      await surface(page).click(selector);
      return newDownload(dirs.downloads, before);
    },
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    clickGranting: (selector) => surface(page).click(selector),
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
  const downloads = opts.downloadDir ?? mkdtempSync(join(tmpdir(), 'qari-firefox-downloads-'));
  const l = await launchFirefox({
    ...opts,
    downloadDir: downloads,
    prefs: { ...GRANT_PREFS, ...opts.prefs },
  }).catch((e: unknown) => {
    if (!opts.downloadDir) rmSync(downloads, { recursive: true, force: true });
    throw e;
  });
  let dir = '';
  const dirs: Dirs = {
    downloads,
    // Where chosen files are written for the file picker, made on first use.
    files: () => (dir ||= mkdtempSync(join(tmpdir(), 'qari-firefox-files-'))),
  };
  return {
    browser: 'firefox',
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
      const page = await l.newPage();
      if (viewport) await page.setViewport(viewport);
      return tab(page, dirs);
    },
    async inExtensionPage(path, fn, arg) {
      const page = await l.extensionPage(path);
      try {
        return (await page.evaluate(fn as never, arg)) as never;
      } finally {
        await page.close();
      }
    },
    extensionTab: async (path) => tab(await l.extensionPage(path), dirs),
    async offline(servers) {
      await Promise.all(servers.map((s) => s.close()));
      return async () => undefined;
    },
    async close() {
      await l.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (!opts.downloadDir) rmSync(downloads, { recursive: true, force: true });
    },
  };
}
