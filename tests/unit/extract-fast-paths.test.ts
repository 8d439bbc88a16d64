/**
 * The extractor's fast paths (spelled-out letter classes instead of `\p{…}`, native regex counts
 * instead of character loops, a digit pre-check before date parsing) must give exactly what the
 * slow forms give.
 */
import fc from 'fast-check';
import { extract } from '@/lib/extract';
import { isDateLine, mayHoldDate, parseArabicDate } from '@/lib/extract/dates';
import { countLetters } from '@/lib/extract/direction';
import { countWords, countWordsByChar } from '@/lib/extract/reading-time';
import {
  foldArabic,
  LETTER_COMMON,
  LETTER_OR_DIGIT_COMMON,
  replaceNonWord,
  tokens,
  UNCOMMON_CHAR,
} from '@/lib/text/normalize';
import { loadHtml, serializeDocument } from './extract-pages';

/** Every BMP character outside the surrogate range. */
function* bmpChars(): Generator<string> {
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) yield String.fromCharCode(c);
}

// A mix of common characters, characters outside the common set, marks, joiners and broken
// surrogates: each fast path must agree with its slow form on all of them.
const MIXED = fc.constantFrom(
  ...'ابتثجحخدذرسشصضطظعغفقكلمنهوية ءآأإؤئى'.split(''),
  ...'پچژگکیٹڈڑںھہے'.split(''),
  '\u064E',
  '\u0651',
  '\u0670',
  '\u0640',
  '\u06E5',
  '\u200C',
  '\u200F',
  '\uFEFF',
  '\uFEFB',
  '\u0301',
  '\u05D0',
  '\u1E00',
  '\u00B2',
  '\u2460',
  '\uFF11',
  '😀',
  '\u{1D400}',
  '\uD800',
  '\uDC00',
  ' ',
  '\n',
  '\u00A0',
  '،',
  '.',
  '-',
  '/',
  'a',
  'Z',
  'é',
  '7',
  '0',
  '٣',
  '۴',
  '«',
);
const mixedString = fc.array(MIXED, { maxLength: 40 }).map((cs) => cs.join(''));

/** The letter count as a plain character loop: the reference `countLetters` must match. */
function lettersByChar(text: string, limit = 50_000) {
  const c = { arabic: 0, hebrew: 0, latin: 0, urdu: 0, persian: 0 };
  const urdu = new Set([0x0679, 0x0688, 0x0691, 0x06ba, 0x06be, 0x06c1, 0x06d2]);
  const persian = new Set([0x067e, 0x0686, 0x0698, 0x06af, 0x06a9, 0x06cc]);
  for (let i = 0; i < Math.min(text.length, limit); i++) {
    const k = text.charCodeAt(i);
    const arabic =
      (k >= 0x0620 && k <= 0x064a) ||
      (k >= 0x066e && k <= 0x06d3) ||
      k === 0x06d5 ||
      (k >= 0x06ee && k <= 0x06ff) ||
      (k >= 0x0750 && k <= 0x077f) ||
      (k >= 0x08a0 && k <= 0x08ff) ||
      (k >= 0xfb50 && k <= 0xfdff) ||
      (k >= 0xfe70 && k <= 0xfefc);
    const latin =
      (k >= 0x41 && k <= 0x5a) ||
      (k >= 0x61 && k <= 0x7a) ||
      (k >= 0xc0 && k <= 0x24f && k !== 0xd7 && k !== 0xf7) ||
      (k >= 0x1e00 && k <= 0x1eff);
    if (arabic) {
      c.arabic++;
      if (urdu.has(k)) c.urdu++;
      else if (persian.has(k)) c.persian++;
    } else if (k >= 0x05d0 && k <= 0x05ea) c.hebrew++;
    else if (latin) c.latin++;
  }
  return c;
}

