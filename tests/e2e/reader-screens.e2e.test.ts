/**
 * The reader's screens around the article (issue 15, items 3 and 6): a page that is not an
 * article says so before anything is shown as one, the reader's chrome keeps the UI language's
 * direction whatever the article's, the saved-article page has the list's actions, and the end
 * of an article offers what to do next. Real clicks and keys; screenshots for the README.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT, launch, tabIdOf, type Launched } from './fixtures';
import { pressShortcut } from './keyboard';
import {
  openReaderFromButton,
  READER_SHORTCUT,
  readerFrame,
  readerHostCount,
} from './reader-helpers';
import { ENGLISH_ARTICLE } from './scenarios/text';

const SHOTS = join(ROOT, 'docs/screenshots');
const MESSAGES = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string) => MESSAGES[key]!.message;
const SAMPLE = '/pages/sample-article.html';
const DIRECTORY = '/shared/corpus/real/arabicmedia-nonart-1.html';

let l: Launched;
beforeAll(async () => {
  // The reader's keyboard command needs a real window (under Xvfb without a display).
  l = await launch({ headless: false });
});
afterAll(async () => {
  await l?.close();
});

/** Save a page to the reading list through the background, as the popup's button does. */
async function save(path: string): Promise<number> {
  const tab = await l.context.newPage();
  await tab.goto(l.server.url(path), { waitUntil: 'domcontentloaded' });
  const tabId = await tabIdOf(l, tab);
  const ext = await l.extensionPage('options.html');
  const res = await ext.evaluate(
    (tabId) => chrome.runtime.sendMessage({ type: 'library:saveTab', payload: { tabId } }),
    tabId,
  );
  await ext.close();
  await tab.close();
  expect(res).toMatchObject({ ok: true });
  return (res as { entry: { id: number } }).entry.id;
}

interface Status {
  read: number;
  archived: number;
  favourite: number;
}

/** An entry's stored status flags, or null once it is deleted, read from IndexedDB. */
async function storedStatus(id: number): Promise<Status | null> {
  const ext = await l.extensionPage('options.html');
  try {
    return await ext.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('qari');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const row = await new Promise<Status | undefined>((resolve, reject) => {
        const req = db.transaction('articles').objectStore('articles').get(id);
        req.onsuccess = () => resolve(req.result as Status | undefined);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return row ? { read: row.read, archived: row.archived, favourite: row.favourite } : null;
    }, id);
  } finally {
    await ext.close();
  }
}

const direction = (frame: Frame | Page, selector: string) =>
  frame
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).direction);

/** Open the reader with its keyboard command on `path` and return the page and its frame. */
async function readerByShortcut(path: string): Promise<{ page: Page; frame: Frame }> {
  const page = await l.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(l.server.url(path), { waitUntil: 'domcontentloaded' });
  // As a reader would, once the page has loaded (bounded: some pages never fire `load`).
  await page.waitForLoadState('load', { timeout: 10_000 }).catch(() => undefined);
  await page.bringToFront();
  pressShortcut(READER_SHORTCUT);
  const frame = await readerFrame(page).catch(() => {
    pressShortcut(READER_SHORTCUT);
    return readerFrame(page);
  });
  return { page, frame };
}

describe('reader mode on a page that is not an article', () => {
  it('says «تعذّر استخراج المقال…» on a directory page, never its footer as an article', async () => {
    const { page, frame } = await readerByShortcut(DIRECTORY);
    const said = frame.getByRole('alert');
    await said.waitFor({ timeout: 15_000 });
    expect(await said.textContent()).toBe(msg('readerNotArticle'));
    expect(msg('readerNotArticle')).toMatch(/^تعذّر استخراج المقال/);
    expect(await frame.locator('article.qari-article').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'reader-not-article.png') });
    await page.close();
  });

  it('offers to show a page the detector does not take for an article, on request', async () => {
    const { page, frame } = await readerByShortcut('/shared/corpus/real/stadelahly-nonart-1.html');
    await frame.getByRole('alert').waitFor({ timeout: 15_000 });
    expect(await frame.getByRole('alert').textContent()).toBe(msg('readerNotArticle'));
    expect(await frame.locator('article.qari-article').count()).toBe(0);
    await frame.getByRole('button', { name: msg('readerShowAnyway') }).click();
    await frame.locator('article.qari-article').waitFor();
    await page.close();
  });

  it('keeps the reader’s chrome right-to-left around a left-to-right article', async () => {
    l.server.routes.set('/english-article.html', (res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ENGLISH_ARTICLE),
    );
    const { page, frame } = await readerByShortcut('/english-article.html');
    // The detector judges Arabic pages: it may ask first, which the direction does not depend on.
    const anyway = frame.getByRole('button', { name: msg('readerShowAnyway') });
    const article = frame.locator('article.qari-article');
    await anyway.or(article).first().waitFor({ timeout: 15_000 });
    if (await anyway.count()) await anyway.click();
    await article.waitFor();
    expect(await direction(frame, 'article.qari-article')).toBe('ltr');
    expect(await direction(frame, '.qari-reader')).toBe('rtl');
    expect(await direction(frame, '.qari-toolbar')).toBe('rtl');
    expect(await direction(frame, '.qari-progress')).toBe('rtl');
    const close = await frame.locator('.qari-close').boundingBox();
    const settings = await frame.locator('#qari-settings-toggle').boundingBox();
    // Close is the toolbar's last button: the left end in right-to-left.
    expect(close!.x).toBeLessThan(settings!.x);
    await page.close();
  });
});

