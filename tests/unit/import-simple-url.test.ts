/**
 * The import reads a link that the URL parser would keep as written without parsing it
 * (lib/import/simple-url.ts): for every link it reads, the parser must agree on the whole URL
 * and on each part the dedupe key reads, and so the key must be the same.
 */
import fc from 'fast-check';
import { simpleWebUrl } from '@/lib/import/simple-url';
import { canonicalKeyOf, tryCanonicalUrl } from '@/lib/url/canonical';
import { nearSimpleUrls } from '../fixtures/near-simple-urls';

const PARTS = ['protocol', 'hostname', 'port', 'pathname', 'search'] as const;

describe('simpleWebUrl', () => {
  it('reads a link only when the URL parser keeps it as written, with the same parts and key', () => {
    let read = 0;
    fc.assert(
      fc.property(nearSimpleUrls, (s) => {
        const parts = simpleWebUrl(s);
        if (!parts) return;
        read++;
        const u = new URL(s);
        expect(u.href).toBe(s);
        for (const p of PARTS) expect(parts[p]).toBe(u[p]);
        expect(canonicalKeyOf(parts)).toBe(tryCanonicalUrl(s));
      }),
      { numRuns: 20_000 },
    );
    expect(read).toBeGreaterThan(1000);
  });

  it('reads the links of real bookmark files', () => {
    for (const s of [
      'https://www.aljazeera.net/news/2024/5/1/%D8%A7%D9%84%D8%AD%D8%B1%D8%A8',
      'https://www.bbc.com/arabic/articles/c2kk1y3z1d5o?at_medium=RSS&at_campaign=rss',
      'http://example.com/a/7',
      'https://news.example.co.uk/story.amp.html',
    ])
      expect(simpleWebUrl(s)).not.toBeNull();
  });

  it('leaves to the parser what it would change', () => {
    for (const s of [
      'https://Example.com/',
      'https://example.com',
      'https://example.com:443/',
      'https://u@example.com/',
      'https://example.com/a/../b',
      'https://example.com/a/%2e%2e/b',
      'https://example.com/#top',
      'https://127.0.0.1/',
      'https://example.0x7f/',
      'https://xn--mgbh0fb.example/',
      "https://example.com/?q='",
      'https://example.com/a b',
      'https://example.com/%zz',
    ])
      expect(simpleWebUrl(s)).toBeNull();
  });
});
