/**
 * Section navigation: real headings (h2–h4, an h1 only when it is not the title) and
 * pseudo-headings Arabic sites use instead — a short paragraph wholly in <strong>/<b>, or a bold
 * line in a <br>-separated body — which become real headings in the content. Every section
 * heading gets a stable id (`qari-s-1`, `qari-s-2`, … in document order).
 */
import type { Section } from '../article';
import { repeatsTitle } from './clutter';
import { collapse, hasBlockChild, textOf, wordCountOf } from './dom';

export const SECTION_ID_PREFIX = 'qari-s-';

const SECTION_TAGS = new Set(['H1', 'H2', 'H3', 'H4']);
const BOLD_TAGS = new Set(['STRONG', 'B']);
const PSEUDO_MIN_WORDS = 2;
const PSEUDO_MAX_WORDS = 15;
const PSEUDO_MAX_CHARS = 140;
const HEADING_MAX_CHARS = 200;
const FOLLOWING_PROSE_MIN = 40;
// A plain line between blank lines is a sub-heading only among paragraphs this long.
const PLAIN_PROSE_MIN = 100;
const TEXT_NODE = 3;
// Interview questions, sentences and list-like lines end with these; headings do not.
const NOT_HEADING_END = /[.!؟?،,;؛…"»”]$/;
const BYLINE_START = /^(?:بقلم|بواسطة|by)\s/i;
const BYLINE_COLON = /^(?:بقلم|كتب|كتبت|حوار|إعداد|اعداد|تحرير|ترجمة|تقرير|المصدر)\s*:/;

/** Whether a line of text may stand as a pseudo-heading. */
export function isHeadingLike(text: string, title: string | null): boolean {
  const t = collapse(text);
  const words = wordCountOf(t);
  if (words < PSEUDO_MIN_WORDS || words > PSEUDO_MAX_WORDS || t.length > PSEUDO_MAX_CHARS)
    return false;
  if (NOT_HEADING_END.test(t) || BYLINE_START.test(t) || BYLINE_COLON.test(t)) return false;
  return !repeatsTitle(t, title);
}

/** True when every letter of `nodes` sits inside a <strong>/<b>. */
function allBold(nodes: Node[]): boolean {
  let boldText = 0;
  let total = 0;
  const walk = (n: Node, inBold: boolean): void => {
    if (n.nodeType === 3) {
      const len = collapse(n.textContent ?? '').length;
      total += len;
      if (inBold) boldText += len;
      return;
    }
    if (n.nodeType !== 1) return;
    const bold = inBold || BOLD_TAGS.has((n as Element).tagName);
    for (const c of Array.from(n.childNodes)) walk(c, bold);
  };
  for (const n of nodes) walk(n, false);
  return total > 0 && boldText === total;
}

function followedByProse(el: Element): boolean {
  for (let n = el.nextElementSibling; n; n = n.nextElementSibling) {
    const t = textOf(n);
    if (t) return t.length >= FOLLOWING_PROSE_MIN;
  }
  return false;
}

function makeHeading(doc: Document, tag: string, text: string): Element {
  const h = doc.createElement(tag);
  h.textContent = collapse(text);
  return h;
}

/** Split a <br>-separated block into lines of nodes. */
function brLines(block: Element): Node[][] {
  const lines: Node[][] = [[]];
  for (const n of Array.from(block.childNodes)) {
    if (n.nodeType === 1 && (n as Element).tagName === 'BR') lines.push([]);
    else lines[lines.length - 1]?.push(n);
  }
  return lines;
}

const lineText = (nodes: Node[]) => collapse(nodes.map((n) => n.textContent ?? '').join(''));

/**
 * In a <br>-separated block, bold heading-like lines followed by more text become headings:
 * the block is split into paragraphs around them.
 */
function splitBrBlock(block: Element, tag: string, title: string | null): void {
  const lines = brLines(block);
  if (lines.length < 2) return;
  const isHead = lines.map(
    (l, i) =>
      allBold(l) &&
      isHeadingLike(lineText(l), title) &&
      lines.slice(i + 1).some((rest) => lineText(rest).length > 0 && !allBold(rest)),
  );
  if (!isHead.some(Boolean)) return;
  const doc = block.ownerDocument;
  const out: Element[] = [];
  let para: Node[] = [];
  const flush = () => {
    while (para.length && !lineText([para[para.length - 1] as Node])) para.pop();
    if (lineText(para)) {
      const p = doc.createElement('p');
      for (const n of para) p.appendChild(n);
      out.push(p);
    }
    para = [];
  };
  lines.forEach((l, i) => {
    if (isHead[i]) {
      flush();
      out.push(makeHeading(doc, tag, lineText(l)));
    } else {
      if (para.length) para.push(doc.createElement('br'));
      para.push(...l);
    }
  });
  flush();
  block.replaceWith(...out);
}

/**
 * A plain line that older sites write as a sub-heading: alone between blank lines (<br><br>
 * before and after), with a paragraph of prose before and after it.
 */
function isPlainHeading(texts: string[], i: number): boolean {
  if (texts[i - 1] !== '' || texts[i + 1] !== '') return false;
  const near = (step: number) => {
    for (let j = i + step; j >= 0 && j < texts.length; j += step) {
      const t = texts[j];
      if (t) return t;
    }
    return '';
  };
  return near(-1).length >= PLAIN_PROSE_MIN && near(1).length >= PLAIN_PROSE_MIN;
}

/**
 * Before Readability turns a <br><br> body into paragraphs (and the blank lines that set a
 * sub-heading apart are gone), wrap each plain sub-heading line in <b>: the bold pseudo-heading
 * it stands for, which the passes after Readability promote. Runs on the clone only.
 */
export function markPlainHeadings(doc: Document, title: string | null): void {
  const blocks = new Set<Element>();
  for (const br of Array.from(doc.body?.getElementsByTagName('br') ?? []))
    if (br.parentElement) blocks.add(br.parentElement);
  for (const block of blocks) {
    const lines = brLines(block);
    const texts = lines.map(lineText);
    lines.forEach((line, i) => {
      const first = line[0];
      if (!first || line.some((n) => n.nodeType !== TEXT_NODE)) return;
      if (!isPlainHeading(texts, i) || !isHeadingLike(texts[i] ?? '', title)) return;
      const b = doc.createElement('b');
      (first as ChildNode).before(b);
      b.append(...line);
    });
  }
}

/** Turn Arabic-style pseudo-headings into real heading elements. */
function promotePseudoHeadings(root: Element, title: string | null): void {
  const tag = root.querySelector('h2') ? 'h3' : 'h2';
  for (const block of Array.from(root.querySelectorAll('p, div'))) {
    // Only blocks with bold text can hold a pseudo-heading; most paragraphs stop here.
    if (!block.querySelector('strong, b') || !root.contains(block) || hasBlockChild(block))
      continue;
    if (block.closest('figure, blockquote, li, table')) continue;
    const text = textOf(block);
    if (!text) continue;
    if (
      block.getElementsByTagName('br').length > 0 &&
      brLines(block).filter((l) => lineText(l)).length > 1
    ) {
      splitBrBlock(block, tag, title);
      continue;
    }
    if (allBold([block]) && isHeadingLike(text, title) && followedByProse(block)) {
      block.replaceWith(makeHeading(block.ownerDocument, tag, text));
    }
  }
}

/**
 * Find the article's sections, promote pseudo-headings, and set stable ids on the heading
 * elements. Headings repeating the title are not sections.
 */
export function buildSections(root: Element, title: string | null): Section[] {
  promotePseudoHeadings(root, title);
  const headings = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6')).filter((h) => {
    if (!SECTION_TAGS.has(h.tagName)) return false;
    const t = textOf(h);
    return t.length > 0 && t.length <= HEADING_MAX_CHARS && !repeatsTitle(t, title);
  });
  const top = Math.min(...headings.map((h) => Number(h.tagName.slice(1))));
  return headings.map((h, i) => {
    const id = `${SECTION_ID_PREFIX}${i + 1}`;
    h.setAttribute('id', id);
    return { id, level: Math.min(3, Number(h.tagName.slice(1)) - top + 1), title: textOf(h) };
  });
}
