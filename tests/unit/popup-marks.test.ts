import fc from 'fast-check';
import { markParts, normalizeRanges } from '@/lib/popup/marks';
import { parseQuery } from '@/lib/search';
import { highlight, snippet } from '@/lib/search/highlight';

describe('markParts', () => {
  it('splits a text into plain and marked parts', () => {
    expect(markParts('قرأت القرآن اليوم', [{ start: 5, end: 11 }])).toEqual([
      { text: 'قرأت ', mark: false },
      { text: 'القرآن', mark: true },
      { text: ' اليوم', mark: false },
    ]);
  });

  it('merges overlapping and touching ranges, drops empty ones and clamps to the text', () => {
    expect(
      normalizeRanges(
        [
          { start: 4, end: 6 },
          { start: 0, end: 2 },
          { start: 1, end: 3 },
          { start: 3, end: 3 },
          { start: 5, end: 99 },
        ],
        8,
      ),
    ).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 8 },
    ]);
  });

  it('keeps a text without ranges whole', () => {
    expect(markParts('نص', [])).toEqual([{ text: 'نص', mark: false }]);
  });

  it('always reassembles the original text, marks exactly the ranges, never two plain parts in a row', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(
          fc.record({
            start: fc.integer({ min: -5, max: 70 }),
            end: fc.integer({ min: -5, max: 70 }),
          }),
          {
            maxLength: 8,
          },
        ),
        (text, ranges) => {
          const parts = markParts(text, ranges);
          expect(parts.map((p) => p.text).join('')).toBe(text);
          const marked = new Set<number>();
          for (const r of ranges)
            for (let i = Math.max(0, r.start); i < Math.min(text.length, r.end); i++) marked.add(i);
          let at = 0;
          for (const p of parts) {
            for (let i = at; i < at + p.text.length; i++) expect(marked.has(i)).toBe(p.mark);
            at += p.text.length;
          }
          for (let i = 1; i < parts.length; i++)
            expect(parts[i - 1]!.mark && parts[i]!.mark).toBe(false);
        },
      ),
    );
  });

  it('marks the words a misspelled Arabic query finds in a real snippet', () => {
    const text = 'افتتحت مكتبة الأحياء الجديدة أبوابها للقراء.\n\nوتضم المكتبة آلاف الكتب.';
    const q = parseQuery('مكتبه ');
    const s = snippet(text, q);
    expect(s).not.toBeNull();
    const marked = markParts(s!.text, s!.ranges)
      .filter((p) => p.mark)
      .map((p) => p.text);
    expect(marked).toEqual(['مكتبة', 'المكتبة']);
    expect(
      markParts('مكتبة الأحياء', highlight('مكتبة الأحياء', parseQuery('الاحياء '))).filter(
        (p) => p.mark,
      ),
    ).toEqual([{ text: 'الأحياء', mark: true }]);
  });
});
