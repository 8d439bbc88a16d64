/**
 * Scores one extraction against a page's gold (format: ../shared/corpus/README.md). Text is
 * compared after the shared Arabic folding (`tokens`): NFKC, no diacritics or tatweel, one alef,
 * ي for ى, ه for ة, ASCII digits, no punctuation, lower case. The body is scored as token-multiset
 * precision, recall and F1 against gold `text`.
 */
import { tokens } from '../text/normalize';

export interface Gold {
  name?: string;
  isArabicArticle: boolean;
  language: string;
  title?: string | null;
  byline?: string | null;
  /** `YYYY-MM-DD` or null. */
  published?: string | null;
  sections?: string[];
  text?: string | null;
  mustContain?: string[];
  mustNotContain?: string[];
}

export interface Extracted {
  title: string | null;
  byline?: string | null;
  published: string | null;
  dir: string | null;
  text: string;
  sections: ReadonlyArray<string | { title: string }>;
}

export interface Score {
  /** Null where the gold gives no title. */
  titleOk: boolean | null;
  /** Null where the gold gives no byline. */
  bylineOk: boolean | null;
  /** Null where the gold gives no date. */
  dateOk: boolean | null;
  dirOk: boolean;
  /** Null where the gold gives no sections list. */
  sectionsOk: boolean | null;
  mustContainMissing: string[];
  mustNotContainFound: string[];
  /** Null where the gold has no body text. */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'sd', 'ckb', 'yi']);

/** Titles are compared exactly, up to surrounding and repeated whitespace. */
function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** Folded token stream joined by spaces, padded so snippet matching respects word starts. */
function foldedStream(s: string): string {
  return ` ${tokens(s).join(' ')} `;
}

/**
 * Whether a snippet occurs in the text after folding. Snippets may be cut mid-word at either end
 * (gold `"جم إطلاقًا مع صورته"`), so only the interior word boundaries must line up.
 */
export function containsSnippet(text: string, snippet: string): boolean {
  const needle = tokens(snippet).join(' ');
  if (!needle) return true;
  return foldedStream(text).includes(needle);
}

function counts(ts: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of ts) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Token-multiset precision, recall and F1 of `text` against `gold`. */
export function tokenF1(
  text: string,
  gold: string,
): { precision: number; recall: number; f1: number } {
  const got = tokens(text);
  const want = tokens(gold);
  const wantCounts = counts(want);
  let overlap = 0;
  for (const [t, n] of counts(got)) overlap += Math.min(n, wantCounts.get(t) ?? 0);
  const precision = got.length ? overlap / got.length : 0;
  const recall = want.length ? overlap / want.length : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function sectionTitle(s: string | { title: string }): string {
  return typeof s === 'string' ? s : s.title;
}

export function score(extracted: Extracted, gold: Gold): Score {
  const text = extracted.text ?? '';
  const expectedDir = RTL_LANGUAGES.has(gold.language.split('-')[0] ?? '') ? 'rtl' : 'ltr';
  const titleOk = gold.title ? !!extracted.title && sameTitle(extracted.title, gold.title) : null;
  const bylineOk = gold.byline
    ? !!extracted.byline && sameTitle(extracted.byline, gold.byline)
    : null;
  const dateOk = gold.published
    ? (extracted.published ?? '').slice(0, 10) === gold.published
    : null;
  const sections = extracted.sections.map(sectionTitle);
  const sectionsOk = gold.sections
    ? sections.length === gold.sections.length &&
      sections.every((s, i) => sameTitle(s, gold.sections?.[i] ?? ''))
    : null;
  const body = gold.text ? tokenF1(text, gold.text) : null;
  return {
    titleOk,
    bylineOk,
    dateOk,
    dirOk: extracted.dir === expectedDir,
    sectionsOk,
    mustContainMissing: (gold.mustContain ?? []).filter((s) => !containsSnippet(text, s)),
    mustNotContainFound: (gold.mustNotContain ?? []).filter((s) => containsSnippet(text, s)),
    precision: body?.precision ?? null,
    recall: body?.recall ?? null,
    f1: body?.f1 ?? null,
  };
}
