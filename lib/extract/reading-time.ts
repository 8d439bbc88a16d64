/**
 * Reading time at each language's own reading rate. Arabic is read at about 612 characters a
 * minute against about 987 for English: the rates are the IReST study's (Trauzettel-Klosinski &
 * Dietz, "Standardized Assessment of Reading Performance: The New International Reading Speed
 * Texts IReST", IOVS 2012), the table Firefox's Reader View uses (ReaderMode.sys.mjs,
 * `_getReadingSpeedForLanguage`, mean ± variance in characters per minute).
 */
import { LETTER_OR_DIGIT_COMMON, UNCOMMON_CHAR } from '../text/normalize';

const CHARS_PER_MINUTE: Record<string, number> = {
  ar: 612, // ± 88
  de: 920,
  en: 987, // ± 118
  es: 1025,
  fi: 1078,
  fr: 998,
  he: 833,
  it: 950,
  ja: 357,
  nl: 978,
  pl: 916,
  pt: 913,
  ru: 986,
  sk: 885,
  sv: 917,
  tr: 1054,
  zh: 255,
  // IReST has no Persian or Urdu texts; they share Arabic's script, so they get its rate.
  fa: 612,
  ur: 612,
};
const DEFAULT_CPM = CHARS_PER_MINUTE.en ?? 987;

/** Characters a minute for a BCP 47 tag (primary subtag), English's rate when unknown. */
export function charsPerMinute(lang: string): number {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  return CHARS_PER_MINUTE[primary] ?? DEFAULT_CPM;
}

/** Whole minutes to read `text`, at least 1. Whitespace runs count as one character, as read. */
export function readingMinutes(text: string, lang: string): number {
  const chars = text.replace(/\s+/g, ' ').trim().length;
  return Math.max(1, Math.round(chars / charsPerMinute(lang)));
}

// A word as `tokens()` in lib/text/normalize sees one: a run of letters and digits. Marks and
// zero-width characters, which folding deletes, join rather than split. A run counts when it
// holds a letter or digit that is not such a joiner. One native regex pass counts the runs,
// without folding (or looping over) a whole article in cold code.
const JOINER_CLASS =
  '\\p{M}\\u0640\\u06E5\\u06E6\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF';
const WORD_RUN = new RegExp(
  `[${JOINER_CLASS}]*(?![${JOINER_CLASS}])[\\p{L}\\p{N}][${JOINER_CLASS}\\p{L}\\p{N}]*`,
  'gu',
);
// A high surrogate without its low half: there the loop below reads differently from the regex.
const LONE_HIGH_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/;

// The same classes spelled out for common text (see UNCOMMON_CHAR): no `\p{…}` to compile.
const JOINER_COMMON =
  '\\u0610-\\u061A\\u0640\\u064B-\\u065F\\u0670\\u06D6-\\u06DC\\u06DF-\\u06E8\\u06EA-\\u06ED\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const WORD_RUN_COMMON = new RegExp(
  `[${JOINER_COMMON}]*(?![${JOINER_COMMON}])[${LETTER_OR_DIGIT_COMMON}][${JOINER_COMMON}${LETTER_OR_DIGIT_COMMON}]*`,
  'g',
);

/** Word tokens (letters and digits of any script), as search and the evaluation count them. */
export function countWords(text: string): number {
  if (!UNCOMMON_CHAR.test(text)) return text.match(WORD_RUN_COMMON)?.length ?? 0;
  if (LONE_HIGH_SURROGATE.test(text)) return countWordsByChar(text);
  return text.match(WORD_RUN)?.length ?? 0;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// What folding deletes: marks, tatweel and the small waw/yeh (letters to Unicode), zero-width.
const JOINER = new RegExp(`[${JOINER_CLASS}]`, 'u');
const WORD = 1;
const JOIN = 2;
const UNKNOWN = 255;
let bmpTable: Uint8Array | null = null;

/** Class of a BMP code unit (1 letter/digit, 2 joins words, 0 separates), learned on first sight. */
function bmpClass(t: Uint8Array, c: number): number {
  let k = t[c] ?? 0;
  if (k === UNKNOWN) {
    const ch = String.fromCharCode(c);
    k = JOINER.test(ch) ? JOIN : LETTER_OR_DIGIT.test(ch) ? WORD : 0;
    t[c] = k;
  }
  return k;
}

/** Class of the code point at `i` outside the BMP (rare: astral letters, emoji). */
function astralClass(text: string, i: number): number {
  const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
  return JOINER.test(ch) ? JOIN : LETTER_OR_DIGIT.test(ch) ? WORD : 0;
}

/** The same count, character by character: kept for text with broken surrogate pairs. */
export function countWordsByChar(text: string): number {
  const t = (bmpTable ??= new Uint8Array(0x10000).fill(UNKNOWN));
  let words = 0;
  let runHasLetter = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind: number;
    if (c >= 0xd800 && c <= 0xdbff) {
      kind = astralClass(text, i);
      i++;
    } else kind = bmpClass(t, c);
    if (kind === 0) {
      if (runHasLetter) words++;
      runHasLetter = false;
    } else if (kind === WORD) runHasLetter = true;
  }
  return runHasLetter ? words + 1 : words;
}
