/**
 * Dates as Arabic news pages write them: Egyptian/Gulf month names (يناير…ديسمبر), Levantine and
 * Iraqi ones (كانون الثاني…), Maghrebi ones (جانفي…), "آب/أغسطس" pairs, Arabic-Indic digits, and
 * ISO or numeric dates. Relative dates ("منذ ساعتين", "أمس") are not guessed: they give null.
 */
import { foldArabic, LETTER_COMMON, UNCOMMON_CHAR } from '../text/normalize';

// Month number → spellings; folded through foldArabic at load so أ/ا, ة/ه and case never matter.
const MONTH_SPELLINGS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['يناير', 'كانون الثاني', 'جانفي', 'ينير', 'january', 'jan']],
  [2, ['فبراير', 'شباط', 'فيفري', 'فبراير', 'february', 'feb']],
  [3, ['مارس', 'آذار', 'march', 'mar']],
  [4, ['أبريل', 'إبريل', 'ابريل', 'نيسان', 'أفريل', 'april', 'apr']],
  [5, ['مايو', 'أيار', 'ماي', 'may']],
  [6, ['يونيو', 'يونيه', 'حزيران', 'جوان', 'june', 'jun']],
  [7, ['يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز', 'july', 'jul']],
  [8, ['أغسطس', 'اغسطس', 'آب', 'أوت', 'غشت', 'august', 'aug']],
  [9, ['سبتمبر', 'أيلول', 'شتنبر', 'september', 'sept', 'sep']],
  [10, ['أكتوبر', 'تشرين الأول', 'اكتوبر', 'october', 'oct']],
  [11, ['نوفمبر', 'تشرين الثاني', 'نونبر', 'november', 'nov']],
  [12, ['ديسمبر', 'كانون الأول', 'دجنبر', 'december', 'dec']],
];

// Month names, folded. A static table on purpose: building it from Intl.DateTimeFormat for each
// regional locale cost ~25 ms of ICU start-up on every page the extractor ran in. A test checks
// that every name Intl writes for the regional locales is in it.
function buildMonths(): Map<string, number> {
  const months = new Map<string, number>();
  for (const [n, names] of MONTH_SPELLINGS)
    for (const name of names) months.set(foldArabic(name), n);
  return months;
}

/**
 * A pattern of whole words (not touching a letter on either side), for the text it will run on:
 * with `\p{L}` for any text, or the letter class spelled out for common text, which is far
 * cheaper to compile. Both are built on first use.
 */
function wordsPattern(alternation: string, flags: string): (text: string) => RegExp {
  let common: RegExp | null = null;
  let any: RegExp | null = null;
  return (text) =>
    UNCOMMON_CHAR.test(text)
      ? (any ??= new RegExp(`(?<![\\p{L}])(${alternation})(?![\\p{L}])`, `${flags}u`))
      : (common ??= new RegExp(
          `(?<![${LETTER_COMMON}])(${alternation})(?![${LETTER_COMMON}])`,
          flags,
        ));
}

interface MonthMatcher {
  months: Map<string, number>;
  word: (text: string) => RegExp;
}
let matcher: MonthMatcher | null = null;

/** Built on first use, so loading the module costs nothing until a date is read. */
function monthMatcher(): MonthMatcher {
  if (matcher) return matcher;
  const months = buildMonths();
  // Longest first so "تشرين الاول" wins over a shorter spelling inside it.
  const alternation = [...months.keys()]
    .sort((a, b) => b.length - a.length)
    .map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
  matcher = { months, word: wordsPattern(alternation, 'g') };
  return matcher;
}
// "آب/أغسطس", "مارس/ آذار", "أكتوبر (تشرين الأول)": the second name only repeats the first.
const MONTH_PAIR = /§(\d{1,2})§\s*[/\\(-]?\s*§\d{1,2}§\s*\)?/g;

