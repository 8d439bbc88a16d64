/**
 * What a shared end-to-end scenario needs from a browser, so that one scenario's code runs in
 * Chromium (Playwright, ./chromium.ts) and in Firefox (Puppeteer over WebDriver BiDi,
 * ./firefox.ts). What differs between the browsers lives in those two files, not in the
 * scenarios: how the reader's frame is found, how a key or a click reaches it.
 */
import type { PageServer } from '../server';

export type BrowserName = 'chromium' | 'firefox';

/** A function run in a page or frame with one serializable argument. */
export type InPage<A, R> = (arg: A) => R | Promise<R>;

/** A page or frame a scenario can look into and act on. */
export interface Surface {
  evaluate<R, A = undefined>(fn: InPage<A, R>, arg?: A): Promise<R>;
  /** A trusted click at the middle of the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** Move the focus to the first element matching `selector`. */
  focus(selector: string): Promise<void>;
}

export interface Tab extends Surface {
  /** Load `url` (its DOM parsed). */
  goto(url: string): Promise<void>;
  /** A key pressed as a person does, to whatever has the focus (`Escape`, `j`, `Alt+ArrowUp`). */
  press(key: string): Promise<void>;
  /** A trusted click at page coordinates. */
  clickAt(x: number, y: number): Promise<void>;
  /** The page's reader button once it is there (and, where the browser says so, on screen). */
  readerButtonBox(): Promise<{ x: number; y: number; width: number; height: number }>;
  /** Click the page's reader button like a reader; the reader page's frame once it is there. */
  openReader(): Promise<Surface>;
  /** The reader page's frame in the overlay. */
  readerFrame(): Promise<Surface>;
  /** How many reader overlays the page has (0 or 1). */
  readerCount(): Promise<number>;
  /**
   * The address the overlay's frame was given (what a page that got hold of it would learn),
   * without its fragment: Chromium's is a per-session dynamic one.
   */
  readerAddress(): Promise<string>;
  /** Every frame in the page but the top one (the overlay's too). */
  frames(): Promise<Surface[]>;
  /** The field matching `selector` emptied, then `text` put in as a reader enters it. */
  fill(selector: string, text: string): Promise<void>;
  /** `file` chosen in the file input matching `selector`, as from the file picker. */
  upload(selector: string, file: { name: string; text: string }): Promise<void>;
  /** A click on `selector` that opens a new tab: that tab, its DOM parsed. */
  clickOpeningTab(selector: string): Promise<Tab>;
  /** A click on `selector` that asks for a permission, the browser's prompt answered «Allow». */
  clickGranting(selector: string): Promise<void>;
  /** The file a click on `selector` makes the browser download: its name and text. */
  download(selector: string): Promise<{ name: string; text: string }>;
  /** A screenshot of the tab saved at `path`. */
  screenshot(path: string): Promise<void>;
  /** The same click with the prompt dismissed, where the test can reach the prompt (Chromium). */
  clickRefusing?: (selector: string) => Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  browser: BrowserName;
  /** The test server the browser's pages come from. */
  readonly server: PageServer;
  /** An address on the test server. */
  url(path: string): string;
  /** Serve `html` at `path` on the test server; its address. */
  serve(path: string, html: string): string;
  newTab(viewport?: { width: number; height: number }): Promise<Tab>;
  /** Run `fn` in a fresh extension page at `path` (e.g. `import.html`), then close it. */
  inExtensionPage<R, A = undefined>(path: string, fn: InPage<A, R>, arg?: A): Promise<R>;
  /** A tab showing the extension page `path` (e.g. `popup.html`), left open. */
  extensionTab(path: string): Promise<Tab>;
  /**
   * The browser closed and started again over the same profile (its tabs are gone); absent where
   * the fixture keeps no profile (Firefox's temporary add-on goes with its browser).
   */
  restart?: () => Promise<void>;
  /**
   * `servers` out of the browser's reach: what is saved must open without them. The function
   * gives them back where the browser can (Chromium's offline switch); Firefox's BiDi has none,
   * so there they are closed for good (extension pages opened later need them: open them first).
   */
  offline(servers: PageServer[]): Promise<() => Promise<void>>;
  /** The addresses of the extension's offscreen documents, where the browser has them (Chromium). */
  offscreenDocuments?: () => Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A selector for the first element matching `selector` whose text or accessible label contains
 * `text`, once there is one (marked with an attribute so every browser's click can find it).
 */
export async function byText(
  where: Surface,
  selector: string,
  text: string,
  timeout = 15_000,
): Promise<string> {
  const mark = `qari-e2e-${Math.random().toString(36).slice(2)}`;
  await until(
    `${selector} saying "${text}"`,
    () =>
      where.evaluate(
        ([sel, t, m]) => {
          const el = [...document.querySelectorAll(sel)].find(
            (e) => e.textContent?.includes(t) || e.getAttribute('aria-label')?.includes(t),
          );
          el?.setAttribute('data-e2e', m);
          return !!el;
        },
        [selector, text, mark] as const,
      ),
    true,
    timeout,
  );
  return `[data-e2e="${mark}"]`;
}

/** Wait until `selector` matches in `where`; fail naming it. */
export function waitFor(where: Surface, selector: string, timeout = 15_000): Promise<void> {
  return until(
    selector,
    () => where.evaluate((sel) => !!document.querySelector(sel), selector),
    true,
    timeout,
  );
}

/** Poll `check` until it returns `want`; fail naming `what` (with the last value) after `timeout`. */
export async function until<T>(
  what: string,
  check: () => Promise<T>,
  want: T,
  timeout = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await check().catch((e: unknown) => `error: ${String(e)}`);
    if (JSON.stringify(last) === JSON.stringify(want)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `timed out after ${timeout} ms waiting for ${what} to be ${JSON.stringify(want)} (last: ${JSON.stringify(last)})`,
  );
}

/**
 * The driver `start` makes before the file's tests, closed after them: the getter the scenarios
 * take (a scenario's tests are registered before the browser starts).
 */
export function driven(start: () => Promise<Driver>): () => Driver {
  let d: Driver | undefined;
  beforeAll(async () => {
    d = await start();
  });
  afterAll(async () => {
    await d?.close();
  });
  return () => {
    if (!d) throw new Error('the browser did not start');
    return d;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
