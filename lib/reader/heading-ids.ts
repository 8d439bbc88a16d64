/**
 * Section headings keep their ids across the sanitizer (which drops every id): read from the raw
 * content, put back on the sanitized headings by their text. The reader's render and a restored
 * backup's cleaning (lib/import/restored-body.ts) both do it.
 */
export const HEADINGS = 'h1, h2, h3, h4, h5, h6';
// Ids we put back must be plain tokens, like the extractor's `qari-s-1`.
const SAFE_ID = /^[\p{L}\p{N}_-]{1,100}$/u;

export interface HeadingId {
  id: string;
  text: string;
}

export const norm = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Section headings of the raw content, with the text that identifies them after sanitizing. */
export function sectionHeadings(root: ParentNode, keep: (id: string) => boolean): HeadingId[] {
  const out: HeadingId[] = [];
  for (const h of root.querySelectorAll(HEADINGS)) {
    const id = h.getAttribute('id');
    if (id && keep(id) && SAFE_ID.test(id)) out.push({ id, text: norm(h.textContent) });
  }
  return out;
}

/**
 * Give the sanitized headings their ids back, matching in order by text, so a heading the
 * sanitizer dropped shifts nothing and no id lands on the wrong heading.
 */
export function restoreHeadingIds(root: ParentNode, wanted: HeadingId[]): void {
  const headings = Array.from(root.querySelectorAll(HEADINGS));
  let at = 0;
  for (const w of wanted) {
    const i = headings.findIndex((h, k) => k >= at && norm(h.textContent) === w.text);
    if (i < 0) continue;
    headings[i]!.setAttribute('id', w.id);
    at = i + 1;
  }
}