describe('the saved-article page', () => {
  it('archives, favourites, marks unread, deletes with undo, from its own toolbar', async () => {
    const id = await save(SAMPLE);
    const page = await l.extensionPage(`saved.html?id=${id}`);
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.locator('article.qari-article h1').waitFor({ timeout: 15_000 });
    const button = (action: string) => page.locator(`.qari-toolbar [data-action="${action}"]`);

    await button('archive').click();
    await button('unarchive').waitFor();
    await button('favourite').click();
    await button('unfavourite').waitFor();
    await button('mark-read').click();
    await button('mark-unread').waitFor();
    expect(await storedStatus(id)).toEqual({ read: 1, archived: 1, favourite: 1 });
    await button('mark-unread').click();
    await button('mark-read').waitFor();
    expect(await storedStatus(id)).toEqual({ read: 0, archived: 1, favourite: 1 });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SHOTS, 'saved-toolbar.png') });

    await button('delete').click();
    await page
      .getByRole('status')
      .filter({ hasText: msg('readerDeleted') })
      .waitFor();
    expect(await storedStatus(id)).toBeNull();
    await page.getByRole('button', { name: msg('readerUndo') }).click();
    await page.locator('article.qari-article h1').waitFor();
    expect(await storedStatus(id)).toEqual({ read: 0, archived: 1, favourite: 1 });
    await page.close();
  });

  it('offers "move out of the archive" and the list after the last paragraph', async () => {
    const id = await save('/shared/corpus/real/bbcarabic-1.html');
    const page = await l.extensionPage(`saved.html?id=${id}`);
    await page.locator('article.qari-article h1').waitFor({ timeout: 15_000 });
    await page.locator('#qari-main').focus();
    await page.keyboard.press('End');
    const end = page.getByTestId('end-of-article');
    await end.waitFor();
    await end.locator('[data-action="archive"]').click();
    await end.locator('[data-action="unarchive"]').waitFor();
    expect(await storedStatus(id)).toMatchObject({ archived: 1 });
    expect(await end.locator('[data-action="back-to-list"]').count()).toBe(1);
    await end.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'saved-end-of-article.png') });
    await page.close();
  });
});

describe('the end of an article in the reader overlay', () => {
  it('offers save and archive, and back to the page', async () => {
    const page = await l.context.newPage();
    await page.goto(l.server.url('/shared/corpus/real/youm7-1.html'), {
      waitUntil: 'domcontentloaded',
    });
    await openReaderFromButton(page);
    const frame = await readerFrame(page);
    await frame.locator('article.qari-article h1').waitFor({ timeout: 15_000 });
    const end = frame.getByTestId('end-of-article');
    await end.scrollIntoViewIfNeeded();
    await end.locator('[data-action="save"]').click();
    // Saved: the offer to save goes, the bookmark shows it.
    await expect
      .poll(() => end.locator('[data-action="save"]').count(), { timeout: 10_000 })
      .toBe(0);
    expect(await frame.locator('#qari-save').getAttribute('aria-pressed')).toBe('true');
    await end.locator('[data-action="archive"]').click();
    await expect
      .poll(() => end.locator('[data-action="archive"]').count(), { timeout: 10_000 })
      .toBe(0);
    await end.locator('[data-action="back-to-page"]').click();
    await expect.poll(() => readerHostCount(page), { timeout: 10_000 }).toBe(0);
    await page.close();
  });
});
