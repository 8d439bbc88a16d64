/**
 * The byline readers see on the page when its metadata names nobody: a line such as «كتبت أسماء
 * نصار» or «بقلم: خالد منصور», or a link to the writer's page beside the headline. Elements hidden
 * from readers (a theme's `display:none` vcard naming the posting account) never count.
 */
import { collapse, textOf } from './dom';

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out so no global NodeFilter is needed
// «كتب / كتبت / بقلم: NAME» (colon optional) and «إعداد / تقرير / حوار / تحرير: NAME» (the colon
// says these are not the first word of a headline, «تقرير المرحلة الأولى»).
const BYLINE_WORD = /^\s*(?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير|حوار|تحرير)(?:\s*[:：]|\s)/;
const BYLINE_LINE =
  /^(?:(?:كتبت|كتب|بقلم)(?:\s*[:：]\s*|\s+)|(?:إعداد|اعداد|تقرير|حوار|تحرير)\s*[:：]\s*)([^\d:|،,.]{3,60})$/;
// Menus and teaser links start with these words too («حوار الشرق الأوسط»).
const NOT_BYLINE_PLACE = 'a, li, nav, header, footer, h1, h2, h3';
const NAME_MAX_WORDS = 6;
const LINE_MAX_CHARS = 80;
// Bylines and date lines sit near the headline, early in the page: a huge page costs no more.
const MAX_TEXT_NODES = 3_000;
const WRITER_LINK =
  'a[rel~="author"], a[href*="/author" i], a[href*="/writer" i], a[href*="/kottab" i], a[href*="/columnist" i], [class*="author" i] a, [class*="writer" i] a';
const HIDDEN =
  '[hidden], [aria-hidden="true"], [style*="display:none" i], [style*="display: none" i]';

function isName(s: string): boolean {
  const words = s.split(' ').length;
  return s.length >= 3 && words <= NAME_MAX_WORDS && !/\d/.test(s);
}

/** A visible «كتب: NAME» line, the first after the headline when there is one. */
function bylineLine(doc: Document, heading: Element | null): string | null {
  const body = doc.body;
  if (!body) return null;
  const walker = doc.createTreeWalker(body, SHOW_TEXT);
  let first: string | null = null;
  for (let i = 0; i < MAX_TEXT_NODES; i++) {
    const n = walker.nextNode();
    if (!n) break;
    // The cheap tests on the text node first: nearly every node fails them.
    const v = n.nodeValue ?? '';
    if (v.length > LINE_MAX_CHARS || !BYLINE_WORD.test(v)) continue;
    const el = n.parentElement;
    if (!el || el.closest(NOT_BYLINE_PLACE) || el.closest(HIDDEN)) continue;
    const line = textOf(el);
    if (line.length > LINE_MAX_CHARS) continue;
    const name = collapse(BYLINE_LINE.exec(line)?.[1] ?? '');
    if (!name || !isName(name)) continue;
    // Document order: a line after the headline is the article's own.
    if (!heading || heading.compareDocumentPosition(el) & 4) return name;
    first ??= name;
  }
  return first;
}

/** A link to the writer's page in the headline's own header block. */
function writerLink(heading: Element | null): string | null {
  const header = heading?.parentElement;
  if (!header) return null;
  for (const a of Array.from(header.querySelectorAll(WRITER_LINK)).slice(0, 5)) {
    const name = textOf(a);
    if (isName(name) && !a.closest(HIDDEN)) return name;
  }
  return null;
}

/** The byline a reader sees, or null. */
export function visibleByline(doc: Document, heading: Element | null): string | null {
  return bylineLine(doc, heading) ?? writerLink(heading);
}
