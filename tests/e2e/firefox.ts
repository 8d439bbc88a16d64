/**
 * End-to-end fixture for Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver
 * BiDi, with the built extension (.output/firefox-mv2) installed as a temporary add-on, the same
 * loopback server as the Chromium fixture, and every request that is not to loopback refused.
 *
 * How the network is closed: the profile sends every request through a proxy at 127.0.0.1:9
 * (the discard port, where nothing listens), except loopback, which Firefox never proxies; so
 * any other host fails at connect, for pages, the background page and Firefox's own services
 * alike, and no name is ever resolved (DNS goes to the proxy, and DNS over HTTPS is off).
 */
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SHARED_DIR } from './fixtures';
import { startServer, type PageServer } from './server';

export const FIREFOX_EXTENSION_DIR =
  process.env.QARI_FIREFOX_EXTENSION_DIR || join(ROOT, '.output/firefox-mv2');
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

// The add-on id from wxt.config.ts, and the internal UUID pinned for it so that its pages have a
// known moz-extension:// origin (Firefox picks a random one per profile otherwise).
const ADDON_ID = 'qari@example.org';
const ADDON_UUID = 'a7c3e1f0-5b1d-4c2e-9f7a-0d1e2c3b4a50';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

// Nothing listens on the discard port: a proxied request fails at once.
const DEAD_PROXY = { host: '127.0.0.1', port: 9 };

const DEBUG = !!process.env.QARI_FIREFOX_DEBUG;
const DEBUG_PREFS = {
  'browser.dom.window.dump.enabled': true,
  'devtools.console.stdout.chrome': true,
  'devtools.console.stdout.content': true,
};

/** The prefs that keep the profile off the network but for loopback. */
export const OFFLINE_PREFS: Record<string, unknown> = {
  'network.proxy.type': 1,
  'network.proxy.http': DEAD_PROXY.host,
  'network.proxy.http_port': DEAD_PROXY.port,
  'network.proxy.ssl': DEAD_PROXY.host,
  'network.proxy.ssl_port': DEAD_PROXY.port,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': '127.0.0.0/8',
  'network.proxy.allow_hijacking_localhost': false,
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.safebrowsing.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'browser.region.update.enabled': false,
};

const downloadPrefs = (dir: string): Record<string, unknown> => ({
  'browser.download.dir': dir,
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.alwaysOpenPanel': false,
  'browser.download.start_downloads_in_tmp_dir': false,
});

export interface FirefoxOptions {
  /** The browser's UI language (and so the extension's i18n): 'ar' or 'en'. */
  locale?: string;
  server?: PageServer;
  viewport?: { width: number; height: number };
  /** Where downloads go, without asking. */
  downloadDir?: string;
  /** false opens a window on the display (for keys and clicks that go to the browser itself). */
  headless?: boolean;
  /** More preferences for the profile. */
  prefs?: Record<string, unknown>;
  /**
   * Let the background fetch pages from the loopback server (synced entries' bodies, imported
   * links): the switch lib/fetch/fetch-extract.ts reads, which the Chromium fixture sets always.
   * Off by default here: setting it costs an extension page at launch.
   */
  fetchLoopback?: boolean;
}

// The switch lib/fetch/fetch-extract.ts reads; only an extension context can set it.
const LOOPBACK_SWITCH = 'qari:e2e:fetch-loopback';

