/**
 * What the toolbar popup loads before its first rows, read from the built extension: the modules
 * its page names (its script and the modules preloaded with it) must not hold the search
 * analyzer's tables. They are built when the analyzer loads (its spelling and lexicon maps, a few
 * hundred words stemmed), work the first rows waited for while a one-line check of a query's
 * length imported the analyzer for its minimum term length (lib/text/min-term.ts since).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexiconFamilies } from '../../lib/text/lexicon';
import { ROOT } from './fixtures';

const BUILDS = ['chrome-mv3', 'firefox-mv2'];
const EAGER = /<script[^>]+src="\/([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g;

/** The files the popup's page loads as it opens. */
function eagerModules(dir: string): string[] {
  const html = readFileSync(join(dir, 'popup.html'), 'utf8');
  return [...html.matchAll(EAGER)].map((m) => (m[1] ?? m[2])!);
}

describe('the popup’s first screen', () => {
  for (const build of BUILDS) {
    it(`loads no search analyzer before its first rows (${build})`, () => {
      const dir = join(ROOT, '.output', build);
      expect(existsSync(join(dir, 'popup.html')), `${build} is built`).toBe(true);
      const modules = eagerModules(dir);
      expect(modules.length).toBeGreaterThan(0);
      // A line of the lexicon as the bundle keeps it: a word and its plural.
      const [word, plural] = lexiconFamilies()[0]!;
      const marker = `${word} ${plural}`;
      const holding = modules.filter((f) => readFileSync(join(dir, f), 'utf8').includes(marker));
      expect(holding, 'eager modules holding the lexicon').toEqual([]);
    });
  }
});
