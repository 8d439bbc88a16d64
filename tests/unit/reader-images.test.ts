import { extract } from '@/lib/extract';
import { loadedImagesOf, mayShowImage, type LoadedImages } from '@/lib/extract/images';
import { prepareContent } from '@/lib/reader/render-content';
import { sanitizeHtml } from '@/lib/sanitize';
import { loadHtml } from './extract-pages';
import { patchHappyDomForDOMPurify } from './happy-dom-dompurify';

patchHappyDomForDOMPurify(window);

const PAGE = 'https://www.news.example/2025/07/article.html';
const CDN = 'https://ichef.cdn-photos.example';

function prepare(
  html: string,
  more: { images?: boolean; imageSource?: (s: string) => string | null } = {},
) {
  const div = document.createElement('div');
  div.append(prepareContent(html, document, { baseUrl: PAGE, ...more }));
  return div;
}

const loaded = (urls: string[]): LoadedImages => ({
  urls: new Set(urls),
  hosts: new Set(urls.map((u) => new URL(u).hostname)),
});

describe('the reader shows the article’s own photos', () => {
  it('shows a photo from the site’s CDN, lazily and with no referrer, never as alt text', () => {
    const div = prepare(
      `<figure><img src="${CDN}/640/photo.jpg" alt="متظاهرة تحمل لافتة"><figcaption>متظاهرة تحمل لافتة</figcaption></figure>`,
    );
    const img = div.querySelector('img');
    expect(img?.getAttribute('src')).toBe(`${CDN}/640/photo.jpg`);
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(img?.getAttribute('loading')).toBe('lazy');
    // The caption once, not the alt text beside it.
    expect(div.textContent?.match(/متظاهرة تحمل لافتة/g)).toHaveLength(1);
  });

  it('hides images whole when the reader turned them off: no alt text left in their place', () => {
    const div = prepare(
      `<p>قبل <img src="/a.jpg" alt="&amp;quot;صورة&amp;quot;"> بعد</p><figure><img src="${CDN}/b.jpg" alt="ب"><figcaption>تعليق</figcaption></figure>`,
      { images: false },
    );
    expect(div.querySelectorAll('img')).toHaveLength(0);
    expect(div.textContent).not.toContain('صورة');
    expect(div.textContent).not.toContain('quot');
    expect(div.textContent).toContain('تعليق');
  });

  it('uses the stored copy of a photo when there is one', () => {
    const div = prepare(`<img src="${CDN}/a.jpg" alt=""><img src="${CDN}/b.jpg" alt="">`, {
      imageSource: (src) => (src === `${CDN}/a.jpg` ? 'blob:chrome-extension://x/1' : null),
    });
    expect(Array.from(div.querySelectorAll('img'), (i) => i.getAttribute('src'))).toEqual([
      'blob:chrome-extension://x/1',
      `${CDN}/b.jpg`,
    ]);
  });
});

describe('beacons are never images of the article', () => {
  it('drops 1×1 and hidden images in the sanitizer', () => {
    const html = sanitizeHtml(
      window,
      '<p>نص</p><img src="https://a1.api.example/hit.xiti?s=1" width="1px" height="1px" alt="">' +
        '<img src="/p.gif" width="0" height="0"><img src="/h.jpg" hidden><img src="/real.jpg" width="640" height="360">',
      PAGE,
    );
    expect(html).not.toContain('hit.xiti');
    expect(html).not.toContain('p.gif');
    expect(html).not.toContain('h.jpg');
    expect(html).toContain('real.jpg');
  });
});

