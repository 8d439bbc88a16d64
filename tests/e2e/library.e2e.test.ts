/**
 * The reading list as a reader uses it: save from the reader view and from the popup, find
 * articles with misspelled or unvocalized Arabic, read a saved article offline, pick up where
 * the reading stopped, archive, delete and undo.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT, SHARED_DIR, launch, tabIdOf, type Launched } from './fixtures';
import { openReaderFromButton, readerFrame } from './reader-helpers';

interface Gold {
  title: string;
  mustContain: string[];
}

const SAMPLE = '/pages/sample-article.html';
const BBC = '/shared/corpus/real/bbcarabic-1.html';
const SAMPLE_GOLD = JSON.parse(
  readFileSync(join(ROOT, 'tests/pages/sample-article.gold.json'), 'utf8'),
) as Gold;
const BBC_GOLD = JSON.parse(
  readFileSync(join(SHARED_DIR, 'corpus/real/bbcarabic-1.gold.json'), 'utf8'),
) as Gold;
// Distinctive words of each title, for finding their rows.
const SAMPLE_KEY = 'مكتبات الأحياء';
const BBC_KEY = 'آرون بوشنيل';

let l: Launched;
beforeAll(async () => {
  l = await launch();
});
afterAll(async () => {
  await l?.close();
});

/** The popup, opened in a tab and acting on the tab `tabId` (the real popup uses the active tab). */
async function openPopup(tabId?: number): Promise<Page> {
  const popup = await l.extensionPage(
    tabId === undefined ? 'popup.html' : `popup.html?tab=${tabId}`,
  );
  await popup.getByRole('searchbox').waitFor();
  return popup;
}

function rowOf(popup: Page, text: string): Locator {
  return popup.getByRole('listitem').filter({ hasText: text });
}

/** Type a query and wait until the popup shows that query's results (or the plain list for ''). */
async function search(popup: Page, query: string): Promise<void> {
  await popup.getByRole('searchbox').fill(query);
  const shown = query.trim() ? query : '';
  await popup
    .locator(`.qari-popup[data-query=${JSON.stringify(shown)}][aria-busy="false"]`)
    .waitFor();
}

/** Press a filter button and wait until its list is shown. */
async function showFilter(popup: Page, name: string, filter: string): Promise<void> {
  await popup.getByRole('button', { name }).click();
  await popup.locator(`.qari-popup[data-filter="${filter}"][aria-busy="false"]`).waitFor();
}

async function entryIdOf(row: Locator): Promise<number> {
  const id = Number(await row.getAttribute('data-entry-id'));
  expect(Number.isSafeInteger(id) && id > 0).toBe(true);
  return id;
}