export interface FirefoxLaunched {
  browser: Browser;
  server: PageServer;
  /** A new tab. */
  newPage(): Promise<Page>;
  /** A new tab showing an extension page such as `popup.html`. */
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxLaunched> {
  const server =
    opts.server ??
    (await startServer([
      { prefix: '/pages/', dir: join(ROOT, 'tests/pages') },
      { prefix: '/shared/', dir: SHARED_DIR },
    ]));
  const profile = mkdtempSync(join(tmpdir(), 'qari-firefox-'));
  const locale = opts.locale ?? 'ar';
  const viewport = opts.viewport ?? { width: 1280, height: 900 };
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: opts.headless ?? true,
      userDataDir: profile,
      defaultViewport: viewport,
      // QARI_FIREFOX_DEBUG=1 shows the browser's output, the extension's consoles and dump() calls.
      dumpio: DEBUG,
      extraPrefsFirefox: {
        ...OFFLINE_PREFS,
        'intl.locale.requested': locale,
        'intl.accept_languages': locale,
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
        ...(opts.downloadDir ? downloadPrefs(opts.downloadDir) : {}),
        ...(DEBUG ? DEBUG_PREFS : {}),
        ...opts.prefs,
      },
    });
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (e) {
    await browser?.close().catch(() => undefined);
    if (!opts.server) await server.close();
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const b = browser;
  const launched: FirefoxLaunched = {
    browser: b,
    server,
    newPage: () => b.newPage(),
    async extensionPage(path: string) {
      // WebDriver BiDi may not navigate a tab to moz-extension:// itself, nor report such a
      // navigation; a web page may open a web-accessible page of ours (reader.html) at the top,
      // which may then go to any other.
      const page = await b.newPage();
      await page.goto(server.url('/pages/'), { waitUntil: 'domcontentloaded' });
      await goWithin(page, (url) => location.assign(url), 'reader.html');
      await goWithin(page, (url) => location.replace(url), path);
      return page;
    },
    async close() {
      await closeBrowser(b);
      if (!opts.server) await server.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
  if (opts.fetchLoopback) {
    const page = await launched.extensionPage('options.html');
    await page.evaluate(
      (key) =>
        (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({
          [key]: true,
        }),
      LOOPBACK_SWITCH,
    );
    await page.close();
  }
  return launched;
}

/** Navigate from within the page to the extension page `path`; wait until it is there. */
async function goWithin(page: Page, go: (url: string) => void, path: string): Promise<void> {
  const url = `${EXTENSION_ORIGIN}/${path}`;
  await page.evaluate(go, url);
  await until(`the tab to show ${path}`, () =>
    page.evaluate((u) => location.href === u && document.readyState !== 'loading', url),
  );
}

/**
 * Load `url` in the tab. Firefox's BiDi fails a navigation with "Address rejected" when a frame
 * inside the page gets an error page (a news page's iframe to another host, refused by the dead
 * proxy) although the page itself loaded: that error counts only if the tab is not at `url`.
 */
export async function visit(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
  } catch (e) {
    if (!String(e).includes('Address rejected')) throw e;
    await until(`${url} to load (its navigation said: ${String(e).slice(0, 120)})`, () =>
      page.evaluate((u) => location.href === u && document.readyState !== 'loading', url),
    );
  }
}

/** Close the browser; if it does not answer, kill its process so none is left running. */
async function closeBrowser(browser: Browser): Promise<void> {
  const proc = browser.process();
  await Promise.race([
    browser.close(),
    new Promise((resolve) => setTimeout(resolve, 15_000)),
  ]).catch(() => undefined);
  if (proc && proc.exitCode === null) proc.kill('SIGKILL');
}

// The extension's host elements at the page's root (lib/page/host.ts), as in ./reader-helpers.ts.
export const READER_HOST = ':root > div:has(> style)';
export const BUTTON_HOST = ':root > div:not(:has(> style))';

/** Poll `check` until it returns a truthy value; fail naming `what` after `timeout` ms. */
export async function until<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v) return v as T;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `timed out after ${timeout} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`,
  );
}

/**
 * Click the page's reader-mode button like a reader: a trusted click at its position. The button
 * takes clicks once the browser has first said it is on screen (lib/page/button.ts), which a test
 * cannot see from outside its closed shadow root: a click that opened nothing is made again, as a
 * reader would, at most three times.
 */
export async function openReaderFromButton(page: Page): Promise<void> {
  const host = await page.waitForSelector(BUTTON_HOST, { timeout: 15_000 });
  for (let attempt = 1; ; attempt++) {
    const box = await until('the reader button to have a box', () => host!.boundingBox());
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const opened = await page
      .waitForSelector(READER_HOST, { timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (opened) return;
    if (attempt === 3) throw new Error('three clicks on the reader button opened no reader');
  }
}

/**
 * The reader page's frame in the overlay. Firefox's BiDi reports an extension frame's address as
 * about:blank, so the frame is found by asking each one where it is.
 */
export function readerFrame(page: Page): Promise<Frame> {
  return until('the reader frame', async () => {
    for (const f of page.frames().slice(1)) {
      const href = await f.evaluate(() => location.href).catch(() => '');
      if (href.includes('/reader.html')) return f;
    }
    return undefined;
  });
}

/** The first element matching `selector` whose text or accessible label contains `text`. */
export function byText(
  where: Page | Frame,
  selector: string,
  text: string,
): Promise<ElementHandle<Element>> {
  return until(`${selector} saying "${text}"`, async () => {
    const handle = await where.evaluateHandle(
      (sel, t) =>
        [...document.querySelectorAll(sel)].find(
          (el) => el.textContent?.includes(t) || el.getAttribute('aria-label')?.includes(t),
        ) ?? null,
      selector,
      text,
    );
    const el = handle.asElement() as ElementHandle<Element> | null;
    if (!el) await handle.dispose();
    return el;
  });
}
