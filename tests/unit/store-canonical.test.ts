import fc from 'fast-check';
import { getEntry, listEntries, saveArticle } from '@/lib/store/articles';
import { canonicalUrl, tryCanonicalUrl } from '@/lib/url/canonical';
import { ownSiteKey } from '@/lib/url/own-site';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

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

describe("a canonical link counts only for the page's own site", () => {
  const OTHER = 'https://news.other-site.com/2024/05/story';
  const PAGE = 'https://attacker.example/post/1';
  // Both rules: the store's (registrable domain) and the one without the Public Suffix List.
  const rules = [
    ['the registrable-domain rule', ownSiteKey],
    ['the same-host rule', async (u: string, h?: string | null) => canonicalUrl(u, h)],
  ] as const;

  describe.each(rules)('%s', (_rule, key) => {
    it.each([
      ['an absolute link to another site', OTHER],
      ['a protocol-relative link to another site', '//news.other-site.com/2024/05/story'],
      ['an upper-case link to another site', 'HTTPS://NEWS.OTHER-SITE.COM/2024/05/story'],
      [
        'a link to the AMP cache of another site',
        'https://news-other--site-com.cdn.ampproject.org/c/s/news.other-site.com/2024/05/story',
      ],
    ])('ignores %s', async (_what, hint) => {
      expect(await key(PAGE, hint)).toBe(canonicalUrl(PAGE));
    });

    it('ignores a sibling under a public suffix (two sites on one hosting domain)', async () => {
      expect(await key('https://mallory.github.io/a', 'https://alice.github.io/story')).toBe(
        'https://mallory.github.io/a',
      );
      expect(await key('https://a.blogspot.com/x', 'https://b.blogspot.com/story')).toBe(
        'https://a.blogspot.com/x',
      );
    });

    it('ignores a link to another IP host', async () => {
      expect(await key('http://127.0.0.1:8080/p', 'http://127.0.0.2:8080/story')).toBe(
        'https://127.0.0.1:8080/p',
      );
    });

    it('keeps a link to the same host, alias prefixes aside', async () => {
      expect(await key('https://m.example.co.uk/a?id=1', 'https://www.example.co.uk/story')).toBe(
        'https://example.co.uk/story',
      );
    });

    it('keeps a link from the AMP cache to the publisher it serves', async () => {
      expect(
        await key(
          'https://example-com.cdn.ampproject.org/c/s/example.com/amp/x',
          'https://example.com/news/2024/1/story',
        ),
      ).toBe(KEY);
    });
  });

  it('the registrable-domain rule keeps a link to another subdomain of the same site', async () => {
    expect(await ownSiteKey('https://amp.example.com/x', 'https://edition.example.com/story')).toBe(
      'https://edition.example.com/story',
    );
    expect(await ownSiteKey('https://arabic.example.co.uk/x', 'https://example.co.uk/s')).toBe(
      'https://example.co.uk/s',
    );
  });
});

describe("saving never changes another site's entry", () => {
  it('a page whose canonical link names an entry of another site is saved as its own entry', async () => {
    const db = freshDb();
    try {
      const theirs = await saveArticle(
        db,
        makeArticle({ url: 'https://www.bbc.com/arabic/articles/c1', title: 'الأصل' }),
      );
      const forged = await saveArticle(
        db,
        makeArticle({ url: 'https://evil.example/post', title: 'مزور', text: 'نص مزور' }),
        { canonical: 'https://www.bbc.com/arabic/articles/c1' },
      );
      expect(forged.created).toBe(true);
      expect(forged.entry.id).not.toBe(theirs.entry.id);
      const kept = await getEntry(db, theirs.entry.id);
      expect(kept?.article.title).toBe('الأصل');
      expect(kept?.article.url).toBe('https://www.bbc.com/arabic/articles/c1');
      expect((await listEntries(db)).total).toBe(2);
    } finally {
      await dropDb(db);
    }
  });
});