const SEP = '[\\s,،.\\-/|]*';
const DAY_MONTH_YEAR = new RegExp(`(?<!\\d)(\\d{1,2})${SEP}§(\\d{1,2})§${SEP}(\\d{4})(?!\\d)`);
const MONTH_DAY_YEAR = new RegExp(`§(\\d{1,2})§${SEP}(\\d{1,2})(?!\\d)${SEP}(\\d{4})(?!\\d)`);
const ISO_LIKE = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const DAY_FIRST_NUMERIC = /(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/;

// Words that make a date relative to now; such text is never turned into a calendar date.
const RELATIVE = wordsPattern('منذ|قبل|امس|البارحه|الان|ago|yesterday|today', '');

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

// Every date pattern needs a four-digit year. Folding only makes digits of these, or of characters
// outside the ranges below (superscripts, fractions, circled or full-width digits…), so text made
// of these ranges with fewer than four digits holds no date, without folding it.
const DATE_DIGITS = /[0-9\u0660-\u0669\u06F0-\u06F9]/g;
const MAY_FOLD_TO_DIGIT =
  /[^\t\n\v\f\r\u0020-\u00B1\u00B4-\u00B8\u00BA\u00BB\u00BF-\u024F\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\u2000-\u206F\uFB50-\uFDFF\uFE70-\uFEFF]/;
const YEAR_DIGITS = 4;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A `YYYY-MM-DD` string when the day exists in that month and the year is plausible for news. */
function ymd(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Fold the text and replace month names by `§n§` markers, pairs collapsed to one. */
function markMonths(text: string): string {
  const { months, word } = monthMatcher();
  const folded = foldArabic(text);
  return folded
    .replace(word(folded), (w) => {
      const n = months.get(w.replace(/\s+/g, ' '));
      return n ? ` §${n}§ ` : w;
    })
    .replace(MONTH_PAIR, ' §$1§ ');
}

/** False only when `text` cannot hold a date: a cheap test before folding and matching month names. */
export function mayHoldDate(text: string): boolean {
  if (MAY_FOLD_TO_DIGIT.test(text)) return true;
  return text.replace(DATE_DIGITS, '').length <= text.length - YEAR_DIGITS;
}

/** The date in text already passed through `markMonths`. */
function dateOfMarked(marked: string): string | null {
  let m = DAY_MONTH_YEAR.exec(marked);
  if (m) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));
  m = MONTH_DAY_YEAR.exec(marked);
  if (m) return ymd(Number(m[3]), Number(m[1]), Number(m[2]));
  m = ISO_LIKE.exec(marked);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_FIRST_NUMERIC.exec(marked);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // Arabic pages write day first; only an impossible month says otherwise.
    return b > 12 && a <= 12 ? ymd(Number(m[3]), a, b) : ymd(Number(m[3]), b, a);
  }
  return null;
}

/**
 * The calendar date written in a piece of Arabic (or English) text, as `YYYY-MM-DD`, or null when
 * there is none or only a relative one.
 */
export function parseArabicDate(text: string): string | null {
  if (!text || !mayHoldDate(text)) return null;
  return dateOfMarked(markMonths(text));
}

/** Whether text speaks of time relative to now ("منذ ساعتين", "أمس"): such text is not dated. */
export function isRelativeDate(text: string): boolean {
  const folded = foldArabic(text);
  return RELATIVE(folded).test(folded);
}

/**
 * A machine-readable date (meta content, `datetime`, JSON-LD) as ISO 8601. An ISO string is kept
 * as written so its calendar day stays the publisher's; anything else parseable becomes UTC ISO.
 */
export function normalizeIsoDate(value: string | null | undefined): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  if (ISO_DATE_PREFIX.test(v)) {
    const day = ymd(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10)));
    if (!day) return null;
    return Number.isNaN(Date.parse(v)) ? day : v;
  }
  if (/^\d+$/.test(v)) return null; // bare numbers (epochs, ids) are too ambiguous to trust
  const t = Date.parse(v);
  if (Number.isNaN(t)) return parseArabicDate(v);
  const d = new Date(t);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ? d.toISOString() : null;
}

/** Text that is only a date line: a date plus weekday, time, timezone and "updated" words. */
const DATE_LINE_NOISE = wordsPattern(
  'السبت|الاحد|الاثنين|الإثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|اخر تحديث|تحديث|محدثه|محدث|تم نشره|تم نشرها|تم النشر|نشر في|نشرت|نشر|بتاريخ|تاريخ النشر|التاريخ|الساعه|صباحا|مساء|مساءا|ص|م|gmt|utc|am|pm|updated|published|on|at',
  'g',
);
const MARKERS = /§\d{1,2}§/g;
const DIGITS_AND_SEPARATORS = /[\d\s,،.:\-/|()+]+/g;

/** Whether a short text is nothing but a date line ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00"). */
export function isDateLine(text: string): boolean {
  if (text.length > 90 || !text || !mayHoldDate(text)) return false;
  const marked = markMonths(text);
  if (!dateOfMarked(marked)) return false;
  const unmarked = marked.replace(MARKERS, ' ');
  const rest = unmarked
    .replace(DATE_LINE_NOISE(unmarked), ' ')
    .replace(DIGITS_AND_SEPARATORS, ' ')
    .trim();
  return rest.length === 0;
}

// An update's date is not the publication's: such lines count only when no other is found.
const UPDATE = wordsPattern('اخر تحديث|تحديث|محدثه|محدث|updated', '');

/** Whether a date line gives the date of an update ("آخر تحديث", "محدثة"). */
export function isUpdateLine(text: string): boolean {
  const folded = foldArabic(text);
  return UPDATE(folded).test(folded);
}
