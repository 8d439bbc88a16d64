/**
 * Pocket's HTML export (`ril_export.html`): `<h1>Unread</h1>` and `<h1>Read Archive</h1>`, each
 * followed by a list of `<a href time_added tags="a,b">title</a>`. Pocket had no separate read
 * flag: archived means read.
 */
import { addRaw, collect, parseTime, type RawItem } from './items';
import { attrsOf, scanTags, textUntilClose } from './html-tags';
import type { MalformedRow, ParsedImport } from './types';

const ARCHIVE_HEADING = /read archive|archive/i;
export const POCKET_HTML_SIGNATURE = /<h1>\s*(unread|read archive)\s*<\/h1>/i;

export function parsePocketHtml(html: string, now = Date.now()): ParsedImport {
  const raws: RawItem[] = [];
  let archived = false;
  for (const t of scanTags(html)) {
    if (t.closing) continue;
    if (t.name === 'h1') archived = ARCHIVE_HEADING.test(textUntilClose(html, t.end, 'h1'));
    else if (t.name === 'a') {
      const attrs = attrsOf(html, t);
      addRaw(raws, {
        row: t.line,
        url: attrs.href,
        title: textUntilClose(html, t.end, 'a'),
        savedAt: parseTime(attrs.time_added),
        read: archived,
        archived,
        favourite: false,
        tags: (attrs.tags ?? '').split(','),
      });
    }
  }
  const malformed: MalformedRow[] = [];
  return collect('pocket-html', raws, malformed, now);
}
