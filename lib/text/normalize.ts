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
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const ZERO_WIDTH = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

function asciiDigit(d: string): string {
  const c = d.charCodeAt(0);
  return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
}

/** Fold spelling variants: NFKC, no diacritics or tatweel, one alef, ي for ى, ه for ة, ASCII digits, lower case. */
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
    .replace(ARABIC_INDIC_DIGITS, asciiDigit)
    .toLowerCase();
}

// Letters and digits of any script make words; everything else (punctuation, symbols) separates.
const NON_WORD = /[^\p{L}\p{N}]+/u;

/** Folded word tokens of a text, punctuation dropped. */
export function tokens(s: string): string[] {
  return foldArabic(s)
    .split(NON_WORD)
    .filter((w) => w.length > 0);
}
