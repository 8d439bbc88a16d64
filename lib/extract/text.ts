/** Plain text of the cleaned article: paragraphs (headings included) separated by blank lines. */
import { BLOCK_TAGS, collapse, HEADING_TAGS } from './dom';

export interface Paragraph {
  text: string;
  heading: boolean;
}

// Captions describe pictures, not the story: they stay in `content` but not in the body text.
const SKIP_TAGS = new Set(['FIGURE', 'FIGCAPTION', 'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const EXCERPT_MAX = 300;
const EXCERPT_MIN_CHARS = 80;

/** The article's paragraphs in order: every block and every `<br>` ends one. */
export function paragraphsOf(root: Node): Paragraph[] {
  const out: Paragraph[] = [];
  let buf = '';
  let heading = false;
  const flush = () => {
    const t = collapse(buf);
    if (t) out.push({ text: t, heading });
    buf = '';
    heading = false;
  };
  const walk = (n: Node): void => {
    if (n.nodeType === 3) {
      buf += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 11) return;
    const el = n as Element;
    const tag = el.tagName ?? '';
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') return flush();
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if (HEADING_TAGS.has(tag)) heading = true;
    for (const c of Array.from(n.childNodes)) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

export function joinParagraphs(ps: Paragraph[]): string {
  return ps.map((p) => p.text).join('\n\n');
}

/** The first paragraph that reads as prose, cut at a word boundary to at most 300 characters. */
export function excerptOf(ps: Paragraph[]): string {
  const body = ps.filter((p) => !p.heading);
  const first = body.find((p) => p.text.length >= EXCERPT_MIN_CHARS) ?? body[0];
  if (!first) return '';
  if (first.text.length <= EXCERPT_MAX) return first.text;
  const cut = first.text.slice(0, EXCERPT_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
