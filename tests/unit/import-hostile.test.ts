/**
 * Bookmark files built against the scanner (issue 14, item 5): the work grows with the file's
 * size, not its square. Measured as a ratio in one run (the same file at n and 8n entries, the
 * best of several tries each), never against a clock: 8× the input costs ~8× when linear, ~64×
 * when quadratic; the bound between leaves room for a loaded machine.
 */
import { parseImportFile } from '@/lib/import/parse';
import { ImportError } from '@/lib/import/types';
import { nestedFolders, unclosedLinks, unterminatedTags } from '../fixtures/hostile-bookmarks';

const NOW = 1_750_000_000_000;
const TRIES = 5;
const GROWTH = 8;
const LINEAR_BOUND = 24;

function bestTime(text: string): number {
  let best = Infinity;
  for (let i = 0; i < TRIES; i++) {
    const t0 = performance.now();
    try {
      parseImportFile('bookmarks.html', text, NOW);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
    }
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function growth(build: (n: number) => string, n: number): number {
  const small = build(n);
  const large = build(GROWTH * n);
  bestTime(small); // warm the parser's code before measuring
  return bestTime(large) / bestTime(small);
}

describe('the bookmarks scanner is linear', () => {
  it.each([
    ['links without </A>', unclosedLinks, 1000],
    ['folders nested to the depth of the file', nestedFolders, 500],
    ['tags without >', unterminatedTags, 8000],
  ])('on %s', (_what, build, n) => {
    expect(growth(build, n)).toBeLessThan(LINEAR_BOUND);
  });

  it('reads the 1.5 MB file of 30,000 unclosed links, titles ending at the next link', () => {
    const text = unclosedLinks(30_000);
    expect(text.length).toBeGreaterThan(1_400_000);
    const out = parseImportFile('bookmarks.html', text, NOW);
    expect(out.items).toHaveLength(30_000);
    expect(out.items[7]).toMatchObject({ url: 'https://example.com/a/7', title: 'رابط 7' });
  });

  it('refuses a file of more links than a reading list holds, as too large', () => {
    expect(() => parseImportFile('bookmarks.html', unclosedLinks(100_001), NOW)).toThrow(
      expect.objectContaining({ code: 'too-large' }),
    );
  });

  it('gives a link in a deep folder a bounded list of folder tags', () => {
    const out = parseImportFile('bookmarks.html', nestedFolders(3000), NOW);
    expect(out.items).toHaveLength(3000);
    const deepest = out.items.find((i) => i.url === 'https://example.com/f/2999');
    expect(deepest?.tags.length).toBeLessThanOrEqual(50);
    expect(deepest?.tags[0]).toBe('مجلد 0');
  });
});
