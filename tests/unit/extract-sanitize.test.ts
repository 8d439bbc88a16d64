import { extract } from '@/lib/extract';
import { isAllowedEmbed, largestFromSrcset, sanitizeHtml } from '@/lib/sanitize';
import { loadHtml, type LoadedPage } from './extract-pages';

const BASE = 'https://news.example/world/story/';

// A window of its own whose settings keep frames unloaded (browsers keep DOMPurify's working
// document inert; happy-dom would otherwise try to fetch every <iframe> it parses).
let page: LoadedPage;
beforeAll(() => {
  page = loadHtml('<html><body></body></html>', BASE);
});
afterAll(() => page.close());

/** Parsed into an inert template, so the test document never loads what it holds. */
function clean(html: string): DocumentFragment {
  const out = page.document.createElement('template');
  out.innerHTML = sanitizeHtml(page.window as unknown as Window, html, BASE);
  return out.content;
}

describe('sanitizeHtml', () => {
  it('removes scripts, event handlers and javascript: URLs', () => {
    const out = clean(
      '<p>نص<script>alert(1)</script></p><img src="/a.jpg" onerror="alert(2)"><p onclick="x()">فقرة</p>' +
        '<a href="javascript:alert(3)">رابط</a><a href=" JaVaScRiPt:alert(4)">رابط ٢</a><svg><script>alert(5)</script></svg>',
    );
    expect(out.querySelector('script, svg')).toBeNull();
    for (const el of Array.from(out.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        expect(a.name.startsWith('on')).toBe(false);
        expect(a.value.toLowerCase()).not.toContain('javascript:');
      }
    }
    expect(out.textContent).toContain('فقرة');
    expect(out.textContent).toContain('رابط ٢');
  });

  it('drops a media address left on an element that is not media (a mangled `<a <video src>`)', () => {
    const out = clean(
      '<p>نص</p><a\n<video src="/v.mp4" poster="/p.jpg" srcset="/s.jpg 2x">فيديو</a>',
    );
    const link = out.querySelector('a');
    expect(link?.textContent).toContain('فيديو');
    for (const attr of ['src', 'poster', 'srcset']) expect(link?.hasAttribute(attr)).toBe(false);
  });

  it('removes forms, inputs, styles and style/class/id attributes', () => {
    const out = clean(
      '<style>p{color:red}</style><p style="color:red" class="x" id="main">نص</p><form action="/c"><input name="q"><button>إرسال</button><textarea>t</textarea></form>',
    );
    expect(out.querySelector('form, input, button, textarea, style')).toBeNull();
    expect(out.querySelector('[style], [class], [id]')).toBeNull();
    expect(out.textContent).toBe('نص');
  });

  it('removes frames from unknown hosts and keeps allow-listed video embeds, sandboxed', () => {
    const out = clean(
      '<iframe src="https://evil.example/embed/x"></iframe><iframe src="https://www.youtube.com/watch?v=abc"></iframe>' +
        '<iframe src="//www.youtube.com/embed/abc" onload="x()" style="border:0"></iframe>' +
        '<iframe src="https://player.vimeo.com/video/1"></iframe><iframe src="https://www.dailymotion.com/embed/video/x"></iframe>' +
        '<iframe src="https://www.youtube-nocookie.com/embed/z"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>',
    );
    const srcs = Array.from(out.querySelectorAll('iframe')).map((f) => f.getAttribute('src'));
    expect(srcs).toEqual([
      'https://www.youtube.com/embed/abc',
      'https://player.vimeo.com/video/1',
      'https://www.dailymotion.com/embed/video/x',
      'https://www.youtube-nocookie.com/embed/z',
    ]);
    for (const f of Array.from(out.querySelectorAll('iframe'))) {
      expect(f.getAttribute('sandbox')).toContain('allow-scripts');
      expect(f.hasAttribute('onload')).toBe(false);
      expect(f.hasAttribute('style')).toBe(false);
    }
  });

  it('resolves lazy images (data-src, data-lazy-src, srcset/data-srcset) to a real absolute src', () => {
    const out = clean(
      '<img data-src="/lazy-1.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
        '<img data-lazy-src="lazy-2.jpg" src="/img/placeholder.png">' +
        '<img data-srcset="/s-320.jpg 320w, /s-1024.jpg 1024w, /s-640.jpg 640w">' +
        '<img srcset="https://cdn.example/x-1x.jpg 1x, https://cdn.example/x-2x.jpg 2x">' +
        '<img src="/real.jpg" data-src="/other.jpg">',
    );
    expect(Array.from(out.querySelectorAll('img')).map((i) => i.getAttribute('src'))).toEqual([
      'https://news.example/lazy-1.jpg',
      'https://news.example/world/story/lazy-2.jpg',
      'https://news.example/s-1024.jpg',
      'https://cdn.example/x-2x.jpg',
      'https://news.example/real.jpg',
    ]);
    expect(out.querySelector('[srcset], [data-src]')).toBeNull();
  });

  it('makes links absolute and opens them in a new tab without opener or referrer', () => {
    const out = clean(
      '<a href="../other/">نص</a><a href="https://x.example/p?q=1">خارجي</a><a href="#note">حاشية</a><a href="whatsapp://send">واتساب</a>',
    );
    const links = Array.from(out.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://news.example/world/other/',
      'https://x.example/p?q=1',
      null,
      null,
    ]);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(links[2]?.hasAttribute('target')).toBe(false);
  });
});