/** Open a saved article from the popup's list like a reader (click its title) and return its tab. */
async function openSaved(popup: Page, text: string): Promise<Page> {
  const [page] = await Promise.all([
    l.context.waitForEvent('page'),
    rowOf(popup, text).getByRole('link').click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
  await page.locator('article.qari-article h1').waitFor({ timeout: 15_000 });
  return page;
}

describe('the reading list in Chromium', () => {
  it('saves the article from the reader view', async () => {
    const page = await l.context.newPage();
    await page.goto(l.server.url(SAMPLE));
    await openReaderFromButton(page);
    const frame = await readerFrame(page);
    await frame.getByRole('button', { name: 'حفظ للقراءة لاحقًا' }).click();
    await frame.getByRole('status').filter({ hasText: 'حُفظت الصفحة في قائمة القراءة.' }).waitFor();

    const popup = await openPopup();
    const row = rowOf(popup, SAMPLE_KEY);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(SAMPLE_GOLD.title);
    await expect(row.textContent()).resolves.toContain('غير مقروءة');
    await popup.close();
    await page.close();
  });

  it('saves the current page from the popup, and a second save updates the same entry', async () => {
    const page = await l.context.newPage();
    await page.goto(l.server.url(BBC));
    const popup = await openPopup(await tabIdOf(l, page));
    const save = popup.getByRole('button', { name: 'احفظ هذه الصفحة' });
    await save.click();
    await popup.getByRole('status').filter({ hasText: 'حُفظت الصفحة في قائمة القراءة.' }).waitFor();
    const row = rowOf(popup, BBC_KEY);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(BBC_GOLD.title);
    // Newest first.
    await expect(popup.getByRole('listitem').first().textContent()).resolves.toContain(BBC_KEY);

    await save.click();
    await popup.getByRole('status').filter({ hasText: 'الصفحة محفوظة من قبل' }).waitFor();
    await expect(rowOf(popup, BBC_KEY).count()).resolves.toBe(1);
    await expect(popup.getByRole('listitem').count()).resolves.toBe(2);
    await popup.close();
    await page.close();
  });

  it('says so in Arabic when the page is not an article', async () => {
    const page = await l.context.newPage();
    await page.goto(l.server.url('/shared/corpus/real/arabicmedia-nonart-1.html'));
    const popup = await openPopup(await tabIdOf(l, page));
    await popup.getByRole('button', { name: 'احفظ هذه الصفحة' }).click();
    const alert = popup.getByRole('alert').filter({ hasText: 'لا تبدو مقالًا' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.not.toContain('حُفظت');
    // Detection can be wrong, so the reader may still save it.
    await alert.getByRole('button', { name: 'احفظها على أي حال' }).waitFor();
    await expect(popup.getByRole('listitem').count()).resolves.toBe(2);
    await popup.close();
    await page.close();
  });

  it('finds articles by a misspelled or unvocalized query, and not by an unrelated word', async () => {
    const popup = await openPopup();
    // "مكتبه" with heh for teh marbuta, as people type it.
    await search(popup, 'مكتبه');
    await rowOf(popup, SAMPLE_KEY).waitFor();
    await expect(rowOf(popup, BBC_KEY).count()).resolves.toBe(0);
    const marks = await popup.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((m) => m.includes('مكتب'))).toBe(true);

    // Without the hamza of الأحياء.
    await search(popup, 'الاحياء ');
    await rowOf(popup, SAMPLE_KEY).waitFor();
    await expect(popup.locator('mark').allTextContents()).resolves.toContain('الأحياء');

    // Without the long-vowel and hamza forms of the pilot's name in the other article.
    await search(popup, 'الطيار الامريكي');
    await rowOf(popup, BBC_KEY).waitFor();
    await expect(rowOf(popup, SAMPLE_KEY).count()).resolves.toBe(0);

    await search(popup, 'بركان ');
    await popup.getByText('لا نتائج لهذا البحث.').waitFor();
    await expect(popup.getByRole('listitem').count()).resolves.toBe(0);
    await popup.close();
  });

  it('archives an entry, deletes one and brings it back with undo', async () => {
    const popup = await openPopup();
    const row = rowOf(popup, SAMPLE_KEY);
    await row.getByRole('button', { name: 'أرشِف' }).click();
    await row.getByRole('button', { name: 'أعِد من الأرشيف' }).waitFor();
    await expect(row.textContent()).resolves.toContain('مؤرشفة');

    await showFilter(popup, 'المؤرشفة', 'archived');
    await rowOf(popup, SAMPLE_KEY).waitFor();
    await expect(rowOf(popup, BBC_KEY).count()).resolves.toBe(0);
    await showFilter(popup, 'غير المقروءة', 'unread');
    await rowOf(popup, BBC_KEY).waitFor();
    await expect(rowOf(popup, SAMPLE_KEY).count()).resolves.toBe(0);
    await showFilter(popup, 'الكل', 'all');
    // Out of the archive again: an archived row shows only that it is archived, and the next test
    // follows this entry's reading progress in its row.
    await rowOf(popup, SAMPLE_KEY).getByRole('button', { name: 'أعِد من الأرشيف' }).click();
    await rowOf(popup, SAMPLE_KEY).getByRole('button', { name: 'أرشِف' }).waitFor();

    const bbc = rowOf(popup, BBC_KEY);
    await bbc.getByRole('button', { name: 'احذف' }).click();
    await popup.getByRole('status').filter({ hasText: 'حُذف المقال.' }).waitFor();
    await rowOf(popup, BBC_KEY).waitFor({ state: 'detached' });
    // Deleted means gone for search too.
    await search(popup, 'بوشنيل ');
    await popup.getByText('لا نتائج لهذا البحث.').waitFor();
    await popup.getByRole('button', { name: 'تراجع' }).click();
    await popup.getByRole('status').filter({ hasText: 'أُعيد المقال.' }).waitFor();
    await rowOf(popup, BBC_KEY).waitFor();
    await search(popup, '');
    await expect(popup.getByRole('listitem').count()).resolves.toBe(2);
    await popup.close();
  });

  it('works from the keyboard: / to search, arrows to move, Delete to delete, Enter to open', async () => {
    const popup = await openPopup();
    await rowOf(popup, BBC_KEY).waitFor();
    await popup.locator('body').click({ position: { x: 5, y: 5 } });
    await popup.keyboard.press('/');
    await expect(popup.evaluate(() => document.activeElement?.id)).resolves.toBe('qari-search');
    await popup.keyboard.press('ArrowDown');
    const first = popup.getByRole('listitem').first();
    await expect(first.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const firstTitle = (await first.getByRole('link').textContent()) ?? '';
    await popup.keyboard.press('ArrowDown');
    const second = popup.getByRole('listitem').nth(1);
    await expect(second.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('Delete');
    await popup.getByRole('status').filter({ hasText: 'حُذف المقال.' }).waitFor();
    await rowOf(popup, firstTitle.slice(0, 12)).waitFor({ state: 'detached' });
    await popup.getByRole('button', { name: 'تراجع' }).click();
    await rowOf(popup, firstTitle.slice(0, 12)).waitFor();

    await popup.keyboard.press('/');
    await popup.keyboard.press('ArrowDown');
    const [opened] = await Promise.all([
      l.context.waitForEvent('page'),
      popup.keyboard.press('Enter'),
    ]);
    await opened.locator('article.qari-article h1').waitFor({ timeout: 15_000 });
    await expect(opened.locator('article.qari-article h1').textContent()).resolves.toContain(
      firstTitle.trim().slice(0, 12),
    );
    await opened.close();
    await popup.close();
  });

  it('resumes a saved article where the reader stopped and marks it read at the end', async () => {
    const popup = await openPopup();
    const id = await entryIdOf(rowOf(popup, SAMPLE_KEY));
    const page = await openSaved(popup, SAMPLE_KEY);
    expect(new URL(page.url()).searchParams.get('id')).toBe(String(id));
    const maxScroll = await page.evaluate(
      () => document.documentElement.scrollHeight - innerHeight,
    );
    expect(maxScroll).toBeGreaterThan(200);
    await page.evaluate((y) => scrollTo(0, y), Math.round(maxScroll / 2));
    // The position reaches the list (progress shown in the popup) within the report interval.
    await expect
      .poll(
        async () => {
          await popup.reload();
          return rowOf(popup, SAMPLE_KEY).textContent();
        },
        { timeout: 10_000 },
      )
      .toMatch(/قُرئ/);
    await page.close();

    const again = await openSaved(popup, SAMPLE_KEY);
    await expect
      .poll(() => again.evaluate(() => scrollY), { timeout: 5000 })
      .toBeGreaterThan(maxScroll / 4);
    await again.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect
      .poll(
        async () => {
          await popup.reload();
          return rowOf(popup, SAMPLE_KEY).getAttribute('data-read');
        },
        { timeout: 10_000 },
      )
      .toBe('true');
    await again.close();
    await popup.close();
  });

  it('opens a saved article offline, with the page server unreachable', async () => {
    const popup = await openPopup();
    await rowOf(popup, BBC_KEY).waitFor();
    const blocked = (route: { abort: (code?: string) => Promise<void> }) =>
      route.abort('internetdisconnected');
    await l.context.route(/^https?:/, blocked);
    await l.context.setOffline(true);
    try {
      const probe = await l.context.newPage();
      await expect(probe.goto(l.server.url(BBC))).rejects.toThrow();
      await probe.close();

      const page = await openSaved(popup, BBC_KEY);
      await expect(page.locator('article.qari-article h1').textContent()).resolves.toContain(
        BBC_GOLD.title,
      );
      const text = (await page.locator('article.qari-article').textContent()) ?? '';
      for (const phrase of BBC_GOLD.mustContain) expect(text).toContain(phrase);
      await page.close();
    } finally {
      await l.context.setOffline(false);
      await l.context.unroute(/^https?:/, blocked);
    }
    await popup.close();
  });
});

describe('backups on the options page', () => {
  it('exports the list to a JSON file and imports it back, and refuses a corrupt file in Arabic', async () => {
    const options = await l.extensionPage('options.html');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'صدّر قائمة القراءة' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^qari-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const backup = JSON.parse(readFileSync(file, 'utf8')) as {
      format: string;
      entries: { article: { title: string } }[];
    };
    expect(backup.format).toBe('qari-backup');
    expect(backup.entries.map((e) => e.article.title).sort()).toEqual(
      [SAMPLE_GOLD.title, BBC_GOLD.title].sort(),
    );
    await options.getByRole('status').filter({ hasText: 'صُدّرت المقالات: ٢' }).waitFor();

    const input = options.locator('input[type=file]');
    await input.setInputFiles(file);
    await options
      .getByRole('status')
      .filter({ hasText: 'تم الاستيراد: ٠ جديدة، ٠ محدّثة، ٢ دون تغيير.' })
      .waitFor();

    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"qari-backup","version":1,'),
    });
    const alert = options.getByRole('alert');
    await alert.filter({ hasText: 'لم يُستورد شيء' }).waitFor();
    await expect(alert.textContent()).resolves.toMatch(/[\u0600-\u06FF]/);
    await options.close();

    const popup = await openPopup();
    await rowOf(popup, BBC_KEY).waitFor();
    await expect(popup.getByRole('listitem').count()).resolves.toBe(2);
    await popup.close();
  });
});

describe('a reading list of 10,000 articles', () => {
  const COUNT = 10_000;

  function bigBackup(): string {
    const day = Date.UTC(2020, 0, 1);
    const entries = Array.from({ length: COUNT }, (_, i) => {
      const at = new Date(day + i * 60_000).toISOString();
      const url = `https://archive.example/${i}`;
      const text = `تقرير رقم ${i} عن مواسم الزراعة في القرى، وعن الري والمحاصيل.`;
      return {
        canonicalUrl: url,
        savedAt: at,
        updatedAt: at,
        read: i % 3 === 0,
        archived: false,
        favourite: false,
        progress: 0,
        tags: [],
        fieldTimes: {},
        article: {
          url,
          title: `مقال الأرشيف ${i}: الزراعة في القرى`,
          byline: null,
          siteName: 'أرشيف المثال',
          published: null,
          lang: 'ar',
          dir: 'rtl',
          excerpt: text,
          leadImage: null,
          wordCount: 12,
          readingMinutes: 1,
        },
        body: { content: `<p>${text}</p>`, text, sections: [] },
      };
    });
    return JSON.stringify({
      format: 'qari-backup',
      version: 1,
      exportedAt: new Date(day).toISOString(),
      entries,
    });
  }

  it('imports them, renders only the rows on screen, scrolls to the oldest and searches them all', async () => {
    const options = await l.extensionPage('options.html');
    await options.locator('input[type=file]').setInputFiles({
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.from(bigBackup()),
    });
    await options
      .getByRole('status')
      .filter({ hasText: 'تم الاستيراد' })
      .waitFor({ timeout: 100_000 });
    await options.close();

    const popup = await openPopup();
    await popup.getByText('قائمة القراءة: ١٠٬٠٠٢').waitFor();
    const rendered = await popup.getByRole('listitem').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(40);
    await expect(popup.getByRole('listitem').first().getAttribute('aria-setsize')).resolves.toBe(
      String(COUNT + 2),
    );

    // End from the list goes to the oldest entry, loaded and rendered on demand.
    await popup.getByRole('listitem').first().focus();
    await popup.keyboard.press('End');
    const oldest = rowOf(popup, 'مقال الأرشيف 0:');
    await oldest.waitFor();
    await expect(oldest.getAttribute('aria-posinset')).resolves.toBe(String(COUNT + 2));
    expect(await popup.getByRole('listitem').count()).toBeLessThan(40);

    await search(popup, 'الزراعه');
    await popup.getByText(`نتائج البحث: ${COUNT.toLocaleString('ar-u-nu-arab')}`).waitFor();
    expect(await popup.getByRole('listitem').count()).toBeLessThan(40);
    await search(popup, 'الأرشيف 9999 ');
    await rowOf(popup, 'مقال الأرشيف 9999:').waitFor();
    await popup.close();
  });
});
