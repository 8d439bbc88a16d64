/**
 * Bad and hostile input: extraction never throws, never changes the page, and says why it gave up.
 */
import { Window as HappyWindow } from 'happy-dom';
import { extract } from '@/lib/extract';
import { loadHtml, readPage, serializeDocument, type LoadedPage } from './extract-pages';
import { patchHappyDomForDOMPurify } from './happy-dom-dompurify';

const PARA =
  'قال المتحدث باسم الوزارة إن الاجتماع تناول قضايا عديدة تخص التعاون الاقتصادي والتجاري بين البلدين الجارين، وأكد أن المحادثات ستستمر.';
const ARTICLE_BODY = Array.from({ length: 8 }, (_, i) => `<p>${PARA} (${i + 1})</p>`).join('');
const ARTICLE = `<html lang="ar"><head><title>اجتماع وزاري</title></head><body><article><h1>اجتماع وزاري</h1>${ARTICLE_BODY}</article></body></html>`;
const URL = 'https://site.example/news/1';

const open: LoadedPage[] = [];
function load(html: string, url = URL): LoadedPage {
  const p = loadHtml(html, url);
  open.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});

/** Extract and check the two invariants every input must keep: no throw, page untouched. */
function safeExtract(doc: Document, opts?: Parameters<typeof extract>[1]) {
  const before = serializeDocument(doc);
  let res: ReturnType<typeof extract> | undefined;
  expect(() => (res = extract(doc, opts))).not.toThrow();
  expect(serializeDocument(doc)).toBe(before);
  return res as ReturnType<typeof extract>;
}

