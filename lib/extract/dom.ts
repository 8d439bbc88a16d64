/** Small DOM helpers shared by the extraction passes (all work on detached trees, never the page). */

const WHITESPACE = /[\s\u00A0\u200B-\u200F\u2028\u2029\uFEFF]+/g;

/** Elements that start a new paragraph of text. */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

export const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Collapse runs of whitespace (including NBSP and zero-width marks) to one space and trim. */
export function collapse(s: string): string {
  return s.replace(WHITESPACE, ' ').trim();
}

/** Visible-ish text of a node, whitespace collapsed. */
export function textOf(node: Node): string {
  return collapse(node.textContent ?? '');
}

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === 1;
}

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName);
}

/** Whether an element has block-level element children (i.e. it is a container, not a leaf block). */
export function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (isBlock(c)) return true;
  return false;
}

/** Characters of text inside links divided by all characters of text. */
export function linkDensity(el: Element): number {
  const total = textOf(el).length;
  if (total === 0) return 0;
  let inLinks = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) inLinks += textOf(a).length;
  return Math.min(1, inLinks / total);
}

/** Characters of text that sit outside links: the part of a block that reads as prose. */
export function proseLength(el: Element): number {
  let links = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) links += textOf(a).length;
  return Math.max(0, textOf(el).length - links);
}

/** Number of whitespace-separated words. */
export function wordCountOf(s: string): number {
  const t = collapse(s);
  return t ? t.split(' ').length : 0;
}

/** Remove an element, then any ancestors (below `root`) it leaves empty of text and media. */
export function removeAndPrune(el: Element, root: Element): void {
  let parent = el.parentElement;
  el.remove();
  while (parent && parent !== root && isEmptyBlock(parent)) {
    const next = parent.parentElement;
    parent.remove();
    parent = next;
  }
}

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out so no global NodeFilter is needed
const MEDIA_SELECTOR = 'img, picture, video, audio, iframe, svg, canvas, table, hr';

const VISIBLE_CHAR = /[^\s\u00A0\u200B-\u200F\u2028\u2029\uFEFF]/;

/** Whether any descendant text node has a visible character; stops at the first one. */
export function hasText(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (VISIBLE_CHAR.test(n.nodeValue ?? '')) return true;
  }
  return false;
}

/** No text and no media: an element that would render as nothing. */
export function isEmptyBlock(el: Element): boolean {
  if (el.matches(MEDIA_SELECTOR) || hasText(el)) return false;
  return el.querySelector(MEDIA_SELECTOR) === null;
}
