/**
 * The reader's path as a reader takes it, the same scenario in every browser (Arabic UI): the
 * reader from the page button (right to left, its table of contents, its own UI in Arabic with
 * the sidebar on the right, the bundled Naskh face, Escape gives the page back), saving from the
 * reader, the reading list and an Arabic search in it, a backup exported and imported back, and
 * a saved article read with the page server out of reach.
 *
 * What differs per browser (the download, going offline, the screenshot's name) is the driver's
 * (./chromium.ts, ./firefox.ts) and the test file's.
 */
import { join } from 'node:path';
import { ROOT } from '../fixtures';
import { byText, until, waitFor, type Driver, type Surface, type Tab } from './driver';
import { ROW, marks, openList, rowTexts, search } from './list';
import { SAMPLE, SAMPLE_GOLD, SAMPLE_KEY, msg } from './text';

const SHOTS = join(ROOT, 'docs/screenshots');
const BACKUP_NAME = /^qari-backup-\d{4}-\d{2}-\d{2}\.json$/;

export interface ReadingOptions {
  /** The README's screenshot of the reader, where this browser's run makes one. */
  readerShot?: string;
}

/** The reader opened on `path` from its page button; its frame once the article is in. */
async function openReader(tab: Tab, url: string): Promise<Surface> {
  await tab.goto(url);
  const frame = await tab.openReader();
  await waitFor(frame, 'article.qari-article h1');
  return frame;
}

export function readingScenarios(driver: () => Driver, o: ReadingOptions = {}): void {
  it('opens from the page button right to left, lists the sections and closes with Escape', async () => {
    const d = driver();
    const page = await d.newTab();
    const frame = await openReader(page, d.url(SAMPLE));
    await waitFor(frame, 'nav#qari-toc button');
    const seen = await frame.evaluate(() => {
      const article = document.querySelector<HTMLElement>('article.qari-article')!;
      return {
        article: [article.dir, article.lang],
        title: document.querySelector('h1.qari-title')?.textContent?.trim(),
        toc: [...document.querySelectorAll('nav#qari-toc button')].map((b) =>
          b.textContent?.trim(),
        ),
        // The reader's own UI is Arabic in an Arabic browser.
        lang: document.documentElement.lang,
        navX: document.querySelector('nav#qari-toc')!.getBoundingClientRect().x,
        mainX: document.querySelector('main')!.getBoundingClientRect().x,
      };
    });
    expect(seen.article).toEqual(['rtl', 'ar']);
    expect(seen.title).toBe(SAMPLE_GOLD.title);
    expect(seen.toc).toEqual(SAMPLE_GOLD.sections);
    expect(seen.lang).toBe('ar');
    // Sidebar on the right in RTL: its box starts to the right of the article's.
    expect(seen.navX).toBeGreaterThan(seen.mainX);
    // The Naskh face is bundled and used.
    expect(
      await frame.evaluate(() =>
        document.fonts.ready.then(() => document.fonts.check('20px "Noto Naskh Arabic"', 'عربي')),
      ),
    ).toBe(true);
    if (o.readerShot) await page.screenshot(join(SHOTS, o.readerShot));

    await frame.focus('main');
    await page.press('Escape');
    await until('the overlay to leave the page', () => page.readerCount(), 0);
    expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toContain(
      SAMPLE_KEY,
    );
    await page.close();
  });

  it('saves the article from the reader, and shows it in the reading list', async () => {
    const d = driver();
    const page = await d.newTab();
    const frame = await openReader(page, d.url(SAMPLE));
    await frame.click(await byText(frame, 'button', msg('readerSave')));
    await byText(frame, '[role="status"]', msg('saveDone'));
    await page.close();
    const list = await openList(d);
    await until('one row in the list', async () => (await rowTexts(list)).length, 1);
    expect((await rowTexts(list))[0]).toContain(SAMPLE_GOLD.title);
    await list.close();
  });

  it('finds articles by a misspelled or unvocalized Arabic query in the list', async () => {
    const list = await openList(driver());
    // "مكتبه" with heh for teh marbuta, as people type it.
    await search(list, 'مكتبه');
    let rows = await rowTexts(list);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(SAMPLE_KEY);
    expect(await marks(list)).toContainEqual(expect.stringContaining('مكتب'));
    // Without the hamza of الأحياء.
    await search(list, 'الاحياء');
    rows = await rowTexts(list);
    expect(rows).toHaveLength(1);
    expect(await marks(list)).toContain('الأحياء');
    await search(list, 'بركان');
    await byText(list, 'p, div', msg('popupNoResults'));
    expect(await rowTexts(list)).toHaveLength(0);

    await search(list, '');
    await until('the row back', async () => (await rowTexts(list)).length, 1);
    await list.close();
  });

  it('exports the list to a JSON file and imports it back', async () => {
    const options = await driver().extensionTab('options.html');
    const file = await options.download(await byText(options, 'button', msg('optionsExport')));
    expect(file.name).toMatch(BACKUP_NAME);
    const backup = JSON.parse(file.text) as {
      format: string;
      entries: { article: { title: string } }[];
    };
    expect(backup.format).toBe('qari-backup');
    expect(backup.entries.map((e) => e.article.title)).toEqual([SAMPLE_GOLD.title]);
    await options.upload('.qari-backup input[type=file]', file);
    await byText(options, '[role="status"]', 'تم الاستيراد: ٠ جديدة، ٠ محدّثة، ١ دون تغيير.');
    await options.close();
  });

  // Last: where the browser has no offline switch the page server is closed for good.
  it('opens a saved article from the list with the page server out of reach', async () => {
    const d = driver();
    const list = await openList(d);
    const online = await d.offline([d.server]);
    try {
      const probe = await d.newTab();
      await expect(probe.goto(d.url(SAMPLE))).rejects.toThrow();
      await probe.close();

      const page = await list.clickOpeningTab(await byText(list, `${ROW} a`, SAMPLE_KEY));
      await waitFor(page, 'article.qari-article h1');
      const [title, text] = await page.evaluate(() => [
        document.querySelector('article.qari-article h1')?.textContent ?? '',
        document.querySelector('article.qari-article')?.textContent ?? '',
      ]);
      expect(title).toContain(SAMPLE_GOLD.title);
      for (const phrase of SAMPLE_GOLD.mustContain) expect(text).toContain(phrase);
      await page.close();
    } finally {
      await online();
    }
    await list.close();
  });
}
