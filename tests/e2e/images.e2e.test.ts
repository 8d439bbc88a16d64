/**
 * Photos as a reader meets them: an article whose photos come from another host (a CDN on a
 * second loopback address) shows them in the reader with no referrer, and never a tracker the
 * page had not loaded; saved, its photos are kept and show with the network off; deleted, they
 * go with it. Also makes the README's photo screenshots (the reader on BBC Arabic's article of
 * the real corpus, the saved page online and offline).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT, SHARED_DIR, launch, type Launched } from './fixtures';
import { startPhotoCdn, type PhotoCdn } from './photos';
import { openReaderFromButton, readerFrame } from './reader-helpers';

const SHOTS = join(ROOT, 'docs/screenshots');
const ARTICLE = '/photos/article.html';
const BBC = '/photos/bbcarabic-1.html';
const BBC_CDN = 'https://ichef.bbci.co.uk/';
const LEAD_ALT = 'قاعة المطالعة في حي الشجرة';

let l: Launched;
let cdn: PhotoCdn;
let tracker: PhotoCdn;

/** The sample article with photos: one the page loads, two it would load lazily, two beacons. */
function photoArticle(): string {
  const html = readFileSync(join(ROOT, 'tests/pages/sample-article.html'), 'utf8');
  const figure = (img: string, caption: string) =>
    `<figure>${img}<figcaption>${caption}</figcaption></figure>`;
  const lead = figure(
    `<img src="${cdn.origin}/news/lead.png" width="640" height="360" alt="${LEAD_ALT}">`,
    'قاعة المطالعة الجديدة بعد افتتاحها',
  );
  const children = figure(
    `<img src="/blank.gif" data-src="${cdn.origin}/news/children.png" alt="ركن الأطفال">`,
    'ركن الأطفال في مكتبة الحي',
  );
  const archive = figure(
    `<img src="/blank.gif" data-src="${cdn.origin}/large/archive.png" alt="أرشيف">`,
    'صورة من أرشيف المكتبة',
  );
  const beacons =
    `<img src="${tracker.origin}/pixel.gif" width="1" height="1" alt="">` +
    `<img src="/blank.gif" data-src="${tracker.origin}/unseen.png" alt="">`;
  const paragraphs = html.split('</p>');
  return [
    paragraphs[0],
    `</p>${lead}`,
    paragraphs.slice(1, 3).join('</p>'),
    `</p>${children}${beacons}`,
    paragraphs.slice(3, 6).join('</p>'),
    `</p>${archive}`,
    paragraphs.slice(6).join('</p>'),
  ].join('');
}

beforeAll(async () => {
  l = await launch();
  cdn = await startPhotoCdn('127.0.0.2');
  tracker = await startPhotoCdn('127.0.0.3');
  const serve = (body: () => string) => (res: import('node:http').ServerResponse) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body());
  l.server.routes.set(ARTICLE, serve(photoArticle));
  l.server.routes.set(
    BBC,
    serve(() =>
      readFileSync(join(SHARED_DIR, 'corpus/real/bbcarabic-1.html'), 'utf8').replaceAll(
        BBC_CDN,
        `${cdn.origin}/ichef/`,
      ),
    ),
  );
});
afterAll(async () => {
  await l?.close();
  await cdn?.close();
  await tracker?.close();
});

async function openReader(path: string): Promise<{ page: Page; frame: Frame }> {
  const page = await l.context.newPage();
  await page.goto(l.server.url(path), { waitUntil: 'load' });
  await openReaderFromButton(page);
  const frame = await readerFrame(page);
  await frame.locator('article.qari-article .qari-content p').first().waitFor();
  return { page, frame };
}

/** Scroll every image of the article into view, then each one's [src, loaded] once settled. */
async function loadedImages(target: Page | Frame): Promise<[string, boolean][]> {
  const imgs = target.locator('article.qari-article img');
  // By script: an image that failed offline is collapsed, which Playwright's own scroll waits on.
  // Each is waited for before the next scroll: a lazy image scrolled past before the browser saw it
  // in view never starts loading, and the wait below then timed out (a CI run, once).
  for (let i = 0; i < (await imgs.count()); i++) {
    const img = imgs.nth(i);
    await img.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await target.waitForFunction(
      (el) => (el as HTMLImageElement).complete,
      await img.elementHandle(),
    );
  }
  await target.waitForFunction(() =>
    Array.from(document.querySelectorAll('article.qari-article img')).every(
      (img) => (img as HTMLImageElement).complete,
    ),
  );
  return imgs.evaluateAll((els) =>
    els.map((el) => {
      const img = el as HTMLImageElement;
      return [img.getAttribute('src') ?? '', img.naturalWidth > 0] as [string, boolean];
    }),
  );
}

