/**
 * Which section the reader is in, from numbers alone (heading positions and scroll state), so the
 * rule can be tested without layout. The DOM side only measures and calls these.
 */

export interface ScrollState {
  /** Distance scrolled from the top of the document. */
  scrollTop: number;
  /** Height of the visible area. */
  viewportHeight: number;
  /** Full scrollable height of the document. */
  scrollHeight: number;
  /**
   * How far below the top of the viewport a heading counts as "reached": room for the sticky
   * toolbar plus a margin, so a heading scrolled to just under the toolbar is current.
   */
  activationOffset: number;
}

// Sub-pixel scroll positions and zoom make "at the very bottom" inexact.
const BOTTOM_TOLERANCE = 2;

/**
 * Index of the current section: the last one whose heading has reached the activation line;
 * -1 above the first heading. At the bottom of the document the last section is current even if
 * its heading never reached the line, or a short last section could never be highlighted.
 * `headingTops` are document offsets in reading order.
 */
export function currentSectionIndex(headingTops: readonly number[], s: ScrollState): number {
  if (headingTops.length === 0) return -1;
  const atBottom = s.scrollTop + s.viewportHeight >= s.scrollHeight - BOTTOM_TOLERANCE;
  const scrollable = s.scrollHeight > s.viewportHeight + BOTTOM_TOLERANCE;
  if (atBottom && scrollable) return headingTops.length - 1;
  const line = s.scrollTop + s.activationOffset;
  let current = -1;
  headingTops.forEach((top, i) => {
    if (top <= line) current = i;
  });
  return current;
}

/** How far through the document the reader is, 0 to 1. */
export function scrollProgress(
  s: Pick<ScrollState, 'scrollTop' | 'viewportHeight' | 'scrollHeight'>,
): number {
  const range = s.scrollHeight - s.viewportHeight;
  if (range <= 0) return 1;
  return Math.min(1, Math.max(0, s.scrollTop / range));
}

/** The section to jump to for "next" (+1) or "previous" (-1), or null at either end. */
export function adjacentSection(current: number, count: number, step: 1 | -1): number | null {
  if (count === 0) return null;
  const next = current + step;
  if (step === -1 && current === -1) return null;
  if (next < 0 || next >= count) return null;
  return next;
}
