/**
 * Constructed pages, one per class of failure seen on real pages nobody tuned for
 * (tests/pages/extract/, gold beside each page, same format as the shared corpus): detection and
 * extraction must meet their gold. Each page is built from what real news pages do, not from the
 * fix; its gold's `notes` says which class it stands for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detect } from '@/lib/detect';
import { score, type Gold } from '@/lib/eval/score';
import { extract } from '@/lib/extract';
import { loadHtml, stripLangDir } from './extract-pages';

const DIR = path.resolve(__dirname, '../pages/extract');
// Served as the eval harness serves pages: from loopback, so the host names no site.
const URL_BASE = 'http://127.0.0.1:8080/pages/extract/';
const F1_MIN = 0.97;

const PAGES = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => ({
    name: f.replace(/\.html$/, ''),
    html: readFileSync(path.join(DIR, f), 'utf8'),
    gold: JSON.parse(
      readFileSync(path.join(DIR, f.replace(/\.html$/, '.gold.json')), 'utf8'),
    ) as Gold,
  }));

describe.each([
  ['as served', false],
  ['with lang/dir stripped', true],
] as const)('constructed pages %s', (_label, strip) => {
  it.each(PAGES.map((p) => [p.name, p] as const))('%s meets its gold', async (_name, p) => {
    const url = URL_BASE + p.name + '.html';
    const page = loadHtml(p.html, url);
    try {
      if (strip) stripLangDir(page.document);
      const d = detect(page.document);
      expect
        .soft(d.isArticle && d.isArabic, `detected (${d.signals.join(' ')})`)
        .toBe(p.gold.isArabicArticle);
      const res = extract(page.document, { url });
      if (!res.ok) throw new Error(`${p.name}: ${res.reason} ${res.detail ?? ''}`);
      const a = res.article;
      const s = score(a, p.gold);
      expect.soft(a.title, 'title').toBe(p.gold.title);
      expect.soft(a.byline, 'byline').toBe(p.gold.byline ?? null);
      expect.soft(a.published?.slice(0, 10) ?? null, 'date').toBe(p.gold.published ?? null);
      expect
        .soft(
          a.sections.map((x) => x.title),
          'sections',
        )
        .toEqual(p.gold.sections ?? []);
      expect.soft(a.dir).toBe('rtl');
      expect.soft(s.mustContainMissing, 'mustContain').toEqual([]);
      expect.soft(s.mustNotContainFound, 'mustNotContain').toEqual([]);
      if (p.gold.text)
        expect
          .soft(s.f1, `F1 (precision ${s.precision?.toFixed(2)})`)
          .toBeGreaterThanOrEqual(F1_MIN);
    } finally {
      await page.close();
    }
  });
});
