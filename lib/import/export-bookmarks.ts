/**
 * The reading list as a Netscape bookmark file, which every browser, Pocket's successors and
 * Wallabag import: one `<DT><A>` per entry with its saved time and tags; read state travels as
 * Pinboard's `TOREAD` flag. Titles and URLs are escaped: they come from web pages.
 */
import type { QariDb } from '../store/db';
import type { EntryRow } from '../store/entry';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const ESCAPABLE = /[&<>"']/g;
const PAGE = 500;

export const escapeHtml = (s: string): string => s.replace(ESCAPABLE, (c) => ESCAPES[c]!);

export type BookmarkEntry = Pick<EntryRow, 'savedAt' | 'read' | 'archived' | 'tags'> & {
  meta: Pick<EntryRow['meta'], 'url' | 'title'>;
};

function bookmarkLine(e: BookmarkEntry): string {
  const attrs = [
    `HREF="${escapeHtml(e.meta.url)}"`,
    `ADD_DATE="${Math.floor(e.savedAt / 1000)}"`,
    ...(e.tags.length > 0 ? [`TAGS="${escapeHtml(e.tags.join(','))}"`] : []),
    `TOREAD="${e.read || e.archived ? 0 : 1}"`,
  ];
  return `    <DT><A ${attrs.join(' ')}>${escapeHtml(e.meta.title || e.meta.url)}</A>`;
}

export function bookmarksHtml(entries: Iterable<BookmarkEntry>, title = 'Qari'): string {
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    `<TITLE>${escapeHtml(title)}</TITLE>`,
    `<H1>${escapeHtml(title)}</H1>`,
    '<DL><p>',
  ];
  for (const e of entries) lines.push(bookmarkLine(e));
  lines.push('</DL><p>', '');
  return lines.join('\n');
}

/** The whole list as a bookmark file, oldest saved first. */
export async function exportBookmarks(
  db: QariDb,
  title?: string,
): Promise<{ html: string; entries: number }> {
  const ids = await db.articles.orderBy('savedAt').primaryKeys();
  const rows: EntryRow[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    for (const r of await db.articles.bulkGet(ids.slice(i, i + PAGE))) if (r) rows.push(r);
  }
  return { html: bookmarksHtml(rows, title), entries: rows.length };
}
