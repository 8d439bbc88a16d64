/**
 * What a page says about itself is shown so that it cannot pass for another source: the host
 * first (the one thing the page cannot choose), its claimed name after; bidi controls and
 * zero-width characters removed from titles, bylines and names (issue 14, item 8).
 */
import { render } from 'preact';
import { ArticleHeader } from '@/components/reader/ArticleHeader';
import { EntryRow } from '@/components/popup/EntryRow';
import { readerLabels } from '@/lib/reader/labels';
import { displayText, sourceOf } from '@/lib/text/display';
import { termsOf } from '@/lib/text/analyze';
import { makeArticle } from './store-fixtures';
import { preactRoot } from './preact-root';

const RLO = '\u202E';
const CONTROLS = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

describe('displayText', () => {
  it.each([
    ['a right-to-left override', `invoice ${RLO}fdp.exe`, 'invoice fdp.exe'],
    ['isolates and marks', 'a\u2067b\u2069c\u200Fd\u200Ee\u061Cf', 'abcdef'],
    ['embeddings', '\u202Ax\u202B\u202Cy\u202D', 'xy'],
    ['zero-width characters', 'ك\u200Bل\u200Cم\u200D\u2060ة\uFEFF', 'كلمة'],
  ])('drops %s', (_what, raw, shown) => {
    expect(displayText(raw)).toBe(shown);
  });
});

describe('sourceOf', () => {
  it("puts the page's host first, and its claimed name after", () => {
    expect(sourceOf({ url: 'https://www.evil.example/news/1', siteName: 'BBC News عربي' })).toEqual(
      { host: 'evil.example', name: 'BBC News عربي' },
    );
  });

  it('gives the host alone when the name is missing, blank, made of controls or the host', () => {
    for (const siteName of [null, '  ', '\u202E\u200B', 'evil.example', 'WWW.Evil.Example']) {
      expect(sourceOf({ url: 'https://www.evil.example/a', siteName })).toEqual({
        host: 'evil.example',
        name: null,
      });
    }
  });
});

describe('shown in the reader header and the popup row', () => {
  const root = preactRoot();
  const spoof = makeArticle({
    url: 'https://phish.example/x',
    siteName: 'BBC News عربي',
    title: `تقرير ${RLO}fdp.exe`,
    byline: `\u2067مراسل\u2069`,
  });

  it('the reader header names the host before the claimed site name, without controls', () => {
    render(<ArticleHeader article={spoof} ui="ar" labels={readerLabels()} />, root.get());
    const site = root.get().querySelector('.qari-site')?.textContent ?? '';
    expect(site.indexOf('phish.example')).toBe(0);
    expect(site).toContain('BBC News عربي');
    expect(root.get().querySelector('.qari-title')?.textContent).toBe('تقرير fdp.exe');
    expect(root.get().textContent).not.toMatch(CONTROLS);
  });

  it('the popup row names the host before the claimed site name, without controls', () => {
    const entry = {
      id: 1,
      canonicalUrl: spoof.url,
      article: spoof,
      savedAt: 0,
      updatedAt: 0,
      read: false,
      archived: false,
      favourite: false,
      progress: 0,
      tags: [],
      hasBody: true,
    };
    render(
      <EntryRow
        index={0}
        total={1}
        row={{ entry, titleRanges: [{ start: 0, end: 5 }] }}
        height={80}
        selected={false}
        focus={false}
        ui="ar"
        href={(id) => `#${id}`}
        onSelect={() => undefined}
        onAction={() => undefined}
      />,
      root.get(),
    );
    const text = root.get().textContent ?? '';
    expect(text).toContain('phish.example');
    expect(text.indexOf('phish.example')).toBeLessThan(text.indexOf('BBC News عربي'));
    expect(text).not.toMatch(CONTROLS);
  });
});

describe('search folds invisible characters away', () => {
  it.each([
    ['a word joiner', '\u2060'],
    ['a zero-width space', '\u200B'],
    ['a soft hyphen', '\u00AD'],
    ['an Arabic letter mark', '\u061C'],
    ['an invisible separator', '\u2063'],
  ])('an article is found by its own words with %s inside them', (_what, ch) => {
    expect(termsOf(`الانتخابات البرلم${ch}انية`)).toEqual(termsOf('الانتخابات البرلمانية'));
  });
});
