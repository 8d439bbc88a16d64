/**
 * A tab loaded before the extension was installed (or updated) has no always-on script to
 * answer the extension: Chromium does not inject content scripts into open tabs. The reader's
 * keyboard command must still open the reader there: the background injects the always-on
 * script, which the user's shortcut allows (activeTab), and asks again.
 *
 * The browser starts without the extension, the page loads, and then the extension is installed
 * over the DevTools protocol (Extensions.loadUnpacked), as a reader installs it with tabs open.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { blockNonLoopback, CHROME_FLAGS, EXTENSION_DIR, SHARED_DIR } from './fixtures';
import { openReaderByShortcut } from './reader-helpers';
import { startServer, type PageServer } from './server';

const DEVTOOLS_URL = /DevTools listening on (ws:\/\/\S+)/;

let proc: ChildProcess;
let browser: Browser;
let server: PageServer;
let profile: string;

/** Chromium with a DevTools endpoint that may install extensions, in a visible window. */
async function startChromium(): Promise<string> {
  profile = mkdtempSync(join(tmpdir(), 'qari-install-'));
  const args = [
    ...CHROME_FLAGS.filter((f) => f !== '--headless=new'),
    '--remote-debugging-port=0',
    '--enable-unsafe-extension-debugging',
    `--user-data-dir=${profile}`,
    'about:blank',
  ];
  proc = spawn(process.env.CHROME_PATH || '/usr/bin/chromium', args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LANGUAGE: 'ar' },
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    proc.stderr?.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = DEVTOOLS_URL.exec(seen);
      if (m?.[1]) resolve(m[1]);
    });
    proc.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${seen.slice(-500)}`)));
  });
}

beforeAll(async () => {
  server = await startServer([{ prefix: '/shared/', dir: SHARED_DIR }]);
  browser = await chromium.connectOverCDP(await startChromium());
  await blockNonLoopback(browser.contexts()[0]!);
});
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  if (proc && proc.exitCode === null) {
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill();
    await exited;
  }
  await server?.close();
  // Chromium's helper processes may still write to the profile after the browser exits: a
  // temporary directory left behind is harmless, a failed cleanup is not a failed test.
  try {
    if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  } catch {
    // left in the system's temporary directory
  }
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
    expect(await page.locator('qari-button').count()).toBe(0);
    const frame = await openReaderByShortcut(page);
    expect(new URL(frame.url()).host).toBe(id);
    expect(await frame.locator('nav#qari-toc a').count()).toBe(7);
    // The injected script detected the article and showed its button, once.
    expect(await page.locator('qari-button').count()).toBe(1);
    await page.close();
  });
});
