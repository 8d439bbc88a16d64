/**
 * What a shared end-to-end scenario needs from a browser, so that one scenario's code runs in
 * Chromium (Playwright, ./chromium.ts) and in Firefox (Puppeteer over WebDriver BiDi,
 * ./firefox.ts). What differs between the browsers lives in those two files, not in the
 * scenarios: how the reader's frame is found, how a key or a click reaches it.
 */
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
  close(): Promise<void>;
}

export interface Driver {
  browser: BrowserName;
  /** An address on the test server. */
  url(path: string): string;
  /** Serve `html` at `path` on the test server; its address. */
  serve(path: string, html: string): string;
  newTab(viewport?: { width: number; height: number }): Promise<Tab>;
  /** Run `fn` in a fresh extension page at `path` (e.g. `import.html`), then close it. */
  inExtensionPage<R, A = undefined>(path: string, fn: InPage<A, R>, arg?: A): Promise<R>;
  close(): Promise<void>;
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

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
