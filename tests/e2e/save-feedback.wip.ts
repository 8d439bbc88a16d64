/**
 * WORK IN PROGRESS, not in the e2e glob: under load this file stalled the runner (no test timeout
 * fired) after the toast showed; see the q15 report. Rename to *.e2e.test.ts once it runs.
 *
 * Saving gives the same answer on every path: the keyboard command shows its outcome on the page
 * (a toast in a closed shadow root), asks before saving a page that is not an Arabic article
 * (Urdu, Persian) as the popup does.
 */
import type { Page } from 'playwright-core';
import { launch, type Launched } from './fixtures';
import { pressShortcut } from './keyboard';
import { waitForShadowText } from './closed-shadow';
import { openToolbarPopup } from './toolbar-popup';

const SAMPLE = '/pages/sample-article.html';
const URDU = '/shared/corpus/real/naibaat-ur-1.html';
const PERSIAN = '/shared/corpus/real/aryanews-fa-1.html';
const SAVE_SHORTCUT = 'alt+shift+s';
const NOT_ARTICLE = 'لا تبدو مقالًا';
const SAVED = 'حُفظت الصفحة';

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
  // Detection has reported once the badge or title is set; give the page its moment.
  await page.waitForTimeout(500);
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
          const get = req.result.transaction('articles').objectStore('articles').getAll();
          get.onsuccess = () =>
            resolve((get.result as { article: { url: string } }[]).map((r) => r.article.url));
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

describe('saving with feedback', () => {
  it('Alt+Shift+S on an Urdu page asks first, and "save anyway" saves and says so', async () => {
    const page = await open(URDU);
    await page.bringToFront();
    pressShortcut(SAVE_SHORTCUT);
    const asked = await waitForShadowText(page, 'qari-toast', NOT_ARTICLE);
    expect((await savedUrls()).some((u) => u.includes('naibaat'))).toBe(false);
    const anyway = asked.buttons.find((b) => b.text.includes('على أي حال'));
    expect(anyway).toBeDefined();
    await page.mouse.click(anyway!.x, anyway!.y);
    await waitForShadowText(page, 'qari-toast', SAVED);
    expect((await savedUrls()).some((u) => u.includes('naibaat'))).toBe(true);
    await page.close();
  });

  it('Alt+Shift+S on an Arabic article saves it and says so on the page', async () => {
    const page = await open(SAMPLE);
    await page.bringToFront();
    pressShortcut(SAVE_SHORTCUT);
    await waitForShadowText(page, 'qari-toast', SAVED);
    expect((await savedUrls()).some((u) => u.includes('sample-article'))).toBe(true);
    await page.close();
  });

  it('the toolbar popup asks before saving a Persian page', async () => {
    const page = await open(PERSIAN);
    const popup = await openToolbarPopup(l, page);
    await popup.until(`document.querySelector('.qari-popup[aria-busy="false"]')`);
    await popup.value(`document.querySelector('.qari-secondary').click()`);
    await popup.until(
      `document.querySelector('.qari-page-status')?.textContent.includes('${NOT_ARTICLE}')`,
    );
    await popup.close();
    expect((await savedUrls()).some((u) => u.includes('aryanews'))).toBe(false);
    await page.close();
  });
});
