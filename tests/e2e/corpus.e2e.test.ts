/**
 * Detection and extraction in real Chromium, through the extension's own paths, on every page of
 * the shared corpus and the seed fixture — as served, and with every lang/dir attribute stripped.
 * Also checks bare Readability on the same pages, so the comparison the README shows stays true.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR, launch, type Launched } from './fixtures';
import { startServer, type PageServer } from './server';
import { runEvalPage } from '../../scripts/lib/eval-page';
import { score, type Gold } from '../../lib/eval/score';

const SETS = [
  { dir: join(SHARED_DIR, 'corpus/real'), prefix: '/real/' },
  { dir: join(SHARED_DIR, 'fixtures'), prefix: '/fixtures/' },
];
const PAGES = SETS.flatMap((s) =>
  readdirSync(s.dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({
      ...s,
      file: f,
      gold: JSON.parse(
        readFileSync(join(s.dir, f.replace(/\.html$/, '.gold.json')), 'utf8'),
      ) as Gold,
    })),
);
const MIN_F1 = 0.95;

for (const stripLang of [false, true]) {
  describe(`the corpus in Chromium${stripLang ? ', lang and dir stripped' : ''}`, () => {
    let l: Launched;
    let server: PageServer;
    beforeAll(async () => {
      server = await startServer(
        SETS.map((s) => ({ prefix: s.prefix, dir: s.dir })),
        0,
        { stripLang },
      );
      l = await launch({ server });
    });
    afterAll(async () => {
      await l?.close();
      await server?.close();
    });

    for (const p of PAGES) {
      it(`${p.file}: ${p.gold.isArabicArticle ? 'an Arabic article, extracted to gold' : 'not an Arabic article'}`, async () => {
        const { line } = await runEvalPage(l, server.url(p.prefix + p.file), p.file);
        expect(line.detected).toBe(p.gold.isArabicArticle);
        expect(line.language).toBe(p.gold.language);
        if (!p.gold.isArabicArticle) return;
        const s = score(line, p.gold);
        expect(s.titleOk).not.toBe(false);
        expect(line.dir).toBe('rtl');
        expect(s.dateOk).not.toBe(false);
        expect(s.mustContainMissing).toEqual([]);
        expect(s.mustNotContainFound).toEqual([]);
        if (s.f1 !== null) expect(s.f1).toBeGreaterThanOrEqual(MIN_F1);
        if (p.gold.sections?.length) expect(line.sections).toEqual(p.gold.sections);
      });
    }
  });
}
