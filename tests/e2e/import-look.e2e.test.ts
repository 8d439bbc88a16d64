/**
 * The import page as a reader sees it (issue 15, item 8): margins, spaced buttons, a styled
 * progress bar, a link to a host that does not answer says why at once, and an Arabic directory
 * page is "not an article". Screenshots during and after an import for the README.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, SHARED_DIR, launch, type Launched } from './fixtures';
import { articlePage, pocketExport, sendHtml } from './import-pages';
import { answerPermissionPrompt } from './keyboard';
import { startServer, type PageServer } from './server';

const SHOTS = join(ROOT, 'docs/screenshots');
const MESSAGES = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string) => MESSAGES[key]!.message;
// A loopback address nothing listens on: the connection is refused, as an unreachable host's is.
const UNREACHABLE = 'http://127.0.0.9:9/gone-host/article.html';
const MARGIN = 12;

let main: PageServer;
let l: Launched;
beforeAll(async () => {
  main = await startServer([{ prefix: '/shared/', dir: SHARED_DIR }]);
  for (const i of [0, 1]) {
    const a = articlePage(i);
    main.routes.set(a.path, (res) => sendHtml(res, a.html));
  }
  l = await launch({ server: main, headless: false });
});
afterAll(async () => {
  await l?.close();
  await main?.close();
});

/** Nothing of the page touches or passes the window's edges, and nothing scrolls sideways. */
const layout = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('.qari-import')!.getBoundingClientRect();
    return {
      left: main.left,
      right: innerWidth - main.right,
      sideways: document.documentElement.scrollWidth - innerWidth,
    };
  });

describe('the import page', () => {
  it('has margins, spaced buttons and a styled bar, and says why links wait or failed', async () => {
    const page = await l.extensionPage('import.html');
    await page.setViewportSize({ width: 900, height: 900 });
    const links = [
      { url: main.url(articlePage(0).path), title: articlePage(0).title },
      { url: main.url(articlePage(1).path), title: articlePage(1).title },
      {
        url: main.url('/shared/corpus/real/arabicmedia-nonart-1.html'),
        title: 'دليل الصحف العربية',
      },
      { url: UNREACHABLE, title: 'موقع لا يجيب' },
    ];
    await page.getByTestId('import-file').setInputFiles({
      name: 'ril_export.html',
      mimeType: 'text/html',
      buffer: Buffer.from(pocketExport(links)),
    });
    const start = page.getByRole('button', { name: msg('importStart') });
    await start.waitFor();
    const seen = await layout(page);
    expect(seen.left).toBeGreaterThanOrEqual(MARGIN);
    expect(seen.right).toBeGreaterThanOrEqual(MARGIN);
    expect(seen.sideways).toBeLessThanOrEqual(0);
    const a = (await start.boundingBox())!;
    const b = (await page.getByRole('button', { name: msg('importCancel') }).boundingBox())!;
    // Side by side in RTL: the cancel button to the left of start, with room between them.
    expect(a.x - (b.x + b.width)).toBeGreaterThanOrEqual(8);

    await answerPermissionPrompt(() => start.click(), true);
    const bar = page.getByTestId('import-progress');
    await bar.waitFor();
    expect(await bar.evaluate((el) => getComputedStyle(el).appearance)).toBe('none');
    await page.screenshot({ path: join(SHOTS, 'import-during.png') });

    // The unreachable host's link says why it waits, long before its next try (30 s later).
    const retrying = page.getByTestId('import-retrying').getByRole('listitem');
    await retrying.filter({ hasText: msg('importFailure_network') }).waitFor({ timeout: 20_000 });
    const failures = page.getByTestId('import-failures').getByRole('listitem');
    const directory = failures.filter({ hasText: 'دليل الصحف العربية' });
    await directory.waitFor({ timeout: 30_000 });
    expect(await directory.getAttribute('data-reason')).toBe('not-article');
    await expect
      .poll(async () => Number(await bar.getAttribute('value')), { timeout: 30_000 })
      .toBe(3);
    const after = await layout(page);
    expect(after.left).toBeGreaterThanOrEqual(MARGIN);
    expect(after.sideways).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'import-after.png'), fullPage: true });
    await page.close();
  });
});
