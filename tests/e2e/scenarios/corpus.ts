/**
 * The corpus pages both browsers' corpus tests walk (../corpus.e2e.test.ts in Chromium through
 * the eval harness, ../firefox/corpus.e2e.test.ts through the Firefox reader), each with its gold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gold } from '../../../lib/eval/score';

export interface CorpusSet {
  /** Where the pages are on disk. */
  dir: string;
  /** Where the test server serves them. */
  prefix: string;
}

export interface CorpusPage extends CorpusSet {
  file: string;
  /** The address path on the test server. */
  path: string;
  gold: Gold;
}

// Gold titles no title on the page spells (youm7-1's drops «مع جامعة القاهرة», which its <h1>,
// <title> and og:title all carry): the unit test holds the <h1> there instead.
export const GOLD_TITLE_NOT_ON_PAGE = new Set(['youm7-1.html']);

/** Every `.html` page of `sets` with its `.gold.json`. */
export function corpusPages(sets: readonly CorpusSet[]): CorpusPage[] {
  return sets.flatMap((s) =>
    readdirSync(s.dir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({
        ...s,
        file: f,
        path: s.prefix + f,
        gold: JSON.parse(
          readFileSync(join(s.dir, f.replace(/\.html$/, '.gold.json')), 'utf8'),
        ) as Gold,
      })),
  );
}
