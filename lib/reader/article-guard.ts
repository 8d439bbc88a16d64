/**
 * The article reaches the reader page from another context (the background, later IndexedDB),
 * so its shape is checked before the view relies on it. Content is sanitized separately.
 */
import type { Article, Section } from '../article';
import { isSectionId } from '../store/validate';

const MAX_SECTIONS = 500;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

function toSection(v: unknown): Section | null {
  if (!isObj(v) || !isSectionId(v.id) || !str(v.title)) return null;
  const level = typeof v.level === 'number' && Number.isInteger(v.level) ? v.level : 1;
  return { id: v.id, title: v.title, level };
}

/** The article if its fields have the types the view needs, else null; bad sections are dropped. */
export function toReaderArticle(v: unknown): Article | null {
  if (!isObj(v)) return null;
  if (!str(v.url) || !str(v.title) || !str(v.content) || !str(v.lang)) return null;
  if (!strOrNull(v.byline) || !strOrNull(v.siteName) || !strOrNull(v.published)) return null;
  const sections = Array.isArray(v.sections)
    ? v.sections
        .slice(0, MAX_SECTIONS)
        .map(toSection)
        .filter((s): s is Section => s !== null)
    : [];
  const minutes =
    typeof v.readingMinutes === 'number' && Number.isFinite(v.readingMinutes)
      ? v.readingMinutes
      : 0;
  const words = typeof v.wordCount === 'number' && Number.isFinite(v.wordCount) ? v.wordCount : 0;
  return {
    url: v.url,
    title: v.title,
    byline: v.byline,
    siteName: v.siteName,
    published: v.published,
    lang: v.lang || 'ar',
    dir: v.dir === 'ltr' ? 'ltr' : 'rtl',
    excerpt: str(v.excerpt) ? v.excerpt : '',
    leadImage: str(v.leadImage) ? v.leadImage : null,
    content: v.content,
    text: str(v.text) ? v.text : '',
    sections,
    wordCount: words,
    readingMinutes: minutes,
  };
}