describe('extract on bad input', () => {
  it('reports an empty page as empty', () => {
    expect(
      safeExtract(load('<html><head><title>t</title></head><body>  \n </body></html>').document),
    ).toEqual({
      ok: false,
      reason: 'empty',
    });
    expect(
      safeExtract(load('<html><body><script>var a = 1;</script></body></html>').document),
    ).toMatchObject({
      reason: 'empty',
    });
  });

  it('extracts a 5 MB page without hanging', () => {
    const para = `<p>${PARA.repeat(5)}</p>`;
    const html = `<html><body><article><h1>مقال طويل جدا</h1>${para.repeat(Math.ceil(5_000_000 / para.length))}</article></body></html>`;
    expect(html.length).toBeGreaterThanOrEqual(5_000_000);
    const res = safeExtract(load(html).document, { timeBudgetMs: 120_000 });
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.article.wordCount).toBeGreaterThan(500_000);
  });

  it('refuses a page of 200,000 elements before doing any work', () => {
    const page = load('<html><body><div id="root"></div></body></html>');
    const doc = page.document;
    const holder = doc.getElementById('root') as HTMLElement;
    // Built as one string parse of a single node per row: quicker than 200,000 appendChild calls.
    holder.innerHTML = '<i></i>'.repeat(200_000);
    let clockReads = 0;
    const res = safeExtract(doc, { now: () => ++clockReads });
    expect(res).toMatchObject({ ok: false, reason: 'too-large' });
    // Only the start time was read: the check came before cloning or parsing.
    expect(clockReads).toBe(1);
  });

  it('honours a smaller node limit', () => {
    expect(safeExtract(load(ARTICLE).document, { nodeLimit: 10 })).toMatchObject({
      ok: false,
      reason: 'too-large',
    });
  });

  it('handles a frameset page', () => {
    const res = safeExtract(
      load(
        '<html><head><title>إطارات</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>',
      ).document,
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(['empty', 'no-content', 'not-html']).toContain(res.reason);
  });

  it('reports SVG and XML documents as not HTML', () => {
    const win = load('<html><body></body></html>').window;
    const parser = new win.DOMParser();
    const svg = parser.parseFromString(
      '<svg xmlns="http://www.w3.org/2000/svg"><text>نص داخل رسم</text></svg>',
      'image/svg+xml',
    ) as unknown as Document;
    const xml = parser.parseFromString(
      '<rss><item><title>خبر</title></item></rss>',
      'application/xml',
    ) as unknown as Document;
    expect(safeExtract(svg)).toMatchObject({ ok: false, reason: 'not-html' });
    expect(safeExtract(xml)).toMatchObject({ ok: false, reason: 'not-html' });
  });

  it('reports a text/plain document (as browsers wrap it) as not HTML', () => {
    const doc = load(`<html><head></head><body><pre>${PARA}</pre></body></html>`).document;
    Object.defineProperty(doc, 'contentType', { value: 'text/plain' });
    expect(safeExtract(doc)).toMatchObject({ ok: false, reason: 'not-html' });
  });

  it('reports no document at all as not HTML', () => {
    expect(extract(null as unknown as Document)).toMatchObject({ ok: false, reason: 'not-html' });
    expect(extract({} as Document)).toMatchObject({ ok: false, reason: 'not-html' });
  });

  it('reports no-content when Readability finds nothing', () => {
    expect(
      safeExtract(load(`<html><body><div hidden>${PARA}</div></body></html>`).document),
    ).toMatchObject({
      ok: false,
      reason: 'no-content',
    });
  });

  it('turns an exception inside into an error result with detail', () => {
    const doc = load(ARTICLE).document;
    Object.defineProperty(doc, 'cloneNode', {
      value: () => {
        throw new TypeError('boom');
      },
    });
    const res = safeExtract(doc);
    expect(res).toMatchObject({ ok: false, reason: 'error' });
    if (!res.ok) expect(res.detail).toContain('boom');
  });

  it('gives up with timeout when the time budget runs out between passes', () => {
    let t = 0;
    const res = safeExtract(load(ARTICLE).document, { timeBudgetMs: 50, now: () => (t += 40) });
    expect(res).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('is unaffected by the page changing while it works (it works on a clone)', () => {
    const baseline = safeExtract(load(ARTICLE).document);
    const page = load(ARTICLE);
    const doc = page.document;
    let calls = 0;
    const res = extract(doc, {
      now: () => {
        // From the second clock read on (after cloning), the page rewrites itself.
        if (++calls >= 2) {
          doc.body.innerHTML = `<p>تغيرت الصفحة ${calls}</p>`;
          doc.title = 'عنوان آخر';
        }
        return calls;
      },
    });
    expect(calls).toBeGreaterThan(3);
    expect(doc.body.textContent).toContain('تغيرت الصفحة');
    expect(res.ok && baseline.ok).toBe(true);
    if (res.ok && baseline.ok) {
      expect(res.article.text).toBe(baseline.article.text);
      expect(res.article.title).toBe(baseline.article.title);
    }
  });

  it('never mutates the live document (a MutationObserver sees nothing)', async () => {
    const page = load(ARTICLE);
    const records: MutationRecord[] = [];
    const observer = new page.window.MutationObserver((rs) =>
      records.push(...(rs as unknown as MutationRecord[])),
    );
    observer.observe(page.document.documentElement as never, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    const res = extract(page.document);
    await new Promise((r) => setTimeout(r, 10));
    records.push(...(observer.takeRecords() as unknown as MutationRecord[]));
    observer.disconnect();
    expect(res.ok).toBe(true);
    expect(records).toHaveLength(0);
  });

  it('keeps the page URL when a <base href> points to another origin', () => {
    const html = ARTICLE.replace(
      '<head>',
      '<head><base href="https://cdn.other.example/assets/">',
    ).replace(
      '</article>',
      '<p>التفاصيل <a href="more.html">هنا</a> <img src="pic.jpg" alt=""></p></article>',
    );
    // The page showed the picture (from its base's host), so the reader may show it too.
    const shown = 'https://cdn.other.example/assets/pic.jpg';
    const res = safeExtract(load(html).document, {
      loadedImages: { urls: new Set([shown]), hosts: new Set(['cdn.other.example']) },
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article.url).toBe(URL);
    // Relative URLs resolve as the browser resolved them on the page: against the base.
    expect(res.article.content).toContain('href="https://cdn.other.example/assets/more.html"');
    expect(res.article.content).toContain('src="https://cdn.other.example/assets/pic.jpg"');
  });

  it('resolves links of a DOMParser document against the URL it came from, not the parsing page', () => {
    const host = new HappyWindow({ url: 'chrome-extension://abcdef/offscreen.html' });
    patchHappyDomForDOMPurify(host);
    const doc = new host.DOMParser().parseFromString(
      ARTICLE.replace(
        '</article>',
        '<p>اقرأ <a href="/news/2">الخبر التالي في السلسلة</a> الآن.</p></article>',
      ),
      'text/html',
    ) as unknown as Document;
    const res = safeExtract(doc, { url: URL });
    void host.happyDOM.close();
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.article.url).toBe(URL);
    expect(res.article.content).toContain('href="https://site.example/news/2"');
    expect(res.article.content).not.toContain('chrome-extension:');
  });

  it('does not throw on the windows-1256 Arabic newspaper directory page', () => {
    const doc = load(
      readPage({ file: 'corpus/real/arabicmedia-nonart-1.html', encoding: 'windows-1256' }),
    ).document;
    expect(doc.title).toContain('الصحف');
    const res = safeExtract(doc);
    if (!res.ok) expect(['no-content', 'empty']).toContain(res.reason);
  });
});
