/**
 * The reader's path in Firefox, on the built Firefox extension (.output/firefox-mv2) in an
 * Arabic Firefox: the reader from the page button (right to left, its table of contents, Escape
 * gives the page back), saving from the reader, the reading list and an Arabic search in the
 * popup, a backup exported and imported back, and a saved article read with the page server
 * gone. Makes the README's Firefox reader screenshot (the popup's: ./window.e2e.test.ts).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
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

interface Gold {
  title: string;
  sections?: string[];
  mustContain: string[];
}

const SHOTS = join(ROOT, 'docs/screenshots');
const SAMPLE = '/pages/sample-article.html';
const SAMPLE_GOLD = JSON.parse(
  readFileSync(join(ROOT, 'tests/pages/sample-article.gold.json'), 'utf8'),
) as Gold;
const AR = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string): string => AR[key]!.message;
// Distinctive words of the title, for finding its row.
const SAMPLE_KEY = 'مكتبات الأحياء';
const ROW = '[role="listitem"][data-entry-id]';

let l: FirefoxLaunched;
let downloads: string;
beforeAll(async () => {
  downloads = mkdtempSync(join(tmpdir(), 'qari-firefox-downloads-'));
  l = await launchFirefox({ locale: 'ar', downloadDir: downloads });
});
afterAll(async () => {
  await l?.close();
  rmSync(downloads, { recursive: true, force: true });
});

/** Open the reader on `path` from its page button; its frame once the article is in. */
async function openReader(page: Page, path: string) {
  await page.goto(l.server.url(path), { waitUntil: 'domcontentloaded' });
  await openReaderFromButton(page);
  const frame = await readerFrame(page);
  await frame.waitForSelector('article.qari-article h1', { timeout: 15_000 });
  return frame;
}

/** The popup's page in a tab, once its list has loaded. */
async function openPopup(): Promise<Page> {
  const popup = await l.extensionPage('popup.html');
  await popup.waitForSelector('.qari-popup[aria-busy="false"]', { timeout: 15_000 });
  return popup;
}

const rowTexts = (popup: Page): Promise<string[]> =>
  popup.$$eval(ROW, (rows) => rows.map((r) => r.textContent ?? ''));

/** Type a query like a reader and wait until the popup shows its results. */
async function search(popup: Page, query: string): Promise<void> {
  const box = await popup.waitForSelector('#qari-search');
  await box!.click({ count: 3 });
  await popup.keyboard.press('Backspace');
  await popup.keyboard.type(query);
  await popup.waitForSelector(
    `.qari-popup[data-query=${JSON.stringify(query.trim())}][aria-busy="false"]`,
    { timeout: 15_000 },
  );
}

