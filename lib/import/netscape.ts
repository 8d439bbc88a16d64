/**
 * Netscape bookmark files (Chrome, Firefox, Edge, Wallabag, Pinboard exports):
 * `<DT><A HREF ADD_DATE TAGS>title</A>` inside nested `<DL>` lists; `<DT><H3>` names the folder
 * of the next `<DL>`. Folder names become tags (the browser's own root folders do not).
 */
import { addRaw, collect, parseTime, type RawItem } from './items';
import { attrsOf, scanTags, textUntilClose } from './html-tags';
import type { MalformedRow, ParsedImport } from './types';

export const NETSCAPE_SIGNATURE = /<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>/i;
// Attributes browsers put on their built-in folders (toolbar, "other bookmarks").
const ROOT_FOLDER_ATTRS = ['personal_toolbar_folder', 'unfiled_bookmarks_folder'];
// Folder names given to a link as tags, outermost first: as many as an item keeps (items.ts).
// Copying every enclosing folder made a file of 10,000 nested folders quadratic.
const MAX_FOLDER_TAGS = 50;

const yes = (v: string | undefined) => v !== undefined && /^(1|true|yes)$/i.test(v.trim());

export function parseNetscape(html: string, now = Date.now()): ParsedImport {
  const raws: RawItem[] = [];
  // One entry per open <DL>: whether it is a named folder (not the root or a browser folder);
  // `names` holds the names of the open named ones, outermost first.
  const named: boolean[] = [];
  const names: string[] = [];
  let pending: string | null = null;
  for (const t of scanTags(html)) {
    if (t.name === 'dl') {
      if (t.closing) {
        if (named.pop()) names.pop();
      } else {
        named.push(pending !== null);
        if (pending !== null) names.push(pending);
        pending = null;
      }
    } else if (t.name === 'h3' && !t.closing) {
      const attrs = attrsOf(html, t);
      const isRoot = ROOT_FOLDER_ATTRS.some((a) => a in attrs);
      pending = isRoot ? null : textUntilClose(html, t.end, 'h3') || null;
    } else if (t.name === 'a' && !t.closing) {
      const attrs = attrsOf(html, t);
      const tags = (attrs.tags ?? '').split(',');
      tags.push(...names.slice(0, MAX_FOLDER_TAGS));
      addRaw(raws, {
        row: t.line,
        url: attrs.href,
        title: textUntilClose(html, t.end, 'a'),
        savedAt: parseTime(attrs.add_date),
        // Pinboard and Wallabag mark unread bookmarks with TOREAD="1".
        read: 'toread' in attrs ? !yes(attrs.toread) : false,
        archived: false,
        favourite: false,
        tags,
      });
    }
  }
  const malformed: MalformedRow[] = [];
  return collect('netscape', raws, malformed, now);
}
