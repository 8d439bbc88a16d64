import { allowedEmbed, prepareContent, warmUp } from '@/lib/reader/render-content';
import { locateSections } from '@/lib/reader/sections';
import { patchHappyDomForDOMPurify } from './happy-dom-dompurify';

// DOMPurify needs two happy-dom fixes to behave as in browsers (see that module).
patchHappyDomForDOMPurify(window);

const BASE = 'https://news.example/2025/07/article.html';

function prepare(html: string, sectionIds: string[] = []): HTMLDivElement {
  const div = document.createElement('div');
  div.append(prepareContent(html, document, { baseUrl: BASE, sectionIds }));
  return div;
}

describe('prepareContent', () => {
  it('sanitizes again: no handlers, scripts or javascript: links survive', () => {
    const div = prepare(
      '<p>نص <img src="x.png" onerror="alert(1)"> <a href="javascript:alert(2)">رابط</a></p>' +
        '<script>alert(3)</script><svg><script>alert(4)</script></svg>' +
        '<div onclick="alert(5)" onmouseover="alert(6)">x</div><form action="/x"><input></form>',
    );
    const img = div.querySelector('img')!;
    expect(img).not.toBeNull();
    expect(img.hasAttribute('onerror')).toBe(false);
    expect(div.querySelector('script')).toBeNull();
    expect(div.querySelector('form, input')).toBeNull();
    for (const el of div.querySelectorAll('*')) {
      for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on')).toBe(false);
    }
    expect(div.querySelector('a')!.getAttribute('href')).toBeNull();
  });

  it('resolves relative links and images against the article and opens links outside', () => {
    const div = prepare(
      '<p><a href="../other.html">آخر</a><img src="/img/a.jpg" srcset="a.jpg 2x"></p>',
    );
    const a = div.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://news.example/2025/other.html');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    const img = div.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://news.example/img/a.jpg');
    expect(img.hasAttribute('srcset')).toBe(false);
    expect(img.getAttribute('loading')).toBe('lazy');
  });

  it('gives section headings their ids back, and only those, as focusable targets', () => {
    const div = prepare(
      '<h2 id="qari-s-1">أ</h2><p id="evil">x</p><h2 id="other">ب</h2><h3 id="qari-s-2">ج</h3>',
      ['qari-s-1', 'qari-s-2'],
    );
    const [h1, h2, h3] = Array.from(div.querySelectorAll('h2, h3'));
    expect(h1!.id).toBe('qari-s-1');
    expect(h1!.getAttribute('tabindex')).toBe('-1');
    expect(h2!.hasAttribute('id')).toBe(false);
    expect(h2!.hasAttribute('tabindex')).toBe(false);
    expect(h3!.id).toBe('qari-s-2');
    expect(div.querySelector('p')!.hasAttribute('id')).toBe(false);
  });

  it('puts an id back on the heading with the same text even if one before it was dropped', () => {
    const div = prepare(
      '<form><h2 id="qari-s-1">في نموذج</h2></form><h2 id="qari-s-2">الثاني</h2>',
      ['qari-s-1', 'qari-s-2'],
    );
    const headings = Array.from(div.querySelectorAll('h2'));
    expect(headings.map((h) => [h.id, h.textContent])).toEqual([['qari-s-2', 'الثاني']]);
  });

  it('lets each block take its own direction, and drops site colours and inline styles', () => {
    const div = prepare(
      '<p style="color:black">“Quoted” 2025</p><p dir="ltr">x</p><li>بند</li><font color="red">y</font>',
    );
    const [p1, p2] = Array.from(div.querySelectorAll('p'));
    expect(p1!.getAttribute('dir')).toBe('auto');
    expect(p1!.hasAttribute('style')).toBe(false);
    expect(p2!.getAttribute('dir')).toBe('ltr');
    expect(div.querySelector('[color]')).toBeNull();
  });

  it('wraps tables in a named, focusable scroll region', () => {
    const div = prepare(
      '<table><caption>النتائج</caption><tr><td>١</td></tr></table><table><tr><td>2</td></tr></table>',
    );
    const wraps = div.querySelectorAll('.qari-table-scroll');
    expect(wraps).toHaveLength(2);
    expect(wraps[0]!.querySelector('table')).not.toBeNull();
    expect(wraps[0]!.getAttribute('role')).toBe('region');
    expect(wraps[0]!.getAttribute('tabindex')).toBe('0');
    expect(wraps[0]!.getAttribute('aria-label')).toBe('النتائج');
    expect(wraps[1]!.getAttribute('aria-label')).toBe('جدول');
  });

  it('keeps players from allow-listed hosts sandboxed, with a link beside them, and drops other frames', () => {
    const div = prepare(
      '<iframe src="https://www.youtube.com/embed/abc_123" onload="x()" width="560"></iframe>' +
        '<iframe src="https://ads.example/frame.html"></iframe>' +
        '<iframe src="javascript:alert(1)"></iframe>',
    );
    const frames = div.querySelectorAll('iframe');
    expect(frames).toHaveLength(1);
    const f = frames[0]!;
    expect(f.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc_123');
    expect(f.getAttribute('sandbox')).toContain('allow-scripts');
    expect(f.getAttribute('sandbox')).not.toContain('allow-top-navigation');
    expect(f.hasAttribute('onload')).toBe(false);
    const links = Array.from(div.querySelectorAll('.qari-embed-link a')).map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toEqual(['https://www.youtube.com/embed/abc_123']);
    expect(div.textContent).not.toContain('ads.example');
  });

  it('returns nodes owned by the target document', () => {
    const frag = prepareContent('<p>نص</p>', document, { baseUrl: BASE });
    expect(frag.firstChild!.ownerDocument).toBe(document);
  });
});

describe('warmUp', () => {
  it('changes nothing in the document it warms, and the next article still comes out clean', () => {
    const before = document.documentElement.outerHTML;
    warmUp(document);
    expect(document.documentElement.outerHTML).toBe(before);
    const out = prepareContent('<p onclick="x()">نص</p><script>1</script>', document, {
      baseUrl: 'https://news.example/a',
    });
    const holder = document.createElement('div');
    holder.append(out);
    expect(holder.querySelector('p')?.getAttribute('onclick')).toBeNull();
    expect(holder.querySelector('script')).toBeNull();
  });
});

describe('allowedEmbed', () => {
  it('accepts only https players on known hosts and paths', () => {
    expect(allowedEmbed('https://player.vimeo.com/video/123')).not.toBeNull();
    expect(allowedEmbed('https://www.dailymotion.com/embed/video/x8abc')).not.toBeNull();
    expect(allowedEmbed('http://www.youtube.com/embed/abc')).toBeNull();
    expect(allowedEmbed('https://www.youtube.com.evil.example/embed/abc')).toBeNull();
    expect(allowedEmbed('https://evil.example/www.youtube.com/embed/abc')).toBeNull();
    expect(allowedEmbed('https://www.youtube.com/watch?v=abc')).toBeNull();
    expect(allowedEmbed('https://user@www.youtube.com/embed/abc')).toBeNull();
    expect(allowedEmbed('not a url')).toBeNull();
  });
});

describe('locateSections', () => {
  it('keeps sections whose heading exists, in order, once each', () => {
    const frag = prepareContent('<h2 id="a">A</h2><p>x</p><h2 id="c">C</h2>', document, {
      baseUrl: BASE,
      sectionIds: ['a', 'b', 'c'],
    });
    const got = locateSections(frag, [
      { id: 'a', level: 1, title: 'A' },
      { id: 'b', level: 1, title: 'B' },
      { id: 'c', level: 2, title: 'C' },
      { id: 'a', level: 1, title: 'A again' },
    ]);
    expect(got.sections.map((s) => s.id)).toEqual(['a', 'c']);
    expect(got.headings.map((h) => h.textContent)).toEqual(['A', 'C']);
  });
});