describe('the reader in Firefox', () => {
  it('opens from the page button right to left, lists the sections and closes with Escape', async () => {
    const page = await l.newPage();
    const frame = await openReader(page, SAMPLE);
    await frame.waitForSelector('nav#qari-toc button', { timeout: 15_000 });
    const article = await frame.$eval('article.qari-article', (a) => [a.dir, a.lang]);
    expect(article).toEqual(['rtl', 'ar']);
    expect(await frame.$eval('h1.qari-title', (h) => h.textContent?.trim())).toBe(
      SAMPLE_GOLD.title,
    );
    const toc = await frame.$$eval('nav#qari-toc button', (bs) =>
      bs.map((b) => b.textContent?.trim()),
    );
    expect(toc).toEqual(SAMPLE_GOLD.sections);
    // The reader's own UI is Arabic in an Arabic Firefox, its sidebar on the right.
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('ar');
    const [navX, mainX] = await frame.evaluate(() => [
      document.querySelector('nav#qari-toc')!.getBoundingClientRect().x,
      document.querySelector('main')!.getBoundingClientRect().x,
    ]);
    expect(navX).toBeGreaterThan(mainX!);
    expect(
      await frame.evaluate(() =>
        document.fonts.ready.then(() => document.fonts.check('20px "Noto Naskh Arabic"', 'عربي')),
      ),
    ).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'firefox-reader.png') });

    await frame.focus('main');
    await page.keyboard.press('Escape');
    await until('the overlay to leave the page', async () => (await page.$(READER_HOST)) === null);
    expect(await page.$eval('h1', (h) => h.textContent)).toContain(SAMPLE_KEY);
    await page.close();
  });

  it('saves the article from the reader, and shows it in the reading list', async () => {
    const page = await l.newPage();
    const frame = await openReader(page, SAMPLE);
    await (await byText(frame, 'button', msg('readerSave'))).click();
    await byText(frame, '[role="status"]', msg('saveDone'));
    await page.close();
    const popup = await openPopup();
    const rows = await until('a row in the list', async () => {
      const r = await rowTexts(popup);
      return r.length === 1 ? r : undefined;
    });
    expect(rows[0]).toContain(SAMPLE_GOLD.title);
    await popup.close();
  });

  it('finds articles by a misspelled or unvocalized Arabic query in the popup', async () => {
    const popup = await openPopup();
    await popup.setViewport({ width: 400, height: 600 });
    // "مكتبه" with heh for teh marbuta, as people type it.
    await search(popup, 'مكتبه');
    let rows = await rowTexts(popup);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(SAMPLE_KEY);
    expect(await popup.$$eval('mark', (ms) => ms.map((m) => m.textContent))).toContainEqual(
      expect.stringContaining('مكتب'),
    );
    // Without the hamza of الأحياء.
    await search(popup, 'الاحياء');
    rows = await rowTexts(popup);
    expect(rows).toHaveLength(1);
    expect(await popup.$$eval('mark', (ms) => ms.map((m) => m.textContent))).toContain('الأحياء');
    await search(popup, 'بركان');
    await byText(popup, 'p, div', msg('popupNoResults'));
    expect(await rowTexts(popup)).toHaveLength(0);

    await search(popup, '');
    await until('the row back', async () => (await rowTexts(popup)).length === 1);
    await popup.close();
  });
});

describe('backups in Firefox', () => {
  it('exports the list to a JSON file and imports it back', async () => {
    const options = await l.extensionPage('options.html');
    await (await byText(options, 'button', msg('optionsExport'))).click();
    const file = await until('the backup file in the download folder', async () => {
      const name = readdirSync(downloads).find((f) =>
        /^qari-backup-\d{4}-\d{2}-\d{2}\.json$/.test(f),
      );
      const path = name && join(downloads, name);
      // Firefox writes to a .part file first: the JSON is there once it parses.
      return path && existsSync(path) && JSON.parse(readFileSync(path, 'utf8')) ? path : undefined;
    });
    const backup = JSON.parse(readFileSync(file, 'utf8')) as {
      format: string;
      entries: { article: { title: string } }[];
    };
    expect(backup.format).toBe('qari-backup');
    expect(backup.entries.map((e) => e.article.title)).toEqual([SAMPLE_GOLD.title]);
    const input = (await options.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await byText(options, '[role="status"]', 'تم الاستيراد: ٠ جديدة، ٠ محدّثة، ١ دون تغيير.');
    await options.close();
  });
});

describe('a saved article in Firefox', () => {
  it('opens from the popup with the page server gone', async () => {
    // Closed for good (open connections too): the fixture's own close then has nothing to do.
    // The popup is opened through a loopback page (../firefox.ts), so before the server goes.
    const popup = await openPopup();
    await l.server.close();
    const probe = await l.newPage();
    await expect(probe.goto(l.server.url(SAMPLE))).rejects.toThrow();
    await probe.close();

    const link = await byText(popup, `${ROW} a`, SAMPLE_KEY);
    const opened = new Promise<Page | null>((resolve) =>
      l.browser.once('targetcreated', (t: { page(): Promise<Page | null> }) => resolve(t.page())),
    );
    await link.click();
    const page = await until('the saved article tab', () => opened);
    await page.waitForSelector('article.qari-article h1', { timeout: 15_000 });
    expect(await page.$eval('article.qari-article h1', (h) => h.textContent)).toContain(
      SAMPLE_GOLD.title,
    );
    const text = await page.$eval('article.qari-article', (a) => a.textContent ?? '');
    for (const phrase of SAMPLE_GOLD.mustContain) expect(text).toContain(phrase);
    await page.close();
    await popup.close();
  });
});
