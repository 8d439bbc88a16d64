/**
 * Highlights taken out as Markdown (one article, or all) and JSON: title, source link, date, each
 * quote a blockquote with its note; page and note text never becomes Markdown or HTML, and each
 * line starts with the article's direction mark so Arabic stays right-to-left in any renderer.
 */
import { marked } from 'marked';
import { describeText } from '@/lib/highlights/anchor';
import {
  articleMarkdown,
  highlightsJson,
  libraryMarkdown,
  type HighlightedArticle,
} from '@/lib/highlights/markdown';
import type { Highlight } from '@/lib/highlights/model';
import { highlightSearchText } from '@/lib/highlights/search-text';

const T0 = Date.UTC(2026, 0, 5, 9, 30);
const TEXT = 'قال المتحدث إن CNN نقلت أن المحادثات ستستمر غدًا.\n\nوأضاف أن الوفدين اتفقا.';

function hl(phrase: string, note: string, at = T0): Highlight {
  const s = TEXT.indexOf(phrase);
  return {
    id: `a${at.toString(16)}`,
    ...describeText(TEXT, s, s + phrase.length),
    color: 'yellow',
    note,
    createdAt: at,
    updatedAt: at,
  };
}

const article = (highlights: Highlight[]): HighlightedArticle => ({
  title: 'محادثات [القاهرة] *غدًا*',
  url: 'https://news.example/a/1?x=(1)',
  siteName: 'أخبار',
  dir: 'rtl',
  savedAt: T0,
  highlights,
});

const labels = { note: 'ملاحظة', saved: 'حُفظ' };

describe('articleMarkdown', () => {
  it('has the title, the source link, the date and each quote as a blockquote with its note, in text order', () => {
    const md = articleMarkdown(
      article([
        hl('الوفدين اتفقا', '', T0 + 2),
        hl('CNN نقلت أن المحادثات ستستمر غدًا.\n\nوأضاف', 'مهم جدًا', T0 + 1),
      ]),
      labels,
    );
    const html = marked.parse(md) as string;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h1')!.textContent).toBe('\u200Fمحادثات [القاهرة] *غدًا*');
    expect(doc.querySelector('a')!.getAttribute('href')).toBe('https://news.example/a/1?x=(1)');
    expect(md).toContain('2026-01-05');
    const quotes = Array.from(doc.querySelectorAll('blockquote'), (b) =>
      b.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(quotes).toEqual([
      '\u200FCNN نقلت أن المحادثات ستستمر غدًا. \u200Fوأضاف',
      '\u200Fالوفدين اتفقا',
    ]);
    expect(doc.body.textContent).toContain('مهم جدًا');
  });

  it('keeps markup, Markdown and bidi controls in notes and quotes as text', () => {
    const evil =
      '<img src=x onerror=alert(1)>\n---\n# h\n[x](javascript:alert(1)) **b** \u202Eمعكوس';
    const md = articleMarkdown(article([hl('الوفدين', evil)]), labels);
    const doc = new DOMParser().parseFromString(marked.parse(md) as string, 'text/html');
    expect(doc.querySelectorAll('img, h2, hr, script').length).toBe(0);
    // The note's label is the only bold text: «**b**» in the note stays asterisks.
    expect(Array.from(doc.querySelectorAll('strong'), (b) => b.textContent)).toEqual(['ملاحظة:']);
    expect(doc.querySelectorAll('a').length).toBe(1);
    expect(doc.querySelectorAll('h1').length).toBe(1);
    expect(doc.body.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(doc.body.textContent).toContain('\u202Eمعكوس');
  });

  it('starts every line of an RTL article with a right-to-left mark and of an LTR one with a left-to-right mark', () => {
    const rtl = articleMarkdown(article([hl('CNN نقلت', 'note')]), labels);
    expect(rtl).toMatch(/^> \u200FCNN/m);
    const ltr = articleMarkdown({ ...article([hl('CNN نقلت', 'note')]), dir: 'ltr' }, labels);
    expect(ltr).toMatch(/^> \u200ECNN/m);
  });
});

describe('libraryMarkdown and highlightsJson', () => {
  it('take every article with highlights, none without', () => {
    const a = article([hl('الوفدين', 'ن')]);
    const b = { ...article([]), title: 'بلا تظليل' };
    const md = libraryMarkdown([a, b], labels);
    expect(md).toContain('محادثات');
    expect(md).not.toContain('بلا تظليل');
    const json = JSON.parse(highlightsJson([a, b], T0));
    expect(json.format).toBe('qari-highlights');
    expect(json.articles).toHaveLength(1);
    expect(json.articles[0].highlights[0].note).toBe('ن');
    expect(json.articles[0].highlights[0].quote.type).toBe('TextQuoteSelector');
  });
});

describe('highlightSearchText', () => {
  it('is the notes of an entry (the quotes are in its text already), empty without highlights', () => {
    expect(highlightSearchText({ highlights: [hl('الوفدين', 'ملاحظة أولى'), hl('CNN', '')] })).toBe(
      'ملاحظة أولى',
    );
    expect(highlightSearchText({})).toBe('');
  });
});
