/**
 * The reader in Firefox on every Arabic article of the shared corpus and the seed fixture, as a
 * reader opens it: the always-on script offers its button (detection), a click on it opens the
 * reader, and the article there has the gold's title, reads right to left, keeps the gold's
 * phrases and section headings and none of the clutter the gold names. What differs from
 * Chromium here is the content script's world (Firefox's Xray wrappers), where extraction runs.
 */
import { join } from 'node:path';
import { SHARED_DIR } from '../fixtures';
import { containsSnippet } from '../../../lib/eval/score';
import { GOLD_TITLE_NOT_ON_PAGE, corpusPages } from '../scenarios/corpus';
import {
  launchFirefox,
  openReaderFromButton,
  readerFrame,
  visit,
  type FirefoxLaunched,
} from '../firefox';

const SETS = [
  { dir: join(SHARED_DIR, 'corpus/real'), prefix: '/shared/corpus/real/' },
  { dir: join(SHARED_DIR, 'fixtures'), prefix: '/shared/fixtures/' },
];
const ARTICLES = corpusPages(SETS).filter((p) => p.gold.isArabicArticle);
const norm = (s: string | null | undefined) =>
  (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

let l: FirefoxLaunched;
beforeAll(async () => {
  l = await launchFirefox({ locale: 'ar' });
});
afterAll(async () => {
  await l?.close();
});

describe('the corpus in the Firefox reader', () => {
  for (const p of ARTICLES) {
    it(`${p.file}: the reader shows the article to gold`, async () => {
      const page = await l.newPage();
      try {
        await visit(page, l.server.url(p.path));
        await openReaderFromButton(page);
        const frame = await readerFrame(page);
        // The article, or the reader's status saying why not (its text is the failure to see).
        await frame.waitForSelector(
          'article.qari-article h1, main.qari-status:not([aria-busy="true"])',
          {
            timeout: 30_000,
          },
        );
        const status = await frame.$eval('main', (m) => m.getAttribute('data-status'));
        expect(status, `the reader's status on ${p.file}`).toBeNull();
        const shown = await frame.$eval('article.qari-article', (a) => ({
          dir: a.getAttribute('dir'),
          title: a.querySelector('h1.qari-title')?.textContent ?? '',
          text: a.querySelector('.qari-content')?.textContent ?? '',
          headings: [...a.querySelectorAll('.qari-content :is(h2, h3, h4)')].map(
            (h) => h.textContent ?? '',
          ),
        }));
        expect(shown.dir).toBe('rtl');
        if (p.gold.title && !GOLD_TITLE_NOT_ON_PAGE.has(p.file))
          expect(norm(shown.title)).toBe(norm(p.gold.title));
        expect((p.gold.mustContain ?? []).filter((s) => !containsSnippet(shown.text, s))).toEqual(
          [],
        );
        expect((p.gold.mustNotContain ?? []).filter((s) => containsSnippet(shown.text, s))).toEqual(
          [],
        );
        const headings = shown.headings.map(norm);
        for (const section of p.gold.sections ?? []) expect(headings).toContain(norm(section));
      } finally {
        await page.close();
      }
    });
  }
});