/** The offline image rows of the entry saved from `url`, read raw from the extension's database. */
async function storedImages(url: string): Promise<{ id: number; urls: string[] } | null> {
  const page = await l.extensionPage('options.html');
  try {
    return await page.evaluate(async (pageUrl) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('qari');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = <T>(store: string) =>
        new Promise<T[]>((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as T[]);
        });
      const entries = await all<{ id: number; meta: { url: string } }>('articles');
      const entry = entries.find((e) => e.meta.url === pageUrl);
      const images = await all<{ entry: number; url: string }>('images');
      db.close();
      if (!entry) return null;
      return { id: entry.id, urls: images.filter((r) => r.entry === entry.id).map((r) => r.url) };
    }, url);
  } finally {
    await page.close();
  }
}

/** How many offline image rows entry `id` has. */
async function imagesOfEntry(id: number): Promise<number> {
  const page = await l.extensionPage('options.html');
  try {
    return await page.evaluate(async (entry) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('qari');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const count = await new Promise<number>((resolve) => {
        const req = db.transaction('images').objectStore('images').index('entry').count(entry);
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return count;
    }, id);
  } finally {
    await page.close();
  }
}

/** Scroll the saved page to its notice, just under the toolbar, for the screenshot. */
async function showNotice(page: Page): Promise<void> {
  await page.getByRole('note').evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    scrollBy(0, -90);
  });
}

describe('photos in the reader', () => {
  it('shows the article’s photos from its CDN with no referrer, and no beacon', async () => {
    const { page, frame } = await openReader(ARTICLE);
    const shown = await loadedImages(frame);
    expect(shown).toEqual([
      [`${cdn.origin}/news/lead.png`, true],
      [`${cdn.origin}/news/children.png`, true],
      [`${cdn.origin}/large/archive.png`, true],
    ]);
    const policies = await frame
      .locator('article.qari-article img')
      .evaluateAll((els) => els.map((el) => el.getAttribute('referrerpolicy')));
    expect(policies).toEqual(['no-referrer', 'no-referrer', 'no-referrer']);
    // The page itself never asked for these two: every request for them is the reader's.
    const readers = cdn.log.filter((r) => /children|archive/.test(r.path));
    expect(readers.length).toBeGreaterThanOrEqual(2);
    expect(readers.map((r) => r.referer)).toEqual(readers.map(() => null));
    expect(tracker.log.map((r) => r.path)).not.toContain('/unseen.png');
    // The alt text is not a line of the article: only the caption says what the photo shows.
    const text = (await frame.locator('article.qari-article').textContent()) ?? '';
    expect(text).not.toContain(LEAD_ALT);
    await page.close();
  });

  it('hides every photo when the reader turns images off in the Aa panel', async () => {
    const { page, frame } = await openReader(ARTICLE);
    await frame.locator('article.qari-article img').first().waitFor();
    await frame.getByRole('button', { name: 'إعدادات العرض' }).click();
    const box = frame.getByRole('checkbox', { name: 'إظهار الصور' });
    await box.uncheck();
    await expect.poll(() => frame.locator('article.qari-article img').count()).toBe(0);
    expect(await frame.locator('article.qari-article').textContent()).toContain(
      'ركن الأطفال في مكتبة الحي',
    );
    await box.check();
    await expect.poll(() => frame.locator('article.qari-article img').count()).toBe(3);
    await page.close();
  });

  it('shows BBC Arabic’s photos (served from its CDN host) with each caption once', async () => {
    const { page, frame } = await openReader(BBC);
    const shown = await loadedImages(frame);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const [src, ok] of shown) {
      expect(src.startsWith(`${cdn.origin}/ichef/`)).toBe(true);
      expect(ok).toBe(true);
    }
    const alt = await frame.locator('article.qari-article img').first().getAttribute('alt');
    const text = (await frame.locator('article.qari-article').textContent()) ?? '';
    expect(text.split(alt ?? '∅').length - 1).toBeLessThanOrEqual(1);
    await frame.locator('article.qari-article figure').first().scrollIntoViewIfNeeded();
    await frame.evaluate(() => scrollBy(0, -160));
    await page.screenshot({ path: join(SHOTS, 'reader-photos.png') });
    await page.close();
  });
});

