/**
 * A reader on a slow news site saves (or opens the reader) while the page is still arriving. The
 * always-on script is not there yet (the browser starts it once the page is parsed), so the
 * command must wait for it rather than inject a copy into the half-parsed page, which found no
 * article ("could not extract") and left two copies answering every later command.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, SHARED_DIR, tabIdOf, type Launched } from './fixtures';
import { BUTTON_HOST } from './reader-helpers';
import { startServer, type PageServer } from './server';
import { send } from './sync-relay-helpers';

const PAGE = readFileSync(join(SHARED_DIR, 'corpus/real/bbcarabic-1.html'));
const GOLD = JSON.parse(
  readFileSync(join(SHARED_DIR, 'corpus/real/bbcarabic-1.gold.json'), 'utf8'),
) as { title: string };
/** The second half of the page arrives this long after the first. */
const STALL_MS = 2_000;

let server: PageServer;
let l: Launched;

beforeAll(async () => {
  server = await startServer([]);
  server.routes.set('/slow/article.html', (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const half = Math.floor(PAGE.length / 2);
    res.write(PAGE.subarray(0, half));
    setTimeout(() => res.end(PAGE.subarray(half)), STALL_MS);
  });
  l = await launch({ server });
});
afterAll(async () => {
  await l?.close();
  await server?.close();
});

describe('a page still loading', () => {
  it('is saved whole when the save comes before the page has arrived, with one reader button after', async () => {
    const options = await l.extensionPage('options.html');
    const page = await l.context.newPage();
    await page.goto(server.url('/slow/article.html'), { waitUntil: 'commit' });
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    const saved = await send<{ ok: boolean; entry?: { article: { title: string } } }>(
      options,
      'library:saveTab',
      { tabId: await tabIdOf(l, page) },
    );
    expect(saved.ok).toBe(true);
    expect(saved.entry?.article.title).toBe(GOLD.title);
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator(BUTTON_HOST).count(), { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(500);
    expect(await page.locator(BUTTON_HOST).count()).toBe(1);
    await page.close();
  });
});
