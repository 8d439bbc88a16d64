/**
 * Highlights on the article's page: each placed by its selectors in the article element's text
 * (`anchor.ts`), then painted as <mark> elements wrapped around the text nodes it covers. The
 * marks are made with createElement and carry only the highlight's id and colour class: a note
 * is never in the DOM of the article, and nothing is parsed as HTML. Those that cannot be placed
 * are returned apart for the "not found in the current text" list.
 */
import { anchorIn, type TextSpan } from './anchor';
import { textOfRoot } from './dom-text';
import { foldWithMap } from './fold-map';
import { inTextOrder, type Highlight } from './model';

export const MARK_CLASS = 'qari-hl';
const ONLY_SPACE = /^\s*$/;

export interface Placed {
  highlight: Highlight;
  span: TextSpan;
}

export interface Placement {
  placed: Placed[];
  notFound: Highlight[];
}

/** Where each highlight is in the article element's text now, in reading order. */
export function placeHighlights(root: Node, list: readonly Highlight[]): Placement {
  const { text } = textOfRoot(root);
  const folded = foldWithMap(text);
  const placed: Placed[] = [];
  const notFound: Highlight[] = [];
  for (const h of inTextOrder(list)) {
    const span = anchorIn(text, h, folded);
    if (span) placed.push({ highlight: h, span });
    else notFound.push(h);
  }
  placed.sort((a, b) => a.span.start - b.span.start);
  return { placed, notFound };
}

interface Piece {
  node: Text;
  from: number;
  to: number;
  highlight: Highlight;
}

/** The parts of text nodes each highlight covers; whitespace between blocks is left alone. */
function pieces(root: Node, placed: readonly Placed[]): Piece[] {
  const t = textOfRoot(root);
  const out: Piece[] = [];
  for (const { highlight, span } of placed) {
    t.nodes.forEach((node, i) => {
      const start = t.starts[i]!;
      const from = Math.max(span.start, start) - start;
      const to = Math.min(span.end, start + node.data.length) - start;
      if (from < to && !ONLY_SPACE.test(node.data)) out.push({ node, from, to, highlight });
    });
  }
  return out;
}

function wrap(p: Piece): void {
  let target = p.node;
  if (p.to < target.data.length) target.splitText(p.to);
  if (p.from > 0) target = target.splitText(p.from);
  const mark = target.ownerDocument.createElement('mark');
  mark.className = `${MARK_CLASS} ${MARK_CLASS}-${p.highlight.color}`;
  mark.dataset.hl = p.highlight.id;
  target.parentNode!.insertBefore(mark, target);
  mark.append(target);
}

/**
 * Paint placed highlights as marks. Overlapping highlights: the later piece wraps inside the
 * earlier one's mark. Pieces are wrapped from the last to the first so that splitting a node
 * leaves the offsets of the pieces still to come valid.
 */
export function paintMarks(root: Node, placed: readonly Placed[]): void {
  const all = pieces(root, placed);
  const byNode = new Map<Text, Piece[]>();
  for (const p of all) byNode.set(p.node, [...(byNode.get(p.node) ?? []), p]);
  for (const list of byNode.values()) {
    // Within one node, from the end: earlier offsets stay valid in the node's first part.
    list.sort((a, b) => b.from - a.from || b.to - a.to);
    for (const p of disjoint(list)) wrap(p);
  }
}

/** Overlapping pieces of one node kept as the first of each overlap (one mark per letter). */
function disjoint(fromEnd: Piece[]): Piece[] {
  const out: Piece[] = [];
  let limit = Infinity;
  for (const p of fromEnd) {
    const to = Math.min(p.to, limit);
    if (p.from < to) out.push({ ...p, to });
    limit = Math.min(limit, p.from);
  }
  return out;
}

/** Take every mark out again, leaving the text as it was (before painting anew). */
export function clearMarks(root: ParentNode): void {
  for (const mark of Array.from(root.querySelectorAll(`mark.${MARK_CLASS}`))) {
    const parent = mark.parentNode!;
    mark.replaceWith(...Array.from(mark.childNodes));
    parent.normalize();
  }
}
