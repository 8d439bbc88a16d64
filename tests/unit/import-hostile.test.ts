/**
 * Bookmark files built against the scanner (issue 14, item 5): the work grows with the file's
 * size, not its square. Counted, never timed: the scanner counts the characters each of its
 * searches covers (`scanWork`), so twice the file must be about twice the work on any machine
 * (a ratio of times, 8× the input against 24× the time, failed on this machine under load).
 */
import { scanWork } from '@/lib/import/html-tags';
import { parseImportFile } from '@/lib/import/parse';
import { ImportError } from '@/lib/import/types';
import { nestedFolders, unclosedLinks, unterminatedTags } from '../fixtures/hostile-bookmarks';

const NOW = 1_750_000_000_000;

/** The characters the scanner examined to parse `text`, counted, not timed. */
function work(text: string): number {
  scanWork.chars = 0;
  try {
    parseImportFile('bookmarks.html', text, NOW);
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
  }
  return scanWork.chars;
}

describe('the bookmarks scanner examines each character a bounded number of times', () => {
  // Every search is counted where it runs: twice the file is about twice the work, and the work
  // stays within a few passes over the file (a search to the end of the file per link does not).
  it.each([
    ['links without </A>', unclosedLinks, 2000],
    ['folders nested to the depth of the file', nestedFolders, 1000],
    ['tags without >', unterminatedTags, 4000],
  ])('on %s', (_what, build, n) => {
    const small = build(n);
    const large = build(2 * n);
    expect(work(large) / work(small)).toBeLessThan(2.2);
    expect(work(large) / large.length).toBeLessThan(4);
  });
});

describe('hostile bookmark files', () => {
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