describe('spelled-out letter classes', () => {
  it('agree with \\p{L} and \\p{L}\\p{N} on every character of the common set', () => {
    const letter = new RegExp(`[${LETTER_COMMON}]`);
    const letterOrDigit = new RegExp(`[${LETTER_OR_DIGIT_COMMON}]`);
    let checked = 0;
    for (const ch of bmpChars()) {
      if (UNCOMMON_CHAR.test(ch)) continue;
      checked++;
      expect([ch, letter.test(ch)]).toEqual([ch, /\p{L}/u.test(ch)]);
      expect([ch, letterOrDigit.test(ch)]).toEqual([ch, /[\p{L}\p{N}]/u.test(ch)]);
    }
    // Whitespace controls and U+0020–024F, U+0600–06FF, U+2000–206F.
    expect(checked).toBe(5 + 0x230 + 0x100 + 0x70);
  });

  it('tokens() and replaceNonWord() read any text as the \\p{…} forms do', () => {
    for (const ch of bmpChars()) {
      const s = `a${ch}ب ${ch}`;
      expect(tokens(s)).toEqual(
        foldArabic(s)
          .split(/[^\p{L}\p{N}]+/u)
          .filter((w) => w.length > 0),
      );
    }
    fc.assert(
      fc.property(mixedString, (s) => {
        expect(replaceNonWord(s, ' ')).toBe(s.replace(/[^\p{L}\p{N}]+/gu, ' '));
        expect(replaceNonWord(s, '')).toBe(s.replace(/[^\p{L}\p{N}]+/gu, ''));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('counting without a character loop', () => {
  it('countWords matches the character-by-character count', () => {
    for (const ch of bmpChars()) {
      for (const s of [ch, `a${ch}b`, `ب${ch}ـ`, `\u0640${ch} ${ch}7`])
        expect([s, countWords(s)]).toEqual([s, countWordsByChar(s)]);
    }
    fc.assert(
      fc.property(mixedString, (s) => {
        expect(countWords(s)).toBe(countWordsByChar(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('countLetters matches a character loop, whole text and sampled', () => {
    fc.assert(
      fc.property(mixedString, fc.integer({ min: 0, max: 45 }), (s, limit) => {
        expect(countLetters(s)).toEqual(lettersByChar(s));
        expect(countLetters(s, limit)).toEqual(lettersByChar(s, limit));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('mayHoldDate', () => {
  it('is false only where folding cannot give the four digits of a year', () => {
    for (const ch of bmpChars()) {
      const s = `12${ch}3`;
      if (!mayHoldDate(s)) expect([ch, foldArabic(s).replace(/\D/g, '').length]).toEqual([ch, 3]);
    }
  });

  it('never hides a date', () => {
    const datePart = fc.constantFrom(
      '2024',
      '٢٠٢٤',
      '13',
      '١٣',
      'يناير',
      'آب/أغسطس',
      'كانون الثاني',
      'الخميس',
      '10:30',
      '-',
      '/',
      '،',
      ' ',
      '²',
      '１',
      '①',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(datePart, MIXED), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        if (mayHoldDate(s)) return;
        expect(parseArabicDate(s)).toBeNull();
        expect(isDateLine(s)).toBe(false);
      }),
      { numRuns: 3000 },
    );
    expect(mayHoldDate('13 يوليو 2025')).toBe(true);
    expect(parseArabicDate('13 يوليو 2025')).toBe('2025-07-13');
    expect(mayHoldDate('اقرأ أيضا')).toBe(false);
  });
});

describe('indentation collapsed before Readability', () => {
  const PARA =
    'قال المتحدث باسم الوزارة إن الاجتماع تناول قضايا عديدة تخص التعاون الاقتصادي والتجاري بين البلدين، وأكد أن المحادثات ستستمر.';
  const CODE = '<pre><span>if (a) {</span>\n    <span>run();</span>\n<span>}</span></pre>';
  const page = (indent: string) => {
    const paras = Array.from(
      { length: 6 },
      (_, i) => `${indent}<div class="row">${indent}  <p>${PARA} (${i + 1})</p>${indent}</div>`,
    ).join('');
    return `<html lang="ar"><head><title>اجتماع وزاري</title></head><body>${indent}<article>${indent}<h1>اجتماع وزاري</h1>${indent}<h2>تفاصيل الاجتماع</h2>${paras}${indent}${CODE}${indent}</article>${indent}</body></html>`;
  };

  it('gives what unindented markup gives, keeps preformatted text, and leaves the page alone', async () => {
    const flat = loadHtml(page(''), 'https://site.example/a');
    const indented = loadHtml(page('\n' + ' '.repeat(24)), 'https://site.example/a');
    try {
      const before = serializeDocument(indented.document);
      const a = extract(flat.document);
      const b = extract(indented.document);
      expect(serializeDocument(indented.document)).toBe(before);
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect(b.article.text).toBe(a.article.text);
      expect(b.article.sections).toEqual(a.article.sections);
      expect(b.article.content).toContain('<span>if (a) {</span>\n    <span>run();</span>');
    } finally {
      await Promise.all([flat.close(), indented.close()]);
    }
  });
});
