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
  });

  it('gives each highlight as a W3C Web Annotation: its note a plain-text body, the article the target with both selectors', () => {
    const withNote = hl('الوفدين', 'ملاحظة <b>', T0 + 1);
    const bare = hl('CNN نقلت', '', T0 + 2);
    const json = JSON.parse(highlightsJson([article([withNote, bare])], T0));
    const [first, second] = json.articles[0].annotations;
    // Reading order: «CNN نقلت» comes first in the text.
    expect(second).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: `urn:qari:highlight:${withNote.id}`,
      motivation: 'commenting',
      created: new Date(T0 + 1).toISOString(),
      modified: new Date(T0 + 1).toISOString(),
      body: [
        { type: 'TextualBody', value: 'ملاحظة <b>', format: 'text/plain', purpose: 'commenting' },
      ],
      target: {
        source: 'https://news.example/a/1?x=(1)',
        selector: [withNote.quote, withNote.position],
      },
      color: 'yellow',
    });
    expect(first.motivation).toBe('highlighting');
    expect(first.body).toEqual([]);
    expect(first.target.selector[0]).toEqual({ ...bare.quote, type: 'TextQuoteSelector' });
    expect(first.target.selector[1].type).toBe('TextPositionSelector');
    expect(json.articles[0]).toMatchObject({
      url: 'https://news.example/a/1?x=(1)',
      title: 'محادثات [القاهرة] *غدًا*',
      siteName: 'أخبار',
      dir: 'rtl',
      savedAt: new Date(T0).toISOString(),
    });
  });
});

describe('hostile notes and quotes in an export', () => {
  const RLO = '\u202E';
  const RLI = '\u2067';
  // Every explicit embedding, override and isolate a line opens, closed on the same line.
  function balanced(line: string): boolean {
    let embeds = 0;
    let isolates = 0;
    for (const c of line) {
      if ('\u202A\u202B\u202D\u202E'.includes(c)) embeds++;
      else if (c === '\u202C') embeds = Math.max(0, embeds - 1);
      else if ('\u2066\u2067\u2068'.includes(c)) isolates++;
      else if (c === '\u2069') isolates = Math.max(0, isolates - 1);
    }
    return embeds === 0 && isolates === 0;
  }

  it('closes on each line the bidi overrides and isolates a note, quote or title opens, so none reverses the next line', () => {
    const title = `عنوان ${RLO}مقلوب`;
    const note = `سطر ${RLO}أول\nسطر ${RLI}ثانٍ\n${RLO}${RLO}ثالث`;
    const md = libraryMarkdown([{ ...article([hl('الوفدين', note)]), title }], labels);
    const lines = md.split('\n');
    expect(lines.filter((l) => /[\u202A-\u202E\u2066-\u2069]/.test(l)).length).toBeGreaterThan(3);
    for (const line of lines) expect(balanced(line), JSON.stringify(line)).toBe(true);
    // The characters themselves stay in the text.
    expect(md).toContain(`${RLO}أول`);
    expect(md).toContain(`${RLI}ثانٍ`);
  });

  it('keeps a note and a quote at their limits, full of markup, as text in Markdown and whole in JSON', () => {
    const note = ('<script>alert(1)</script> [x](javascript:1) ![i](x) # ' + RLO)
      .repeat(200)
      .slice(0, 10_000);
    const longText = 'كلمة <b>عريضة</b> '.repeat(1200);
    const quote = describeText(longText, 0, 20_000);
    const h: Highlight = { ...hl('الوفدين', note), ...quote };
    const md = libraryMarkdown([article([h])], labels);
    const doc = new DOMParser().parseFromString(marked.parse(md) as string, 'text/html');
    expect(doc.querySelectorAll('script, img, b, h2, hr').length).toBe(0);
    expect(Array.from(doc.querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual([
      'https://news.example/a/1?x=(1)',
    ]);
    expect(doc.body.textContent).toContain('<script>alert(1)</script>');
    expect(doc.body.textContent).toContain('كلمة <b>عريضة</b>');
    const json = JSON.parse(highlightsJson([article([h])], T0));
    const annotation = json.articles[0].annotations[0];
    expect(annotation.body[0].value).toBe(note);
    expect(annotation.target.selector[0].exact).toBe(quote.quote.exact);
    expect(annotation.target.selector[0].exact).toHaveLength(20_000);
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
