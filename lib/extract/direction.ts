/**
 * Language and direction judged from the text itself, not from the page's markup: pages set
 * `dir` in CSS only, on an inner element only, or nowhere. Latin-only blocks inside an Arabic
 * article keep left-to-right.
 */

import { hasBlockChild } from './dom';

export interface TextLanguage {
  /** BCP 47 primary language: `ar`, `fa`, `ur`, `he`, or the page's declared Latin language. */
  lang: string;
  dir: 'rtl' | 'ltr';
}

// Letters Arabic does not use: Urdu's ٹ ڈ ڑ ں ھ ہ ے, Persian's پ چ ژ گ ک ی.
const NOT_URDU_LETTER = /[^\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]+/g;
const NOT_PERSIAN_LETTER = /[^\u067E\u0686\u0698\u06AF\u06A9\u06CC]+/g;
const URDU_SHARE = 0.02;
const PERSIAN_SHARE = 0.02;
// Enough text to judge a language; longer articles don't change the answer.
const SAMPLE_CHARS = 50_000;
const RTL_LANGS = new Set(['ar', 'fa', 'ur', 'he', 'yi', 'ps', 'sd', 'ug', 'ckb', 'dv']);
const DIRECTION_BLOCKS =
  'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, td, th, dd, dt, pre, div';
const HAS_RTL_LETTER =
  /[\u05D0-\u05EA\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/;
const HAS_LATIN_LETTER = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]/;

export interface LetterCounts {
  arabic: number;
  hebrew: number;
  latin: number;
  urdu: number;
  persian: number;
}

// Letters of each script by UTF-16 code unit. Deleting the others with one native regex pass
// each and measuring what is left is far cheaper than a character loop in cold code.
const NOT_ARABIC_LETTER =
  /[^\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]+/g;
const NOT_HEBREW_LETTER = /[^\u05D0-\u05EA]+/g;
const NOT_LATIN_LETTER = /[^A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]+/g;

/** Letters of each script in (a sample of) the text. */
export function countLetters(text: string, limit = SAMPLE_CHARS): LetterCounts {
  const sample = text.length > limit ? text.slice(0, Math.max(0, limit)) : text;
  const arabic = sample.replace(NOT_ARABIC_LETTER, '');
  return {
    arabic: arabic.length,
    hebrew: sample.replace(NOT_HEBREW_LETTER, '').length,
    latin: sample.replace(NOT_LATIN_LETTER, '').length,
    urdu: arabic.replace(NOT_URDU_LETTER, '').length,
    persian: arabic.replace(NOT_PERSIAN_LETTER, '').length,
  };
}

function primary(tag: string | null): string | null {
  const p = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return p && /^[a-z]{2,3}$/.test(p) ? p : null;
}

/**
 * The article's language and direction from its letters: Arabic script dominating means `ar`
 * (or `fa`/`ur` when their own letters show), whatever `lang`/`dir` the page declares.
 */
export function detectLanguage(text: string, declaredLang: string | null): TextLanguage {
  const c = countLetters(text);
  const declared = primary(declaredLang);
  if (c.arabic > 0 && c.arabic >= c.latin && c.arabic >= c.hebrew) {
    if (c.urdu / c.arabic > URDU_SHARE) return { lang: 'ur', dir: 'rtl' };
    if (c.persian / c.arabic > PERSIAN_SHARE) return { lang: 'fa', dir: 'rtl' };
    return { lang: 'ar', dir: 'rtl' };
  }
  if (c.hebrew > 0 && c.hebrew >= c.latin) return { lang: 'he', dir: 'rtl' };
  if (c.latin > 0) {
    const lang = declared && !RTL_LANGS.has(declared) ? declared : 'und';
    return { lang, dir: 'ltr' };
  }
  const lang = declared ?? 'und';
  return { lang, dir: RTL_LANGS.has(lang) ? 'rtl' : 'ltr' };
}

/**
 * Give each text block the direction of its own letters where it differs from the article's:
 * a Latin-only paragraph in an Arabic article gets `dir="ltr"`, a mixed one `dir="auto"`.
 * Directions the page set on blocks are dropped, since pages often get them wrong.
 */
export function markBlockDirections(root: Element, articleDir: 'rtl' | 'ltr'): void {
  for (const el of Array.from(root.querySelectorAll(DIRECTION_BLOCKS))) {
    el.removeAttribute('dir');
    if (el.tagName === 'PRE') {
      el.setAttribute('dir', 'ltr');
      continue;
    }
    if (hasBlockChild(el)) continue;
    const text = el.textContent ?? '';
    const rtl = HAS_RTL_LETTER.test(text);
    const latin = HAS_LATIN_LETTER.test(text);
    if (!rtl && !latin) continue;
    if (articleDir === 'rtl' ? rtl && !latin : latin && !rtl) continue;
    if (!rtl || !latin) {
      el.setAttribute('dir', rtl ? 'rtl' : 'ltr');
      continue;
    }
    // Mixed: let the browser pick from the first strong letter when the other script dominates.
    const c = countLetters(text, 5_000);
    const rtlCount = c.arabic + c.hebrew;
    if (articleDir === 'rtl' ? c.latin > rtlCount : rtlCount > c.latin)
      el.setAttribute('dir', 'auto');
  }
}
