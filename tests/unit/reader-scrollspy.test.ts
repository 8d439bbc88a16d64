import { adjacentSection, currentSectionIndex, scrollProgress } from '@/lib/reader/scrollspy';

// Headings at these document offsets; a 1000px viewport over a 5000px document.
const TOPS = [300, 1200, 2000, 3500];
const at = (scrollTop: number, over: Partial<Parameters<typeof currentSectionIndex>[1]> = {}) => ({
  scrollTop,
  viewportHeight: 1000,
  scrollHeight: 5000,
  activationOffset: 100,
  ...over,
});

describe('currentSectionIndex', () => {
  it('is -1 before the first heading reaches the activation line', () => {
    expect(currentSectionIndex(TOPS, at(0))).toBe(-1);
    expect(currentSectionIndex(TOPS, at(199))).toBe(-1);
  });

  it('is the last heading at or above scrollTop + activationOffset', () => {
    expect(currentSectionIndex(TOPS, at(200))).toBe(0);
    expect(currentSectionIndex(TOPS, at(1099))).toBe(0);
    expect(currentSectionIndex(TOPS, at(1100))).toBe(1);
    expect(currentSectionIndex(TOPS, at(2500))).toBe(2);
    expect(currentSectionIndex(TOPS, at(3400))).toBe(3);
  });

  it('moves with the activation offset (sticky toolbar height)', () => {
    expect(currentSectionIndex(TOPS, at(1000, { activationOffset: 100 }))).toBe(0);
    expect(currentSectionIndex(TOPS, at(1000, { activationOffset: 250 }))).toBe(1);
  });

  it('makes the last section current at the bottom even if its heading never reached the line', () => {
    const shortEnd = [300, 1200, 4800];
    expect(currentSectionIndex(shortEnd, at(3000))).toBe(1);
    expect(currentSectionIndex(shortEnd, at(4000))).toBe(2);
    expect(currentSectionIndex(shortEnd, at(3990))).toBe(1);
  });

  it('does not treat a page that cannot scroll as "at the bottom"', () => {
    const tops = [150, 400, 700];
    expect(currentSectionIndex(tops, at(0, { scrollHeight: 1000 }))).toBe(-1);
    expect(currentSectionIndex(tops, at(0, { scrollHeight: 1000, activationOffset: 160 }))).toBe(0);
  });

  it('ignores headings that could not be measured (Infinity) and handles no headings', () => {
    expect(currentSectionIndex([300, Infinity, 2000], at(2500))).toBe(2);
    expect(currentSectionIndex([300, Infinity, 2000], at(1500))).toBe(0);
    expect(currentSectionIndex([], at(2000))).toBe(-1);
  });

  it('agrees with a brute-force definition on random layouts', () => {
    for (let run = 0; run < 200; run++) {
      const tops = Array.from({ length: 1 + (run % 7) }, () => Math.floor(Math.random() * 6000));
      tops.sort((a, b) => a - b);
      const s = at(Math.floor(Math.random() * 6000), { scrollHeight: 7000 });
      const got = currentSectionIndex(tops, s);
      const bottom = s.scrollTop + s.viewportHeight >= s.scrollHeight - 2;
      const reached = tops.filter((t) => t <= s.scrollTop + s.activationOffset).length - 1;
      expect(got).toBe(bottom ? tops.length - 1 : reached);
    }
  });
});

describe('scrollProgress', () => {
  it('goes from 0 at the top to 1 at the bottom', () => {
    expect(scrollProgress(at(0))).toBe(0);
    expect(scrollProgress(at(2000))).toBe(0.5);
    expect(scrollProgress(at(4000))).toBe(1);
  });
  it('clamps overscroll and treats an unscrollable page as read', () => {
    expect(scrollProgress(at(-50))).toBe(0);
    expect(scrollProgress(at(4100))).toBe(1);
    expect(scrollProgress(at(0, { scrollHeight: 800 }))).toBe(1);
  });
});

describe('adjacentSection', () => {
  it('steps forward and back within bounds', () => {
    expect(adjacentSection(-1, 4, 1)).toBe(0);
    expect(adjacentSection(0, 4, 1)).toBe(1);
    expect(adjacentSection(3, 4, 1)).toBeNull();
    expect(adjacentSection(2, 4, -1)).toBe(1);
    expect(adjacentSection(0, 4, -1)).toBeNull();
    expect(adjacentSection(-1, 4, -1)).toBeNull();
    expect(adjacentSection(-1, 0, 1)).toBeNull();
  });
});
