/**
 * A tab loaded before the extension was installed (or updated) has no always-on script to
 * answer the extension: Chromium does not inject content scripts into open tabs. The reader's
 * keyboard command must still open the reader there: the background injects the always-on
 * script, which the user's shortcut allows (activeTab), and asks again.
 *
 * The browser starts without the extension, the page loads, and then the extension is installed
 * over the DevTools protocol (Extensions.loadUnpacked), as a reader installs it with tabs open.
 */
import { chromium, type Browser } from 'playwright-core';
import {
  blockNonLoopback,
  CHROME_FLAGS,
  EXTENSION_DIR,
  SHARED_DIR,
  spawnChromium,
  type SpawnedChromium,
} from './fixtures';
import { BUTTON_HOST, openReaderByShortcut } from './reader-helpers';
import { startServer, type PageServer } from './server';

let chromiumProcess: SpawnedChromium;
let browser: Browser;
let server: PageServer;

beforeAll(async () => {
  server = await startServer([{ prefix: '/shared/', dir: SHARED_DIR }]);
  // A visible window (the shortcut needs one), and a DevTools endpoint that may install extensions.
  chromiumProcess = await spawnChromium([
    ...CHROME_FLAGS.filter((f) => f !== '--headless=new'),
    '--enable-unsafe-extension-debugging',
    'about:blank',
  ]);
  browser = await chromium.connectOverCDP(chromiumProcess.wsUrl);
  await blockNonLoopback(browser.contexts()[0]!);
});
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await chromiumProcess?.close();
  await server?.close();
});

describe('reader mode in a tab opened before the extension was installed', () => {
  it('opens from the keyboard command, with one reader button on the page', async () => {
    const context = browser.contexts()[0]!;
    const page = await context.newPage();
    await page.goto(server.url('/shared/fixtures/seed-article.html'));
    const cdp = await browser.newBrowserCDPSession();
    const { id } = (await cdp.send('Extensions.loadUnpacked', { path: EXTENSION_DIR })) as {
      id: string;
    };
    await expect.poll(() => context.serviceWorkers().some((w) => w.url().includes(id))).toBe(true);
    // Installed, but nothing of it runs in the open tab.
    await page.waitForTimeout(500);
    expect(await page.locator(BUTTON_HOST).count()).toBe(0);
    const frame = await openReaderByShortcut(page);
    expect(new URL(frame.url()).host).toBe(id);
    expect(await frame.locator('nav#qari-toc button').count()).toBe(7);
    // The injected script detected the article and showed its button, once.
    expect(await page.locator(BUTTON_HOST).count()).toBe(1);
    await page.close();
  });
});
