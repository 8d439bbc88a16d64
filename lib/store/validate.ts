/**
 * Shape and size guards for articles arriving from elsewhere: a message from an extension page,
 * or a backup file. Free of Dexie so `lib/messages.ts` (bundled into the content script) can use
 * them.
 */
import type { Article, Section } from '../article';

export const LIMITS = {
  url: 8192,
  title: 2000,
  short: 1000,
  lang: 35,
  date: 64,
  excerpt: 5000,
  content: 5_000_000,
  text: 2_000_000,
  sections: 2000,
  sectionId: 256,
  tags: 64,
  tag: 100,
} as const;

const META_KEYS = [
  'url',
  'title',
  'byline',
  'siteName',
  'published',
  'lang',
  'dir',
  'excerpt',
  'leadImage',
  'wordCount',
  'readingMinutes',
] as const;
const BODY_KEYS = ['content', 'text', 'sections'] as const;
const SECTION_KEYS = ['id', 'level', 'title'] as const;
const WEB_SCHEMES = new Set(['http:', 'https:']);
const MAX_SECTION_LEVEL = 6;
// The extractor's own form (lib/extract/sections.ts). The reader shows no other (toReaderArticle):
// it could be one of the reader's own elements (`qari-help`, `app`), which a section link would
// then scroll to, or which the heading given that id would shadow.
const SECTION_ID = /^qari-s-[1-9][0-9]{0,4}$/;

/** Whether a section id is one the extractor gives. */
export const isSectionId = (v: unknown): v is string => typeof v === 'string' && SECTION_ID.test(v);

type Obj = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isString = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length <= max;
const isNullableString = (v: unknown, max: number): v is string | null =>
  v === null || isString(v, max);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isNonNegative = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Whether an object has no keys but the allowed ones (backups are checked strictly). */
export function hasOnlyKeys(o: Obj, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

export function isWebUrl(v: unknown): v is string {
  if (!isString(v, LIMITS.url)) return false;
  try {
    return WEB_SCHEMES.has(new URL(v).protocol);
  } catch {
    return false;
  }
}

function isSection(v: unknown, strict: boolean): v is Section {
  return (
    isPlainObject(v) &&
    (!strict || hasOnlyKeys(v, SECTION_KEYS)) &&
    isString(v.id, LIMITS.sectionId) &&
    Number.isSafeInteger(v.level) &&
    (v.level as number) >= 1 &&
    (v.level as number) <= MAX_SECTION_LEVEL &&
    isString(v.title, LIMITS.title)
  );
}

/** The list metadata of an article (Article minus content, text and sections). */
export function isArticleMeta(v: unknown, strict = false): boolean {
  return (
    isPlainObject(v) &&
    (!strict || hasOnlyKeys(v, META_KEYS)) &&
    isWebUrl(v.url) &&
    isString(v.title, LIMITS.title) &&
    isNullableString(v.byline, LIMITS.short) &&
    isNullableString(v.siteName, LIMITS.short) &&
    isNullableString(v.published, LIMITS.date) &&
    isString(v.lang, LIMITS.lang) &&
    (v.dir === 'rtl' || v.dir === 'ltr') &&
    isString(v.excerpt, LIMITS.excerpt) &&
    // A web URL or nothing: a `javascript:` or `data:` one is never stored for a view to use.
    (v.leadImage === null || isWebUrl(v.leadImage)) &&
    isCount(v.wordCount) &&
    isNonNegative(v.readingMinutes)
  );
}

/** The body of an article: HTML, plain text and section headings. */
export function isArticleBody(v: unknown, strict = false): boolean {
  return (
    isPlainObject(v) &&
    (!strict || hasOnlyKeys(v, BODY_KEYS)) &&
    isString(v.content, LIMITS.content) &&
    isString(v.text, LIMITS.text) &&
    Array.isArray(v.sections) &&
    v.sections.length <= LIMITS.sections &&
    v.sections.every((s) => isSection(s, strict))
  );
}

const isNullableWebUrl = (v: unknown) => v === undefined || v === null || isWebUrl(v);

/** A whole Article within the size limits (extra fields are tolerated and dropped on save). */
export function isArticle(v: unknown): v is Article {
  return (
    isArticleMeta(v) &&
    isArticleBody(v) &&
    isNullableWebUrl((v as { canonical?: unknown }).canonical)
  );
}

export function isTagList(v: unknown): v is string[] {
  return (
    Array.isArray(v) &&
    v.length <= LIMITS.tags &&
    v.every((t) => isString(t, LIMITS.tag) && t.trim().length > 0)
  );
}
