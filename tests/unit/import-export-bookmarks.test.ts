import { bookmarksHtml, exportBookmarks } from '@/lib/import/export-bookmarks';
import { parseImportFile } from '@/lib/import/parse';
import { saveArticle, setStatus, setTags } from '@/lib/store/articles';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

describe('bookmark export', () => {
  it('escapes titles and URLs', () => {
    const html = bookmarksHtml([
      {
        meta: {
          url: 'https://e.example/a?x=1&y="2"',
          title: '<script>alert(1)</script> & "عنوان"',
        },
        savedAt: 1_700_000_000_000,
        read: 0,
        archived: 0,
        tags: ['a"b'],
      },
    ]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;عنوان&quot;');
    expect(html).toContain('HREF="https://e.example/a?x=1&amp;y=&quot;2&quot;"');
    expect(html).toContain('ADD_DATE="1700000000"');
    expect(html).toContain('TAGS="a&quot;b"');
  });

  it('round-trips through the bookmark importer: URL, title, time, tags, read state', async () => {
    const db = freshDb();
    const a = await saveArticle(
      db,
      makeArticle({ url: 'https://a.example/1', title: 'أول & ثاني' }),
      { now: 1_700_000_000_000 },
    );
    const b = await saveArticle(db, makeArticle({ url: 'https://b.example/2', title: 'مقروء' }), {
      now: 1_700_000_500_000,
    });
    await setTags(db, a.entry.id, ['سياسة', 'اقتصاد']);
    await setStatus(db, b.entry.id, { read: true });
    const { html, entries } = await exportBookmarks(db);
    expect(entries).toBe(2);
    const back = parseImportFile('qari.html', html);
    expect(back.format).toBe('netscape');
    expect(back.items).toEqual([
      expect.objectContaining({
        url: 'https://a.example/1',
        title: 'أول & ثاني',
        savedAt: 1_700_000_000_000,
        tags: ['سياسة', 'اقتصاد'],
        read: false,
      }),
      expect.objectContaining({
        url: 'https://b.example/2',
        title: 'مقروء',
        savedAt: 1_700_000_500_000,
        read: true,
      }),
    ]);
    await dropDb(db);
  });
});