describe('a saved article’s photos offline', () => {
  it('shows a saved real article’s photos (BBC Arabic, from its CDN) with the network off', async () => {
    const { page, frame } = await openReader(BBC);
    await frame.getByRole('button', { name: 'حفظ للقراءة لاحقًا' }).click();
    const pageUrl = l.server.url(BBC);
    const inReader = (await loadedImages(frame)).map(([src]) => src);
    expect(inReader.length).toBeGreaterThanOrEqual(2);
    // Every photo the reader showed is kept: the saved copy needs the CDN for none of them.
    await expect
      .poll(async () => (await storedImages(pageUrl))?.urls.sort() ?? [], { timeout: 20_000 })
      .toEqual([...new Set(inReader)].sort());
    const { id } = (await storedImages(pageUrl))!;
    await page.close();

    await l.context.setOffline(true);
    const asked = cdn.log.length;
    try {
      const offline = await l.extensionPage(`saved.html?id=${id}`);
      await offline.locator('article.qari-article h1').waitFor();
      const shown = await loadedImages(offline);
      expect(shown.length).toBe(inReader.length);
      for (const [src, ok] of shown) {
        expect(src.startsWith('blob:')).toBe(true);
        expect(ok).toBe(true);
      }
      expect(cdn.log.length).toBe(asked);
      await offline.close();
    } finally {
      await l.context.setOffline(false);
    }
  });

  it('keeps the photos it may, shows them with the network off, and deletes them with the article', async () => {
    const { page, frame } = await openReader(ARTICLE);
    await frame.getByRole('button', { name: 'حفظ للقراءة لاحقًا' }).click();
    const pageUrl = l.server.url(ARTICLE);
    // The lead and the children's photo; the archive photo is over the single-image cap.
    await expect
      .poll(async () => (await storedImages(pageUrl))?.urls.sort() ?? [], { timeout: 20_000 })
      .toEqual([`${cdn.origin}/news/children.png`, `${cdn.origin}/news/lead.png`]);
    const { id } = (await storedImages(pageUrl))!;
    await page.close();

    const online = await l.extensionPage(`saved.html?id=${id}`);
    await online.locator('article.qari-article h1').waitFor();
    expect((await loadedImages(online)).map(([, ok]) => ok)).toEqual([true, true, true]);
    const notice = online.getByRole('note');
    await expect(notice.textContent()).resolves.toContain('تظهر حين يكون المتصفح متصلًا');
    await showNotice(online);
    await online.screenshot({ path: join(SHOTS, 'saved-photos-online.png') });
    await online.close();

    await cdn.close();
    await l.context.setOffline(true);
    try {
      const offline = await l.extensionPage(`saved.html?id=${id}`);
      await offline.locator('article.qari-article h1').waitFor();
      const shown = await loadedImages(offline);
      expect(shown.map(([src]) => src.startsWith('blob:'))).toEqual([true, true, false]);
      expect(shown.map(([, ok]) => ok)).toEqual([true, true, false]);
      await showNotice(offline);
      await offline.screenshot({ path: join(SHOTS, 'saved-photos-offline.png') });
      await offline.close();
    } finally {
      await l.context.setOffline(false);
    }

    const popup = await l.extensionPage('popup.html');
    const row = popup.getByRole('listitem').filter({ hasText: 'مكتبات الأحياء' });
    await row.getByRole('button', { name: 'احذف' }).click();
    await expect.poll(async () => await imagesOfEntry(id)).toBe(0);
    await popup.close();
  });
});

describe('a restored backup’s photos', () => {
  it('shows only its article’s own site’s photos, and never asks the hosts a hand-made backup planted', async () => {
    const site = await startPhotoCdn('127.0.0.4');
    const planted = await startPhotoCdn('127.0.0.5');
    try {
      const at = new Date().toISOString();
      const url = `${site.origin}/news/restored.html`;
      const img = (src: string) => `<figure><img src="${src}" alt="صورة"></figure>`;
      const paragraphs = readFileSync(join(ROOT, 'tests/pages/sample-article.html'), 'utf8')
        .match(/<p>[\s\S]*?<\/p>/g)!
        .slice(0, 6);
      const content = [
        paragraphs[0],
        img(`${site.origin}/news/own.png`),
        paragraphs[1],
        img(`${planted.origin}/tracker.png?id=reader`),
        `<img src="${site.origin}/blank.gif" data-src="${planted.origin}/lazy.png" alt="">`,
        img(`${site.origin}/out?u=${encodeURIComponent(`${planted.origin}/redirected.png`)}`),
        ...paragraphs.slice(2),
      ].join('');
      const backup = {
        format: 'qari-backup',
        version: 1,
        exportedAt: at,
        entries: [
          {
            canonicalUrl: url,
            savedAt: at,
            updatedAt: at,
            read: false,
            archived: false,
            favourite: false,
            progress: 0,
            tags: [],
            article: {
              url,
              title: 'مكتبات الأحياء من نسخة احتياطية',
              byline: null,
              siteName: null,
              published: null,
              lang: 'ar',
              dir: 'rtl',
              excerpt: 'مقال مستعاد',
              leadImage: `${planted.origin}/lead.png`,
              wordCount: 300,
              readingMinutes: 2,
            },
            body: { content, text: 'مقال مستعاد', sections: [] },
          },
        ],
      };
      const options = await l.extensionPage('options.html');
      await options.locator('.qari-backup input[type="file"]').setInputFiles({
        name: 'backup.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(backup)),
      });
      await options
        .locator('.qari-backup[aria-busy="false"] .qari-backup-status')
        .waitFor({ timeout: 20_000 });
      await options.close();
      const entry = await storedImages(url);
      expect(entry, 'the restored entry').not.toBeNull();

      const saved = await l.extensionPage(`saved.html?id=${entry!.id}`);
      await saved.locator('article.qari-article h1').waitFor({ timeout: 20_000 });
      expect(await loadedImages(saved)).toEqual([[`${site.origin}/news/own.png`, true]]);
      await saved.close();
      expect(planted.log.map((r) => r.path)).toEqual([]);
      expect(entry!.urls).toEqual([]); // nothing fetched for offline reading either
    } finally {
      await site.close();
      await planted.close();
    }
  });
});
