/**
 * Which rows of a fixed-row-height list are on screen: the popup renders only those (plus a few
 * either side) so a list of 10,000 saved articles costs as much as a list of twenty.
 */

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Rows rendered beyond each edge, so a quick scroll shows no blank rows. */
  overscan?: number;
}

export interface ListWindow {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Where the first rendered row sits, in pixels from the top of the list. */
  offsetTop: number;
  /** Height of the whole list, so the scrollbar is right. */
  totalHeight: number;
}

const DEFAULT_OVERSCAN = 4;

const clampInt = (v: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, Math.trunc(Number.isFinite(v) ? v : min)));

export function visibleWindow(input: WindowInput): ListWindow {
  const count = Math.max(0, Math.trunc(input.count));
  const row = input.rowHeight > 0 ? input.rowHeight : 1;
  const overscan = Math.max(0, Math.trunc(input.overscan ?? DEFAULT_OVERSCAN));
  const totalHeight = count * row;
  const maxTop = Math.max(0, totalHeight - Math.max(0, input.viewportHeight));
  const top = Math.min(maxTop, Math.max(0, input.scrollTop || 0));
  const first = Math.floor(top / row);
  const last = Math.ceil((top + Math.max(0, input.viewportHeight)) / row);
  const start = clampInt(first - overscan, 0, count);
  const end = clampInt(last + overscan, start, count);
  return { start, end, offsetTop: start * row, totalHeight };
}

/**
 * The scroll position that shows row `index` whole, moving as little as possible: unchanged if
 * it is already in view, else just enough to bring it to the nearer edge.
 */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** The index one step away, kept inside the list (no wrap-around); -1 when the list is empty. */
export function stepIndex(current: number, step: number, count: number): number {
  if (count <= 0) return -1;
  if (current < 0) return step > 0 ? 0 : count - 1;
  return clampInt(current + step, 0, count - 1);
}