describe('which images may show: only parties the page had already told', () => {
  const page = loaded([`${CDN}/640/lead.jpg`, 'https://static.news.example/app.js']);

  it('keeps a photo from a host the page loaded from, even one it had not loaded yet', () => {
    expect(mayShowImage(`${CDN}/640/lower-down.jpg`, PAGE, page)).toBe(true);
  });

  it('drops an image from a host the page never loaded from', () => {
    expect(mayShowImage('https://tracker.example/p.gif', PAGE, page)).toBe(false);
  });

  it('keeps the article’s own site, and only that when no page was loaded (a fetched page)', () => {
    expect(mayShowImage('https://cdn.news.example/a.jpg', PAGE, null)).toBe(true);
    expect(mayShowImage(`${CDN}/640/lead.jpg`, PAGE, null)).toBe(false);
    expect(mayShowImage('https://news.example.evil.example/x.jpg', PAGE, null)).toBe(false);
  });

  it('drops an own-site address that carries another address (an open redirect) unless the page loaded it', () => {
    const hop = 'https://www.news.example/out?u=https%3A%2F%2Ftracker.example%2Fp.gif';
    const plain = 'https://www.news.example/img?to=//tracker.example/p.gif';
    expect(mayShowImage(hop, PAGE, page)).toBe(false);
    expect(mayShowImage(plain, PAGE, null)).toBe(false);
    expect(mayShowImage(hop, PAGE, loaded([hop]))).toBe(true);
  });

  it('keeps inline data images and nothing that is not a web address', () => {
    expect(mayShowImage('data:image/png;base64,iVBORw0KGgo=', PAGE, null)).toBe(true);
    expect(mayShowImage('ftp://news.example/a.jpg', PAGE, page)).toBe(false);
  });
});

describe('extraction keeps the images the page had loaded from their parties', () => {
  it('keeps the CDN photo and drops a tracker’s image from the article', () => {
    const body = '<p>' + 'نص المقال الطويل عن الأحداث الجارية في المنطقة. '.repeat(30) + '</p>';
    const p = loadHtml(
      `<html lang="ar" dir="rtl"><head><title>عنوان</title></head><body><article><h1>عنوان</h1>${body}` +
        `<figure><img src="${CDN}/640/lead.jpg" alt="صورة" width="640" height="360"><figcaption>تعليق الصورة</figcaption></figure>` +
        `${body}<p><img src="https://tracker.example/p.gif" alt="">${body}</p></article></body></html>`,
      PAGE,
    );
    try {
      const res = extract(p.document as unknown as Document, {
        loadedImages: loaded([`${CDN}/640/lead.jpg`]),
      });
      expect(res.ok).toBe(true);
      if (!res.ok) return;
      expect(res.article.content).toContain(`${CDN}/640/lead.jpg`);
      expect(res.article.content).not.toContain('tracker.example');
    } finally {
      p.close();
    }
  });
});

describe('what the page had loaded', () => {
  /** A document whose resource timing lists `entries` and which shows no image. */
  const docWith = (entries: Partial<PerformanceResourceTiming>[]) =>
    ({
      images: [],
      defaultView: { performance: { getEntriesByType: () => entries } },
    }) as unknown as Document;
  // As Chromium lists a request the page's CSP refused: never sent, nothing in it but its times.
  const blocked = (name: string) => ({
    name,
    startTime: 150,
    fetchStart: 150,
    responseEnd: 150,
    duration: 0,
    responseStart: 0,
    responseStatus: 0,
    transferSize: 0,
    encodedBodySize: 0,
  });

  it('does not count a request the page’s CSP blocked as loaded (its party never saw it)', () => {
    const photo = 'https://evil.example/photo.jpg';
    const seen = loadedImagesOf(docWith([blocked(photo)]));
    expect(seen.urls.has(photo)).toBe(false);
    expect(mayShowImage(photo, PAGE, seen)).toBe(false);
  });

  it('counts a request that was answered', () => {
    const photo = `${CDN}/640/lead.jpg`;
    const seen = loadedImagesOf(docWith([{ ...blocked(photo), responseStart: 160, duration: 20 }]));
    expect(mayShowImage(photo, PAGE, seen)).toBe(true);
  });
});
