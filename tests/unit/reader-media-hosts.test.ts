import { prepareContent } from '@/lib/reader/render-content';
import { patchHappyDomForDOMPurify } from './happy-dom-dompurify';

patchHappyDomForDOMPurify(window);

const BASE = 'https://www.news.example/2025/07/article.html';

function prepare(html: string): HTMLDivElement {
  const div = document.createElement('div');
  div.append(prepareContent(html, document, { baseUrl: BASE }));
  return div;
}

describe('video and audio in the reader load only from the article’s own site', () => {
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

  it('drops the sources of video and audio from another host', () => {
    const div = prepare(
      '<video src="https://other.example/v.mp4" poster="https://other.example/p.jpg" controls></video>' +
        '<audio controls><source src="https://other.example/a.mp3"></audio>',
    );
    for (const el of div.querySelectorAll('video, audio, source')) {
      expect(el.hasAttribute('src')).toBe(false);
      expect(el.hasAttribute('poster')).toBe(false);
    }
  });
});
