/**
 * A hand-made backup cannot plant images the image policy would not have kept (issue 14): a
 * restored body keeps only its article's own site's images (a restore has no page that was seen
 * loading any other), and a lead image on another party or on the reader's network is dropped.
 */
import { getArticle } from '@/lib/store/articles';
import { BACKUP_FORMAT, BACKUP_VERSION, importLibrary, type Backup } from '@/lib/store/backup';
import type { QariDb } from '@/lib/store/db';
import { restoredBodyCleaner } from '@/lib/import/restored-body';
import { loadHtml, type LoadedPage } from './extract-pages';
import { backupEntryOf, dropDb, freshDb, makeArticle } from './store-fixtures';

const AT = '2025-03-01T00:00:00.000Z';
const ARTICLE_URL = 'https://www.news.example/2025/story';
const OWN_PHOTO = 'https://img.news.example/photo.jpg';
const TRACKER = 'https://pixel.tracker.example/p.jpg?id=reader';
const ROUTER = 'http://192.168.1.1/cgi-bin/reboot.jpg';
const REDIRECT = `https://www.news.example/out?u=${encodeURIComponent(TRACKER)}`;

// A window of its own whose settings keep frames unloaded, as the sanitizer's tests use.
let page: LoadedPage;
beforeAll(() => {
  page = loadHtml('<html><body></body></html>', ARTICLE_URL);
});
afterAll(() => page.close());

let db: QariDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

function hostileBackup(leadImage: string): Backup {
  const article = makeArticle({
    url: ARTICLE_URL,
    leadImage,
    sections: [{ id: 'qari-s-1', level: 2, title: 'قسم' }],
    content:
      `<h2 id="qari-s-1">قسم</h2><p>نص المقال.</p><figure><img src="${OWN_PHOTO}" alt="صورة"></figure>` +
      `<img src="${TRACKER}" alt=""><img src="${ROUTER}"><img src="${REDIRECT}">` +
      `<picture><img src="${TRACKER}&picture=1"></picture><p>نهاية.</p>`,
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: AT,
    entries: [backupEntryOf(article, AT)],
  };
}

async function restored(leadImage: string) {
  await importLibrary(db, hostileBackup(leadImage), {
    sanitize: restoredBodyCleaner(page.window as unknown as Window & typeof globalThis),
  });
  const row = await db.articles.toCollection().first(); // the backup's one entry
  return getArticle(db, row!.id);
}

const imageSources = (html: string) =>
  Array.from(
    page.document.createRange().createContextualFragment(html).querySelectorAll('img'),
    (i) => i.getAttribute('src'),
  );

describe('a restored backup’s images', () => {
  it('keeps only the article’s own site’s images in its body', async () => {
    const a = await restored(OWN_PHOTO);
    expect(imageSources(a!.content)).toEqual([OWN_PHOTO]);
    expect(a!.content).toContain('نهاية');
    expect(a!.content).toContain('<h2 id="qari-s-1">قسم</h2>'); // the section's anchor stays
  });

  it('drops a lead image on another party or on the reader’s network, keeps an own-site one', async () => {
    expect((await restored(OWN_PHOTO))!.leadImage).toBe(OWN_PHOTO);
    for (const lead of [TRACKER, ROUTER, REDIRECT]) {
      await db.articles.clear();
      expect((await restored(lead))!.leadImage, lead).toBeNull();
    }
  });
});
