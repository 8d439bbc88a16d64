/** A section heading found in the article body, used for navigation. */
export interface Section {
  /** Stable id of the heading element inside `content` (an `id` attribute). */
  id: string;
  /** 1 for top-level headings, 2 and 3 for nested ones. */
  level: number;
  title: string;
}

/** The result of extraction: everything the reader view and the reading list need. */
export interface Article {
  url: string;
  /**
   * The page's own `<link rel=canonical>` (absolute), or null. The reading list keys an entry by
   * it (through `lib/url/canonical.ts`, which decides whether to trust it), so every way of saving
   * a page (reader button, popup, shortcut, menu, import) finds the same entry.
   */
  canonical?: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 date or date-time; null when the page gives none we trust. */
  published: string | null;
  /** BCP 47 language of the article text, e.g. `ar`. */
  lang: string;
  dir: 'rtl' | 'ltr';
  excerpt: string;
  leadImage: string | null;
  /** Sanitized HTML (DOMPurify), safe to render in an extension page. */
  content: string;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  sections: Section[];
  wordCount: number;
  readingMinutes: number;
}

export const EXTRACT_FAILURES = [
  'empty',
  'not-html',
  'too-large',
  'timeout',
  'no-content',
  'error',
] as const;
export type ExtractFailure = (typeof EXTRACT_FAILURES)[number];

export type ExtractResult =
  | { ok: true; article: Article; timings: { extractMs: number } }
  | { ok: false; reason: ExtractFailure; detail?: string };

/** The language extraction gives text it cannot name: no running text in any language. */
export const NO_LANGUAGE = 'und';

/** What the always-on detector concludes about a page. */
export interface Detection {
  isArticle: boolean;
  isArabic: boolean;
  /** Language judged from the text itself (`ar`, `fa`, `ur`, … or `und`). */
  language: string;
  /** Short machine-readable reasons, for debugging and the eval harness. */
  signals: string[];
}
