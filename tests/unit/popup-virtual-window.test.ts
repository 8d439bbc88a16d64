import fc from 'fast-check';
import { scrollToReveal, stepIndex, visibleWindow } from '@/lib/popup/virtual-window';

describe('visibleWindow', () => {
  it('renders the rows on screen plus the overscan, at their offset', () => {
    const w = visibleWindow({
      scrollTop: 1000,
      viewportHeight: 400,
      rowHeight: 100,
      count: 10_000,
      overscan: 2,
    });
    expect(w).toEqual({ start: 8, end: 16, offsetTop: 800, totalHeight: 1_000_000 });
  });

  it('starts at zero at the top and stops at the end of the list', () => {
    expect(
      visibleWindow({ scrollTop: 0, viewportHeight: 300, rowHeight: 100, count: 50, overscan: 3 }),
    ).toMatchObject({
      start: 0,
      end: 6,
    });
    const end = visibleWindow({
      scrollTop: 9e9,
      viewportHeight: 300,
      rowHeight: 100,
      count: 50,
      overscan: 3,
    });
    expect(end).toMatchObject({ start: 44, end: 50, offsetTop: 4400 });
  });

  it('renders nothing for an empty list and handles a list shorter than the viewport', () => {
    expect(
      visibleWindow({ scrollTop: 0, viewportHeight: 500, rowHeight: 80, count: 0 }),
    ).toMatchObject({
      start: 0,
      end: 0,
      totalHeight: 0,
    });
    expect(
      visibleWindow({ scrollTop: 200, viewportHeight: 500, rowHeight: 80, count: 3 }),
    ).toMatchObject({
      start: 0,
      end: 3,
    });
  });

  it('always covers every visible row and never renders more than the viewport needs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 10, max: 200 }),
        fc.integer({ min: 0, max: 10 }),
        (count, scrollTop, viewportHeight, rowHeight, overscan) => {
          const w = visibleWindow({ scrollTop, viewportHeight, rowHeight, count, overscan });
          expect(w.start).toBeGreaterThanOrEqual(0);
          expect(w.end).toBeLessThanOrEqual(count);
          expect(w.end).toBeGreaterThanOrEqual(w.start);
          expect(w.offsetTop).toBe(w.start * rowHeight);
          expect(w.end - w.start).toBeLessThanOrEqual(
            Math.ceil(viewportHeight / rowHeight) + 1 + 2 * overscan,
          );
          // Every row that intersects the (clamped) viewport is rendered.
          const top = Math.min(Math.max(0, count * rowHeight - viewportHeight), scrollTop);
          for (let i = 0; i < count; i++) {
            const visible = i * rowHeight < top + viewportHeight && (i + 1) * rowHeight > top;
            if (visible) {
              expect(i).toBeGreaterThanOrEqual(w.start);
              expect(i).toBeLessThan(w.end);
            }
            if (i > w.end + 2) break;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('scrollToReveal', () => {
  it('keeps the position when the row is in view', () => {
    expect(scrollToReveal(3, 200, 400, 100)).toBe(200);
  });
  it('scrolls up to a row above the viewport', () => {
    expect(scrollToReveal(1, 250, 400, 100)).toBe(100);
  });
  it('scrolls down just enough for a row below the viewport', () => {
    expect(scrollToReveal(9, 200, 400, 100)).toBe(600);
  });
});

describe('stepIndex', () => {
  it('moves within the list without wrapping', () => {
    expect(stepIndex(0, 1, 3)).toBe(1);
    expect(stepIndex(2, 1, 3)).toBe(2);
    expect(stepIndex(0, -1, 3)).toBe(0);
  });
  it('enters the list from nowhere at the first or last row', () => {
    expect(stepIndex(-1, 1, 3)).toBe(0);
    expect(stepIndex(-1, -1, 3)).toBe(2);
    expect(stepIndex(-1, 1, 0)).toBe(-1);
  });
});
