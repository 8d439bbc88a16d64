import { prepareContent } from '@/lib/reader/render-content';
import { patchHappyDomForDOMPurify } from './happy-dom-dompurify';

patchHappyDomForDOMPurify(window);

const BASE = 'https://www.news.example/2025/07/article.html';

function prepare(html: string): HTMLDivElement {
  const div = document.createElement('div');
  div.append(prepareContent(html, document, { baseUrl: BASE }));
  return div;
}

describe('media in the reader load only from the article’s own site', () => {
  it('keeps images of the article host, its subdomains, relative and inline ones', () => {
    const div = prepare(
      '<p>نص <img src="/a.jpg" alt="أ"> <img src="https://cdn.news.example/b.jpg" alt="ب">' +
        ' <img src="https://news.example/c.jpg" alt="ج">' +
        ' <img src="data:image/png;base64,iVBORw0KGgo=" alt="د"></p>',
    );
    expect(Array.from(div.querySelectorAll('img'), (i) => i.getAttribute('alt'))).toEqual([
      'أ',
      'ب',
      'ج',
      'د',
    ]);
  });

  it('replaces an image from another host by its alt text and drops foreign media sources', () => {
    const div = prepare(
      '<p>قبل <img src="https://tracker.example/p.gif" alt="صورة"> بعد</p>' +
        '<p><img src="https://news.example.evil.example/x.jpg" alt=""></p>' +
        '<video src="https://other.example/v.mp4" poster="https://other.example/p.jpg" controls></video>' +
        '<audio controls><source src="https://other.example/a.mp3"></audio>',
    );
    expect(div.querySelectorAll('img')).toHaveLength(0);
    expect(div.textContent).toContain('قبل صورة بعد');
    for (const el of div.querySelectorAll('video, audio, source')) {
      expect(el.hasAttribute('src')).toBe(false);
      expect(el.hasAttribute('poster')).toBe(false);
    }
  });
});
