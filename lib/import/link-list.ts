/**
 * A fetched page that extraction turned into "an article" made of nothing but links: a section
 * front or a list of headlines. The reader's own detector rejects those on a live page, but the
 * import queue only sees the extracted article (the service worker has no DOM), so it judges the
 * article's sanitized HTML: when most of its text is link text, it is not an article to keep.
 */
import type { Article } from '../article';

// Link characters per text character from which the body is a list of links. An article with a
// "read also" box or a few links in its paragraphs stays far below half.
const MAX_LINK_SHARE = 0.5;
const LINK_RE = /<a\b[^>]*>([\s\S]*?)<\/a\s*>/gi;
const TAG_RE = /<[^>]*>/g;
const SPACE_RE = /\s+/g;

function visibleLength(html: string): number {
  return html.replace(TAG_RE, ' ').replace(SPACE_RE, '').length;
}

/** True when most of the article's text is the text of links. */
export function isListOfLinks(article: Pick<Article, 'content'>): boolean {
  const total = visibleLength(article.content);
  if (total === 0) return false;
  let linked = 0;
  for (const m of article.content.matchAll(LINK_RE)) linked += visibleLength(m[1] ?? '');
  return linked / total > MAX_LINK_SHARE;
}
