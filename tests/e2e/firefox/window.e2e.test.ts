/**
 * What only a Firefox window on a display can do: the extension's keyboard commands (Firefox
 * handles them in its window's key handling, which WebDriver BiDi's key events, dispatched into
 * the page, never reach) pressed as real X key events, and the toolbar popup as Firefox opens
 * it: `browserAction.openPopup()` from an extension page (the profile lets it open without a
 * click), read through `extension.getViews({ type: 'popup' })` and photographed as its own X
 * window for the README. Needs a display (run-e2e starts xvfb-run), xdotool and ImageMagick's
 * `import`; without them the cases say so and are skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ROOT } from '../fixtures';
import {
  READER_HOST,
  byText,
  launchFirefox,
  openReaderFromButton,
  readerFrame,
  until,
  type FirefoxLaunched,
} from '../firefox';
import {
  ENGLISH_ARTICLE,
  ENGLISH_TITLE,
  SAMPLE,
  SAMPLE_GOLD as GOLD,
  msg,
} from '../scenarios/text';

const SHOTS = join(ROOT, 'docs/screenshots');
const READER_COMMAND = 'alt+shift+q';
const XDOTOOL_TIMEOUT_MS = 20_000;
// The popup's page is 400 × 600 (popup.css); its X window adds Firefox's panel border.
const POPUP_MIN = { width: 300, height: 400 };

/** What the test reads of the extension's API in its own pages. */
interface Extension {
  browser: {
    browserAction: { openPopup(): Promise<void> };
    extension: { getViews(filter: { type: 'popup' }): Window[] };
  };
}

const has = (cmd: string) =>
  spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const missing = [
  !process.env.DISPLAY && 'a display (DISPLAY)',
  !has('xdotool') && 'xdotool',
  !has('import') && "ImageMagick's import",
].filter(Boolean);
if (missing.length)
  console.warn(`Firefox window tests skipped: this machine lacks ${missing.join(', ')}`);

const xdotool = (...args: string[]): string =>
  execFileSync('xdotool', args, { encoding: 'utf8', timeout: XDOTOOL_TIMEOUT_MS }).trim();
/** The visible X windows of the display, with their sizes. */
function windows(): Map<string, { width: number; height: number }> {
  const out = new Map<string, { width: number; height: number }>();
  for (const id of xdotool('search', '--onlyvisible', '--name', '').split('\n').filter(Boolean)) {
    const m = /Geometry: (\d+)x(\d+)/.exec(xdotool('getwindowgeometry', id));
    if (m) out.set(id, { width: Number(m[1]), height: Number(m[2]) });
  }
  return out;
}

let l: FirefoxLaunched;
beforeAll(async () => {
  if (missing.length) return;
  l = await launchFirefox({
    locale: 'ar',
    headless: false,
    prefs: { 'extensions.openPopupWithoutUserGesture.enabled': true },
  });
});
afterAll(async () => {
  await l?.close();
});

/** A loaded article tab at the front of the window, its button there. */
async function articleTab(): Promise<Page> {
  const page = await l.newPage();
  await page.goto(l.server.url(SAMPLE), { waitUntil: 'domcontentloaded' });
  await page.waitForSelector(':root > div', { timeout: 15_000 });
  await page.bringToFront();
  return page;
}

describe.skipIf(missing.length > 0)('a Firefox window', () => {
  it('opens the reader with its keyboard command', async () => {
    const page = await articleTab();
    const win = xdotool('search', '--onlyvisible', '--class', 'firefox').split('\n')[0]!;
    xdotool('windowfocus', '--sync', win, 'key', '--clearmodifiers', READER_COMMAND);
    await page.waitForSelector(READER_HOST, { timeout: 15_000 });
    const frame = await readerFrame(page);
    await frame.waitForSelector('article.qari-article h1', { timeout: 15_000 });
    expect(await frame.$eval('h1.qari-title', (h) => h.textContent?.trim())).toBe(GOLD.title);
    await page.close();
  });

  it('opens the reader from the keyboard on an English article, whose script stopped at a glance', async () => {
    // Not Arabic: the always-on script stops before any listener; the command wakes the page and
    // injects the script (lib/page/gate.ts), here in Firefox's own scripting API.
    l.server.routes.set('/english-article.html', (res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ENGLISH_ARTICLE),
    );
    const page = await l.newPage();
    await page.goto(l.server.url('/english-article.html'), { waitUntil: 'load' });
    await page.bringToFront();
    const win = xdotool('search', '--onlyvisible', '--class', 'firefox').split('\n')[0]!;
    xdotool('windowfocus', '--sync', win, 'key', '--clearmodifiers', READER_COMMAND);
    await page.waitForSelector(READER_HOST, { timeout: 15_000 });
    const frame = await readerFrame(page);
    // The detector judges Arabic pages: the reader may ask first.
    const shown = await until('the article, or the question before it', () =>
      frame.evaluate(() =>
        document.querySelector('article.qari-article h1')
          ? 'article'
          : document.querySelector('[role="alert"]')
            ? 'asked'
            : null,
      ),
    );
    if (shown === 'asked') await (await byText(frame, 'button', msg('readerShowAnyway'))).click();
    await frame.waitForSelector('article.qari-article h1', { timeout: 15_000 });
    expect(await frame.$eval('article.qari-article h1', (h) => h.textContent?.trim())).toBe(
      ENGLISH_TITLE,
    );
    await page.close();
  });

  it('shows the reading list in the toolbar popup Firefox opens', async () => {
    // Something to list: the article saved from its reader.
    const saved = await articleTab();
    await openReaderFromButton(saved);
    const frame = await readerFrame(saved);
    await (await byText(frame, 'button', msg('readerSave'))).click();
    await byText(frame, '[role="status"]', msg('saveDone'));
    await saved.close();

    const page = await articleTab();
    const opener = await l.extensionPage('options.html');
    await page.bringToFront();
    const before = windows();
    const opened = await opener.evaluate(() =>
      (globalThis as unknown as Extension).browser.browserAction.openPopup().then(
        () => 'opened',
        (e: Error) => e.message,
      ),
    );
    expect(opened).toBe('opened');
    // The popup's own document, as the extension sees it: its list, loaded.
    const rows = await until('the toolbar popup to list the saved article', () =>
      opener.evaluate(() => {
        const ext = (globalThis as unknown as Extension).browser.extension;
        const [popup] = ext.getViews({ type: 'popup' });
        const doc = popup?.document;
        if (!doc?.querySelector('.qari-popup[aria-busy="false"]')) return null;
        if (doc.fonts.status !== 'loaded') return null;
        return {
          rows: [...doc.querySelectorAll('[role="listitem"][data-entry-id]')].map(
            (r) => r.textContent ?? '',
          ),
          size: [popup!.innerWidth, popup!.innerHeight],
          dir: doc.documentElement.dir,
        };
      }),
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toContain(GOLD.title);
    expect(rows.dir).toBe('rtl');
    // Its X window: the one that appeared, the popup's size.
    const popupWindow = await until('the popup’s window on the display', async () => {
      for (const [id, size] of windows())
        if (!before.has(id) && size.width >= POPUP_MIN.width && size.height >= POPUP_MIN.height)
          return id;
      return undefined;
    });
    execFileSync('import', ['-window', popupWindow, join(SHOTS, 'firefox-popup.png')], {
      timeout: XDOTOOL_TIMEOUT_MS,
    });
    await opener.close();
    await page.close();
  });
});
