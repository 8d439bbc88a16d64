import fc from 'fast-check';
import { canonicalUrl, tryCanonicalUrl } from '@/lib/url/canonical';

const KEY = 'https://example.com/news/2024/1/story';

describe('canonicalUrl', () => {
  it.each([
    [
      'tracking parameters',
      'https://example.com/news/2024/1/story?utm_source=fb&utm_medium=x&fbclid=1&gclid=2&mc_cid=3&mc_eid=4',
    ],
    ['the fragment', 'https://example.com/news/2024/1/story#comments'],
    ['www and upper-case host', 'https://WWW.Example.COM/news/2024/1/story'],
    ['the mobile host', 'https://m.example.com/news/2024/1/story'],
    ['the amp host', 'https://amp.example.com/news/2024/1/story'],
    ['http', 'http://example.com/news/2024/1/story'],
    ['a trailing slash', 'https://example.com/news/2024/1/story/'],
    ['a trailing /amp', 'https://example.com/news/2024/1/story/amp'],
    ['a trailing /amp/', 'https://example.com/news/2024/1/story/amp/'],
    ['a leading /amp/', 'https://example.com/amp/news/2024/1/story'],
    ['?amp=1', 'https://example.com/news/2024/1/story?amp=1'],
    ['?amp', 'https://example.com/news/2024/1/story?amp'],
    ['outputType=amp', 'https://example.com/news/2024/1/story?outputType=amp'],
    ['a .amp extension', 'https://example.com/news/2024/1/story.amp'],
    ['the AMP cache', 'https://example-com.cdn.ampproject.org/c/s/example.com/news/2024/1/story'],
    ['the Google AMP viewer', 'https://www.google.com/amp/s/example.com/news/2024/1/story/amp'],
    ['AT Internet tags', 'https://example.com/news/2024/1/story?at_medium=custom7&at_campaign=64'],
  ])('drops %s', (_what, url) => {
    expect(canonicalUrl(url)).toBe(KEY);
  });

  it('maps .amp.html to .html', () => {
    expect(canonicalUrl('https://example.com/a/story.amp.html')).toBe(
      'https://example.com/a/story.html',
    );
  });

  it('keeps and sorts meaningful query parameters', () => {
    expect(canonicalUrl('https://example.com/article.php?page=2&id=15&utm_term=x')).toBe(
      'https://example.com/article.php?id=15&page=2',
    );
    expect(canonicalUrl('https://example.com/a?amp=0')).toBe('https://example.com/a?amp=0');
  });

  it('normalizes percent-encoding of Arabic paths', () => {
    const raw = 'https://www.aljazeera.net/news/2024/5/1/%d8%ba%d8%b2%d8%a9';
    const typed = 'https://aljazeera.net/news/2024/5/1/غزة';
    expect(canonicalUrl(raw)).toBe(canonicalUrl(typed));
  });

  it('keeps hosts that only look like aliases, and different sites apart', () => {
    expect(canonicalUrl('https://amp.dev/about')).toBe('https://amp.dev/about');
    expect(canonicalUrl('https://m.me/x')).toBe('https://m.me/x');
    expect(canonicalUrl('https://news.example.com/a')).not.toBe(
      canonicalUrl('https://example.com/a'),
    );
    expect(canonicalUrl('https://example.com:8080/a')).toBe('https://example.com:8080/a');
  });

  it('prefers a usable canonical link, resolved against the page', () => {
    expect(canonicalUrl('https://example.com/?p=12', '/news/2024/1/story')).toBe(KEY);
    expect(
      canonicalUrl(
        'https://example.com/story.amp',
        'https://example.com/news/2024/1/story?utm_source=x',
      ),
    ).toBe(KEY);
  });

  it('ignores a canonical link to the home page or to a non-web URL', () => {
    expect(canonicalUrl('https://example.com/news/7', 'https://example.com/')).toBe(
      'https://example.com/news/7',
    );
    expect(canonicalUrl('https://example.com/news/7', 'javascript:alert(1)')).toBe(
      'https://example.com/news/7',
    );
    expect(canonicalUrl('https://example.com/news/7', 'http://[bad')).toBe(
      'https://example.com/news/7',
    );
  });

  it('throws on a relative URL (tryCanonicalUrl answers null)', () => {
    expect(() => canonicalUrl('/news/1')).toThrow(TypeError);
    expect(tryCanonicalUrl('not a url')).toBeNull();
  });

  it('is idempotent', () => {
    const segment = fc.constantFrom(
      'news',
      'amp',
      'غزة',
      'a b',
      '2024',
      'story.amp',
      'x.amp.html',
      '',
    );
    const param = fc.tuple(
      fc.constantFrom('id', 'utm_source', 'amp', 'fbclid', 'page', 'q', 'outputType'),
      fc.constantFrom('', '1', 'amp', 'قطر', 'a&b'),
    );
    const url = fc
      .record({
        scheme: fc.constantFrom('http', 'https'),
        host: fc.constantFrom(
          'example.com',
          'www.example.com',
          'm.example.com',
          'amp.dev',
          'www.m.site.org',
        ),
        path: fc.array(segment, { maxLength: 4 }),
        params: fc.array(param, { maxLength: 4 }),
        hash: fc.constantFrom('', '#top'),
      })
      .map(({ scheme, host, path, params, hash }) => {
        const q = new URLSearchParams(params).toString();
        return `${scheme}://${host}/${path.join('/')}${q ? `?${q}` : ''}${hash}`;
      });
    fc.assert(
      fc.property(url, (u) => {
        const once = canonicalUrl(u);
        expect(canonicalUrl(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