describe('sanitizer helpers', () => {
  it('picks the largest srcset candidate', () => {
    expect(largestFromSrcset('a.jpg 320w, b.jpg 1024w, c.jpg 640w')).toBe('b.jpg');
    expect(largestFromSrcset('a.jpg, b.jpg 2x')).toBe('b.jpg');
  });

  it('allows only https video embed paths of the listed hosts', () => {
    expect(isAllowedEmbed('https://www.youtube.com/embed/abc')).toBe(true);
    expect(isAllowedEmbed('http://www.youtube.com/embed/abc')).toBe(false);
    expect(isAllowedEmbed('https://youtube.com.evil.example/embed/abc')).toBe(false);
    expect(isAllowedEmbed('https://www.youtube.com/watch?v=abc')).toBe(false);
    expect(isAllowedEmbed(null)).toBe(false);
  });
});

describe('extract sanitizes what it returns', () => {
  const PARA =
    'قال المتحدث باسم الوزارة إن الاجتماع تناول قضايا عديدة تخص التعاون الاقتصادي والتجاري بين البلدين الجارين.';
  it('leaves no script, handler, javascript: link or foreign frame in an article body', async () => {
    const page = loadHtml(
      '<html><head><title>خبر</title></head><body><article><h1>اجتماع وزاري</h1>' +
        Array.from({ length: 6 }, (_, i) => `<p>${PARA} ${i}</p>`).join('') +
        '<p>انظر <a href="javascript:alert(1)">هنا</a> و<a href="/more">المزيد من التفاصيل</a> <img src="/p.jpg" onerror="alert(2)"></p>' +
        '<iframe src="https://evil.example/x"></iframe><iframe src="https://www.youtube.com/embed/v1"></iframe>' +
        '<p><img data-src="/lazy.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p></article></body></html>',
      'https://site.example/news/1',
    );
    const res = extract(page.document);
    await page.close();
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const c = res.article.content;
    expect(c).not.toMatch(/<script|onerror|javascript:|evil\.example/i);
    expect(c).toContain('src="https://www.youtube.com/embed/v1"');
    expect(c).toContain('href="https://site.example/more"');
    expect(c).toContain('rel="noopener noreferrer"');
    expect(c).toContain('src="https://site.example/lazy.jpg"');
  });
});
