/**
 * Saving gives the same answer on every path, where the reader is looking: the keyboard command
 * shows its outcome on the page (a toast in a closed shadow root), asks before saving a page that
 * is not an Arabic article (Urdu, Persian) as the popup does, says why a save failed in Arabic,
 * and the reader's bookmark says "saved" for an article in the list. (The context menu's save
 * runs the keyboard command's code: tests/unit/commands-menu.test.ts.)
 */
import type { Frame, Page } from 'playwright-core';
import { launch, type Launched } from './fixtures';
import { pressShortcut } from './keyboard';
import { waitForShadowText } from './closed-shadow';
import { openReaderByShortcut, openReaderFromButton, waitForReaderToc } from './reader-helpers';
import { openToolbarPopup } from './toolbar-popup';

const SAMPLE = '/pages/sample-article.html';
const ARTICLE = '/shared/corpus/real/youm7-1.html';
const URDU = '/shared/corpus/real/naibaat-ur-1.html';
const PERSIAN = '/shared/corpus/real/aryanews-fa-1.html';
// Served by the test itself: an Arabic page with nothing to extract.
const EMPTY = '/pages/nothing-here.html';
const EMPTY_HTML =
  '<!doctype html><html lang="ar" dir="rtl"><head><title>صفحة</title></head><body></body></html>';
const SAVE_SHORTCUT = 'alt+shift+s';
// Our hosts at the page's root (lib/page/host.ts): the toast's and the button's.
const HOSTS = ':root > div';
const NOT_ARTICLE = 'لا تبدو مقالًا';
const SAVED = 'حُفظت الصفحة';
const ANYWAY = 'على أي حال';
const ARABIC = /[\u0600-\u06FF]{3}/;

let l: Launched;
beforeAll(async () => {
  // Keyboard commands and the toolbar popup need a real window (Xvfb without a display).
  l = await launch({ headless: false });
});
afterAll(async () => {
  await l?.close();
});

async function open(path: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(l.server.url(path), { waitUntil: 'domcontentloaded' });
  await page.waitForLoadState('load', { timeout: 10_000 }).catch(() => undefined);
  // The page's report reaches the background before a command can ask about it.
  await l.worker.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  return page;
}

/** The URLs in the reading list, read from the extension's own database in its worker. */
function savedUrls(): Promise<string[]> {
  return l.worker.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('qari');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          // Inside a callback a throw would leave the promise pending: every outcome settles it.
          try {
            const get = db.transaction('articles').objectStore('articles').getAll();
            get.onsuccess = () => {
              db.close();
              resolve((get.result as { meta: { url: string } }[]).map((r) => r.meta.url));
            };
            get.onerror = () => reject(get.error);
          } catch (e) {
            db.close();
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        };
      }),
  );
}

const isSaved = async (part: string) => (await savedUrls()).some((u) => u.includes(part));

/** Press the save shortcut on the page, once more if the busy machine dropped the first. */
async function saveByShortcut(page: Page, expected: string) {
  await page.bringToFront();
  pressShortcut(SAVE_SHORTCUT);
  return waitForShadowText(page, HOSTS, expected, 8_000).catch(() => {
    pressShortcut(SAVE_SHORTCUT);
    return waitForShadowText(page, HOSTS, expected);
  });
}

async function bookmark(frame: Frame): Promise<string | null> {
  return frame.locator('#qari-save').getAttribute('aria-pressed');
}

describe('saving with feedback', () => {
  it('Alt+Shift+S on an Urdu page asks first, and "save anyway" saves and says so', async () => {
    const page = await open(URDU);
    const asked = await saveByShortcut(page, NOT_ARTICLE);
    expect(await isSaved('naibaat')).toBe(false);
    const anyway = asked.buttons.find((b) => b.text.includes(ANYWAY));
    expect(anyway, asked.text).toBeDefined();
    await page.mouse.click(anyway!.x, anyway!.y);
    await waitForShadowText(page, HOSTS, SAVED);
    expect(await isSaved('naibaat')).toBe(true);
    await page.close();
  });

  it('Alt+Shift+S on an Arabic article saves it at once and says so on the page', async () => {
    const page = await open(ARTICLE);
    const said = await saveByShortcut(page, SAVED);
    expect(said.buttons.some((b) => b.text.includes(ANYWAY))).toBe(false);
    expect(await isSaved('youm7-1')).toBe(true);
    await page.close();
  });

  it('a save that fails says why, in Arabic, on the page', async () => {
    const page = await l.context.newPage();
    await page.route(l.server.url(EMPTY), (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: EMPTY_HTML }),
    );
    await page.goto(l.server.url(EMPTY));
    await l.worker.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const asked = await saveByShortcut(page, NOT_ARTICLE);
    const anyway = asked.buttons.find((b) => b.text.includes(ANYWAY))!;
    await page.mouse.click(anyway.x, anyway.y);
    const failed = await waitForShadowText(page, HOSTS, 'تعذّر');
    expect(failed.text).toMatch(ARABIC);
    expect(failed.text).not.toContain(SAVED);
    expect(await isSaved('nothing-here')).toBe(false);
    await page.close();
  });

  it('the toolbar popup asks before saving a Persian page, then saves it when told to', async () => {
    // A Persian page reports nothing at a glance: the popup, opened as a reader opens it, asks it.
    const page = await open(PERSIAN);
    const popup = await openToolbarPopup(l, page, { byKey: true });
    try {
      await popup.until(`document.querySelector('.qari-popup[aria-busy="false"]')`);
      await popup.value(`document.querySelector('.qari-secondary').click()`);
      await popup.until(
        `document.querySelector('.qari-page-status')?.textContent.includes('${NOT_ARTICLE}')`,
      );
      expect(await isSaved('aryanews')).toBe(false);
      await popup.value(`document.querySelector('.qari-status-action').click()`);
      await popup.until(
        `document.querySelector('.qari-page-status')?.textContent.includes('${SAVED}')`,
      );
    } finally {
      await popup.close();
    }
    expect(await isSaved('aryanews')).toBe(true);
    await page.close();
  });

  it("the reader's bookmark saves, says so, and shows the article as saved when reopened", async () => {
    const page = await open(SAMPLE);
    let frame = await openReaderByShortcut(page);
    expect(await bookmark(frame)).toBe('false');
    await frame.locator('#qari-save').click();
    await frame.locator('.qari-save-notice', { hasText: SAVED }).waitFor({ timeout: 15_000 });
    expect(await bookmark(frame)).toBe('true');
    expect(await isSaved('sample-article')).toBe(true);
    // Closed and opened again: the bookmark is filled from the start.
    await frame.locator('.qari-close').click();
    await page.waitForFunction(() => !document.querySelector(':root > div:has(> style)'));
    // Opened again by the page's button: the shortcut pressed right after closing went to another
    // window in one CI run (the shortcut itself is the first open's and the other tests' concern).
    await openReaderFromButton(page);
    frame = await waitForReaderToc(page);
    await frame.waitForFunction(
      () => document.querySelector('#qari-save')?.getAttribute('aria-pressed') === 'true',
    );
    await page.close();
  });
});
