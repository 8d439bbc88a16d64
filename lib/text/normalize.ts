/**
 * Arabic-script folding shared by search and by the evaluation's text comparison: spellings a
 * reader treats as the same word become the same string.
 */

// Tashkeel, Quranic marks and superscript alef: vocalization a reader types or omits at will.
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g; // آ أ إ ٱ ٲ ٳ
const HAMZA_WAW = /\u0624/g; // ؤ
const HAMZA_YEH = /\u0626/g; // ئ
const ALEF_MAKSURA = /\u0649/g; // ى
const TEH_MARBUTA = /\u0629/g; // ة
const PERSIAN_KAF = /\u06A9/g; // ک
const PERSIAN_YEH = /[\u06CC\u06D2]/g; // ی ے
// Letters for sounds Arabic lacks (v, g, p, ch), as Maghrebi, Iraqi and Gulf writers use them:
// a reader types the Arabic letter read in their place. One pass: folding runs on every string
// extraction compares.
const EXTRA_LETTERS = /[\u067E\u0686\u06A4\u06A5\u06A8\u06AF]/g; // پ چ ڤ ڥ ڨ گ
const EXTRA_LETTER_AS: Record<string, string> = {
  '\u067E': '\u0628', // پ → ب
  '\u0686': '\u062C', // چ → ج
  '\u06A4': '\u0641', // ڤ → ف
  '\u06A5': '\u0641', // ڥ → ف
  '\u06A8': '\u0642', // ڨ → ق
  '\u06AF': '\u0643', // گ → ك
};
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
// Invisible format characters: soft hyphen, Arabic letter mark, Mongolian vowel separator,
// zero-width space and joiners, direction marks and controls, word joiner and invisible
// operators, the BOM. Left in, one splits a word in two and hides it from search by itself.
const ZERO_WIDTH =
  /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

function asciiDigit(d: string): string {
  const c = d.charCodeAt(0);
  return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
}

/**
 * Fold spelling variants: NFKC, no diacritics or tatweel, one alef, ي for ى, ه for ة, the extra
 * letters ڤ ڨ گ پ چ as ف ق ك ب ج, ASCII digits, lower case.
 */
export function foldArabic(s: string): string {
  return s
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(ALEF_FORMS, '\u0627')
    .replace(HAMZA_WAW, '\u0648')
    .replace(HAMZA_YEH, '\u064A')
    .replace(ALEF_MAKSURA, '\u064A')
    .replace(TEH_MARBUTA, '\u0647')
    .replace(PERSIAN_KAF, '\u0643')
    .replace(PERSIAN_YEH, '\u064A')
    .replace(EXTRA_LETTERS, (c) => EXTRA_LETTER_AS[c] ?? c)
    .replace(ARABIC_INDIC_DIGITS, asciiDigit)
    .toLowerCase();
}

// Letters and digits of any script make words; everything else (punctuation, symbols) separates.
const NON_WORD = /[^\p{L}\p{N}]+/gu;
// The same class spelled out for the characters nearly all Arabic and Latin text is made of
// (whitespace, Basic Latin, Latin-1, Latin Extended-A/B, Arabic, General Punctuation): a u-flag
// `\p{…}` class costs over a millisecond to compile in every fresh page the extractor runs in,
// these almost nothing. Text with any other character takes the `\p{…}` path. A test checks that
// the spellings agree with `\p{L}` and `\p{L}\p{N}` on every character of the common set.
export const UNCOMMON_CHAR = /[^\t\n\v\f\r\u0020-\u024F\u0600-\u06FF\u2000-\u206F]/;
export const LETTER_COMMON =
  'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0620-\\u064A\\u066E\\u066F\\u0671-\\u06D3\\u06D5\\u06E5\\u06E6\\u06EE\\u06EF\\u06FA-\\u06FC\\u06FF';
export const LETTER_OR_DIGIT_COMMON =
  '0-9A-Za-z\\u00AA\\u00B2\\u00B3\\u00B5\\u00B9\\u00BA\\u00BC-\\u00BE\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0620-\\u064A\\u0660-\\u0669\\u066E\\u066F\\u0671-\\u06D3\\u06D5\\u06E5\\u06E6\\u06EE-\\u06FC\\u06FF';
const NON_WORD_COMMON = new RegExp(`[^${LETTER_OR_DIGIT_COMMON}]+`, 'g');

/** Every run of characters other than letters and digits (of any script) replaced by `by`. */
export function replaceNonWord(s: string, by: string): string {
  return s.replace(UNCOMMON_CHAR.test(s) ? NON_WORD : NON_WORD_COMMON, by);
}

/** Folded word tokens of a text, punctuation dropped. */
export function tokens(s: string): string[] {
  const folded = foldArabic(s);
  return folded
    .split(UNCOMMON_CHAR.test(folded) ? NON_WORD : NON_WORD_COMMON)
    .filter((w) => w.length > 0);
}
