/**
 * A reader's selection as a new highlight's selectors: clipped to the article element (a drag
 * may start in the page's header), without the whitespace a double click or a drag takes along
 * at its ends. Null when nothing of the article's text is selected, or too much to keep.
 */
import { describeText, type Selectors } from './anchor';
import { offsetsOfRange, textOfRoot } from './dom-text';
import { HIGHLIGHT_LIMITS } from './model';

const SPACE = /\s/;
// Range.START_TO_START and Range.END_TO_END, without needing the Range global of a given window.
const START_TO_START = 0;
const END_TO_END = 2;

/** The part of `range` inside `root`, or null when they do not meet. */
function clipped(root: Node, range: Range): Range | null {
  if (!range.intersectsNode(root)) return null;
  const whole = (root.ownerDocument ?? (root as Document)).createRange();
  whole.selectNodeContents(root);
  const r = range.cloneRange();
  if (r.compareBoundaryPoints(START_TO_START, whole) < 0)
    r.setStart(whole.startContainer, whole.startOffset);
  if (r.compareBoundaryPoints(END_TO_END, whole) > 0) r.setEnd(whole.endContainer, whole.endOffset);
  return r;
}

export function selectorsOfRange(root: Node, range: Range): Selectors | null {
  if (range.collapsed) return null;
  const r = clipped(root, range);
  const at = r && offsetsOfRange(root, r);
  if (!at) return null;
  const { text } = textOfRoot(root);
  let { start, end } = at;
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  if (start === end || end - start > HIGHLIGHT_LIMITS.quote) return null;
  return describeText(text, start, end);
}
