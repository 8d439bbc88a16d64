/**
 * The partial items of the integrity review: links that download, players that start by
 * themselves, section ids that take the reader's own element ids.
 */
import { toReaderArticle } from '@/lib/reader/article-guard';
import { sanitizeHtml } from '@/lib/sanitize';
import { loadHtml, type LoadedPage } from './extract-pages';
import { makeArticle } from './store-fixtures';

const BASE = 'https://news.example/world/story/';
let page: LoadedPage;
beforeAll(() => {
  page = loadHtml('<html><body></body></html>', BASE);
});
afterAll(() => page.close());

function clean(html: string): DocumentFragment {
  const out = page.document.createElement('template');
  out.innerHTML = sanitizeHtml(page.window as unknown as Window, html, BASE);
  return out.content;
}

describe('links', () => {
  it('lose a download attribute (a click saves a file the page named)', () => {
    const a = clean(
      '<p><a href="/report.pdf" download="invoice.pdf.exe">التقرير</a></p>',
    ).querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://news.example/report.pdf');
    expect(a?.hasAttribute('download')).toBe(false);
  });
});

describe('allow-listed players', () => {
  const srcOf = (html: string) => clean(html).querySelector('iframe')?.getAttribute('src');

  it.each([
    [
      'YouTube autoplay and loop',
      'https://www.youtube.com/embed/abc?autoplay=1&loop=1&playlist=abc&mute=1&controls=0',
    ],
    [
      'Vimeo background mode',
      'https://player.vimeo.com/video/123?background=1&autoplay=1&muted=1#t=0',
    ],
    ['Dailymotion autoplay', 'https://www.dailymotion.com/embed/video/x8abc?autoplay=1&mute=1'],
  ])('drop %s', (_what, src) => {
    const kept = new URL(srcOf(`<iframe src="${src}"></iframe>`) ?? 'about:blank');
    expect([...kept.searchParams.keys()]).toEqual([]);
    expect(kept.hash).toBe('');
  });

  it('keep the start time and a private video hash', () => {
    const yt = new URL(
      srcOf('<iframe src="https://www.youtube.com/embed/abc?start=30&autoplay=1"></iframe>')!,
    );
    expect(yt.search).toBe('?start=30');
    const vimeo = new URL(
      srcOf('<iframe src="https://player.vimeo.com/video/1?h=9f2a&loop=1"></iframe>')!,
    );
    expect(vimeo.search).toBe('?h=9f2a');
  });
});

describe("section ids cannot take the reader's own element ids", () => {
  const withSection = (id: string) =>
    makeArticle({
      content: `<h2 id="${id}">قسم</h2><p>نص</p>`,
      sections: [{ id, level: 1, title: 'قسم' }],
    });

  it.each(['qari-help', 'qari-main', 'qari-settings-toggle', 'app'])(
    'the reader drops a section whose id is %s',
    (id) => {
      expect(toReaderArticle(withSection(id))?.sections).toEqual([]);
    },
  );

  it("the reader keeps the extractor's own ids", () => {
    expect(toReaderArticle(withSection('qari-s-3'))?.sections.map((s) => s.id)).toEqual([
      'qari-s-3',
    ]);
  });
});
