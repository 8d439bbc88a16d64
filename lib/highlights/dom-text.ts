/**
 * An article element's text as one string (its text nodes in document order, as
 * `textContent` joins them) and the conversions between DOM ranges and offsets in it: what the
 * text-position selector counts and what a highlight is painted on.
 */

export interface RootText {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  starts: number[];
}

export function textOfRoot(root: Node): RootText {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(text.length);
    text += (n as Text).data;
  }
  return { text, nodes, starts };
}

/** The offset in the root's text of a boundary point inside it. */
function offsetOf(root: Node, node: Node, offset: number): number {
  const r = (root.ownerDocument ?? (root as Document)).createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/** A range's offsets in the root's text, or null when it is not inside the root. */
export function offsetsOfRange(root: Node, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  return {
    start: offsetOf(root, range.startContainer, range.startOffset),
    end: offsetOf(root, range.endContainer, range.endOffset),
  };
}

/** The node index holding offset `at`: the last node starting at or before it. */
function nodeAt(t: RootText, at: number, preferNext: boolean): number {
  let lo = 0;
  let hi = t.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  // An offset at a node's end is the next node's start: a range starts in the next node.
  while (preferNext && lo + 1 < t.nodes.length && t.starts[lo + 1]! <= at) lo++;
  while (!preferNext && lo > 0 && t.starts[lo]! === at && at > 0) lo--;
  return lo;
}

/** The DOM range over [start, end) of the root's text, or null when the text is shorter. */
export function rangeOfOffsets(
  root: Node,
  start: number,
  end: number,
  t: RootText = textOfRoot(root),
): Range | null {
  if (start < 0 || end < start || end > t.text.length || t.nodes.length === 0) return null;
  const s = nodeAt(t, start, true);
  const e = nodeAt(t, end, false);
  const r = (root.ownerDocument ?? (root as Document)).createRange();
  r.setStart(t.nodes[s]!, start - t.starts[s]!);
  r.setEnd(t.nodes[e]!, end - t.starts[e]!);
  return r;
}
