/**
 * End-to-end fixture: Debian's Chromium with the built extension (.output/chrome-mv3), a
 * loopback server for our own pages (tests/pages) and the shared corpus (../shared), and every
 * request that is not to loopback (127.0.0.0/8) blocked.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type PageServer } from './server';

export const ROOT = join(import.meta.dirname, '../..');
// QARI_EXTENSION_DIR runs the suite against another build (e.g. one made while others test).
export const EXTENSION_DIR = process.env.QARI_EXTENSION_DIR || join(ROOT, '.output/chrome-mv3');
export const SHARED_DIR = join(ROOT, '../shared');

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  server: PageServer;
  /** Open an extension page such as `popup.html`. */
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

const LOOPBACK = /^127(?:\.\d{1,3}){3}$/;

export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--lang=ar',
];

export interface LaunchOptions {
  /** Reuse a profile (to restart the browser over the same data). */
  userDataDir?: string;
  /** Serve pages from this server instead of starting one. */
  server?: PageServer;
  locale?: string;
  viewport?: { width: number; height: number };
  /** false opens a visible window (needs a display). */
  headless?: boolean;
  /** Another build of the extension (benchmarks compare two builds in one run). */
  extensionDir?: string;
  /**
   * Let the extension's background fetches reach loopback, where this harness serves its pages
   * (on by default; false tests the refusal every installed build makes).
   */
  fetchLoopback?: boolean;
  /** More environment for the browser's processes (e.g. libfaketime's LD_PRELOAD and FAKETIME). */
  env?: Record<string, string>;
  /** Leave the first-run page open (every fresh install opens it; closed by default). */
  keepWelcome?: boolean;
}

// The switch lib/fetch/fetch-extract.ts reads; only an extension context can set it.
const LOOPBACK_SWITCH = 'qari:e2e:fetch-loopback';

export async function launch(opts: LaunchOptions = {}): Promise<Launched> {
  const server =
    opts.server ??
    (await startServer([
      { prefix: '/pages/', dir: join(ROOT, 'tests/pages') },
      { prefix: '/shared/', dir: SHARED_DIR },
    ]));
  const ownProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'qari-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: false, // --headless=new is passed below: extensions need the new headless mode
    locale: opts.locale ?? 'ar',
    // On Linux Chromium takes its UI language (and so the extension's i18n) from the environment.
    env: { ...process.env, LANGUAGE: opts.locale ?? 'ar', ...opts.env },
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    args: [
      ...CHROME_FLAGS.filter(
        (f) =>
          (!f.startsWith('--lang') || !opts.locale) &&
          (f !== '--headless=new' || opts.headless !== false),
      ),
      ...(opts.locale ? [`--lang=${opts.locale}`] : []),
      `--disable-extensions-except=${opts.extensionDir ?? EXTENSION_DIR}`,
      `--load-extension=${opts.extensionDir ?? EXTENSION_DIR}`,
    ],
  });
  await blockNonLoopback(context);
  if (!opts.keepWelcome) closeWelcomePages(context);
  const worker = await backgroundWorker(context, opts.extensionDir ?? EXTENSION_DIR);
  const extensionId = new URL(worker.url()).host;
  await worker.evaluate(
    ([key, on]) =>
      on ? chrome.storage.local.set({ [key]: true }) : chrome.storage.local.remove(key),
    [LOOPBACK_SWITCH, opts.fetchLoopback !== false] as const,
  );
  return {
    context,
    extensionId,
    worker,
    server,
    async extensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (!opts.server) await server.close();
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const WELCOME = /^chrome-extension:\/\/[a-p]{32}\/welcome\.html/;

/**
 * Close the first-run page a fresh install opens (lib/background/welcome.ts) whenever it shows:
 * tests start from their own tabs. Other pages are only watched for a moment.
 */
function closeWelcomePages(context: BrowserContext): void {
  const close = (page: Page) =>
    page
      .waitForURL(WELCOME, { timeout: 15_000, waitUntil: 'commit' })
      .then(() => page.close())
      .catch(() => undefined);
  context.pages().forEach(close);
  context.on('page', close);
}

/** Let the extension and loopback through; every other request is refused. */
export async function blockNonLoopback(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'chrome-extension:' || LOOPBACK.test(url.hostname))
      return route.continue();
    return route.abort('blockedbyclient');
  });
}

/** Chromium's id for an unpacked extension: the SHA-256 of its path, hex digits mapped to a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return Array.from(hex, (c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * The extension's service worker. On a reused profile it can start before Playwright listens;
 * then an extension page is opened to wake it (a page of ours loads the worker if it sleeps).
 */
async function backgroundWorker(context: BrowserContext, extensionDir: string): Promise<Worker> {
  const found = () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  const early =
    found() ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => undefined));
  if (early) return early;
  const page = await context.newPage();
  const waiting = context.waitForEvent('serviceworker', { timeout: 30_000 });
  await page
    .goto(`chrome-extension://${unpackedExtensionId(extensionDir)}/popup.html`)
    .catch(() => undefined);
  const worker = found() ?? (await waiting);
  await page.close();
  return worker;
}

/**
 * The id of the tab showing `page`, as the extension sees it. The extension holds no host or
 * `tabs` permission, so tab URLs are hidden from it: the page is brought to the front and the
 * active tab of the focused window is asked for instead.
 */
export async function tabIdOf(l: Launched, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await l.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error(`no tab for ${page.url()}`);
  return id;
}

const DEVTOOLS_URL = /DevTools listening on (ws:\/\/\S+)/;
const SPAWN_TIMEOUT_MS = 30_000;

export interface SpawnedChromium {
  /** The browser's DevTools endpoint. */
  wsUrl: string;
  /** Stops the browser and removes its profile (best effort: its helpers may still write there). */
  close(): Promise<void>;
}

/**
 * Chromium started directly (not by Playwright) with a DevTools endpoint and a profile of its
 * own, for what Playwright's launch cannot do: install an extension over the protocol, or run
 * with no debugger attached to its pages. `args` come after the endpoint and profile flags.
 */
export function spawnChromium(args: string[]): Promise<SpawnedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'qari-chromium-'));
  const proc = spawn(
    process.env.CHROME_PATH || '/usr/bin/chromium',
    ['--remote-debugging-port=0', `--user-data-dir=${profile}`, ...args],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LANGUAGE: 'ar' } },
  );
  const close = async (): Promise<void> => {
    if (proc.exitCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill();
      await exited;
    }
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    } catch {
      // left in the system's temporary directory
    }
  };
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('chromium did not start')), SPAWN_TIMEOUT_MS);
    proc.stderr?.on('data', (d: Buffer) => {
      seen += d.toString();
      const m = DEVTOOLS_URL.exec(seen);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ wsUrl: m[1], close });
      }
    });
    proc.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${seen.slice(-500)}`)));
  });
}
