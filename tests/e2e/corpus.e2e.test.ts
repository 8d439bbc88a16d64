/**
 * Detection and extraction in real Chromium, through the extension's own paths, on every page of
 * the shared corpus, the seed fixture and our constructed pages (tests/pages/extract) — as served,
 * and with every lang/dir attribute stripped. Also the eval harness's own robustness: a page
 * whose load never fires is still measured.
 */
import { join } from 'node:path';
import { ROOT, SHARED_DIR, launch, type Launched } from './fixtures';
import { startServer, type PageServer } from './server';
import { runEvalPage } from '../../scripts/lib/eval-page';
import { score } from '../../lib/eval/score';
import { GOLD_TITLE_NOT_ON_PAGE, corpusPages } from './scenarios/corpus';

const SETS = [
  { dir: join(SHARED_DIR, 'corpus/real'), prefix: '/real/' },
  { dir: join(SHARED_DIR, 'fixtures'), prefix: '/fixtures/' },
  { dir: join(ROOT, 'tests/pages/extract'), prefix: '/extract/' },
];
const PAGES = corpusPages(SETS);
const MIN_F1 = 0.95;
// Real news sites retry a blocked picture forever: `load` never fires.
const NEVER_LOADS = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خبر</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2024-05-01T10:00:00Z"></head>
<body><article><h1>إغلاق الطريق الساحلي بعد انهيار جزء من الجسر</h1>
<img src="https://cdn.example/a.jpg" onerror="this.src='https://cdn.example/fallback.jpg?'+Date.now()">
${'<p>أعلنت السلطات المحلية إغلاق الطريق الساحلي أمام حركة السير بعد انهيار جزء من الجسر الرئيسي صباح اليوم، ودعت السائقين إلى استخدام الطرق البديلة حتى انتهاء أعمال الصيانة.</p>'.repeat(6)}
</article></body></html>`;

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
        const { line } = await runEvalPage(l, server.url(p.path), p.file);
        expect(line.detected).toBe(p.gold.isArabicArticle);
        expect(line.language).toBe(p.gold.language);
        if (!p.gold.isArabicArticle) return;
        const s = score(line, p.gold);
        if (!GOLD_TITLE_NOT_ON_PAGE.has(p.file)) expect(s.titleOk).not.toBe(false);
        expect(s.bylineOk).not.toBe(false);
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

describe('the eval harness', () => {
  let l: Launched;
  let server: PageServer;
  beforeAll(async () => {
    server = await startServer([]);
    server.routes.set('/never-loads.html', (res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(NEVER_LOADS),
    );
    l = await launch({ server });
  });
  afterAll(async () => {
    await l?.close();
    await server?.close();
  });

  it('measures a page whose load never fires, and says so', async () => {
    const { line } = await runEvalPage(l, server.url('/never-loads.html'), 'never-loads.html');
    expect(line.error).toMatch(/load did not fire/);
    expect(line.detected).toBe(true);
    expect(line.charset).toBe('UTF-8');
    expect(line.text).toContain('أعلنت السلطات المحلية إغلاق الطريق الساحلي');
  }, 60_000);
});
