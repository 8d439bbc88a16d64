/**
 * Attacks on the reading list's integrity that need no page: a backup that retargets an entry of
 * another site, a backup that stores a script URL as a lead image.
 */
import { getArticle, listEntries, saveArticle } from '@/lib/store/articles';
import { BACKUP_FORMAT, BACKUP_VERSION, importLibrary, validateBackup } from '@/lib/store/backup';
import type { QariDb } from '@/lib/store/db';
import { backupEntryOf, dropDb, freshDb, makeArticle } from './store-fixtures';

const BBC = 'https://www.bbc.com/arabic/articles/c1';
const dbs: QariDb[] = [];
function tracked(): QariDb {
  const db = freshDb();
  dbs.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map(dropDb));
});

function backupOf(...entries: ReturnType<typeof backupEntryOf>[]) {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2026-01-01T00:00:00.000Z',
    entries,
  };
}

describe('a backup cannot retarget an entry of another site', () => {
  it("an entry keyed by another site's article, dated 2099, leaves that article as it was", async () => {
    const db = tracked();
    const theirs = await saveArticle(
      db,
      makeArticle({ url: BBC, title: 'الأصل', text: 'نص أصلي' }),
    );
    const forged = makeArticle({
      url: 'https://evil.example/landing',
      title: 'عنوان مزور',
      text: 'نص مزور',
    });
    const at = '2099-01-01T00:00:00.000Z';
    await importLibrary(db, backupOf(backupEntryOf(forged, at, { canonicalUrl: BBC })));
    const kept = await getArticle(db, theirs.entry.id);
    expect(kept?.title).toBe('الأصل');
    expect(kept?.url).toBe(BBC);
    expect(kept?.text).toBe('نص أصلي');
    // The forged entry is kept under its own site's key, as a save of its page would be.
    const { entries } = await listEntries(db);
    expect(entries.map((e) => e.article.url).sort()).toEqual(
      [BBC, 'https://evil.example/landing'].sort(),
    );
  });

  it("a key on the article's own site still dedupes (a canonical link saved earlier)", async () => {
    const db = tracked();
    const a = makeArticle({ url: 'https://m.example.com/story?id=1', title: 'أ' });
    const entry = backupEntryOf(a, '2026-01-01T00:00:00.000Z', {
      canonicalUrl: 'https://example.com/news/story',
    });
    await importLibrary(db, backupOf(entry));
    await importLibrary(db, backupOf(entry));
    const { entries, total } = await listEntries(db);
    expect(total).toBe(1);
    expect(entries[0]?.canonicalUrl).toBe('https://example.com/news/story');
  });
});

describe('a backup cannot store a script URL as a lead image', () => {
  it.each([
    ['javascript:', 'javascript:alert(document.domain)'],
    ['data:', 'data:image/svg+xml,<svg onload=alert(1)>'],
    ['a relative URL', '/img.png'],
  ])('refuses a %s lead image', (_what, leadImage) => {
    const a = makeArticle({ leadImage });
    expect(() => validateBackup(backupOf(backupEntryOf(a, '2026-01-01T00:00:00.000Z')))).toThrow();
  });

  it('keeps an https lead image', () => {
    const a = makeArticle({ leadImage: 'https://example.com/a.jpg' });
    expect(() =>
      validateBackup(backupOf(backupEntryOf(a, '2026-01-01T00:00:00.000Z'))),
    ).not.toThrow();
  });
});
