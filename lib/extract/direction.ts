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
const URDU_LETTERS = new Set([0x0679, 0x0688, 0x0691, 0x06ba, 0x06be, 0x06c1, 0x06d2]);
const PERSIAN_LETTERS = new Set([0x067e, 0x0686, 0x0698, 0x06af, 0x06a9, 0x06cc]);
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

// Letter ranges by code point: a plain loop, cheap enough for whole articles.
function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06ee && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

/** Letters of each script in (a sample of) the text. */
export function countLetters(text: string, limit = SAMPLE_CHARS): LetterCounts {
  const c: LetterCounts = { arabic: 0, hebrew: 0, latin: 0, urdu: 0, persian: 0 };
  const end = Math.min(text.length, limit);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x41) continue;
    if (isArabicLetter(code)) {
      c.arabic++;
      if (URDU_LETTERS.has(code)) c.urdu++;
      else if (PERSIAN_LETTERS.has(code)) c.persian++;
    } else if (code >= 0x05d0 && code <= 0x05ea) c.hebrew++;
    else if (isLatinLetter(code)) c.latin++;
  }
  return c;
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
