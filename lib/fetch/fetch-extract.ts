/**
 * Fetch a page from the background and extract its article with the same `extract()` code the
 * reader uses: for an entry synced from another browser (its body never syncs) and for imported
 * links. The page is parsed where DOMParser exists: Firefox's background page directly, Chrome's
 * service worker through an offscreen document.
 */
import browser from 'webextension-polyfill';
import type { Article, ExtractFailure } from '../article';
import { extractHtml } from './extract-html';
import { fetchHtml, type FetchFailure } from './fetch-html';
import { extractOffscreen } from './offscreen-parser';
import { guardPrivateHops } from './private-hops';

export { MAX_PAGE_BYTES, DEFAULT_TIMEOUT_MS } from './fetch-html';

/** Every reason a fetch-and-extract can fail: the fetch's (`http-404`, `timeout`, …) or extraction's. */
export type FetchExtractFailure = FetchFailure | ExtractFailure;

export type FetchExtractResult =
  | { ok: true; article: Article; timings: { extractMs: number }; finalUrl?: string }
  | { ok: false; reason: FetchExtractFailure; detail?: string; finalUrl?: string };

export interface FetchExtractOptions {
  signal?: AbortSignal;
  /** Time allowed for the fetch, body included (20 s by default). */
  timeoutMs?: number;
  /** The fetch to use (tests pass a fake). */
  fetchImpl?: typeof fetch;
}

/**
 * The e2e harness serves its pages on 127.0.0.1, which fetches refuse: it sets this key from the
 * extension's worker to let loopback through. Extension storage is out of reach of web pages and
 * import files (a backup restores entries, never settings), and the key is unset in a browser
 * nobody tests in. Local, not session storage: the harness restarts the browser mid-import, and
 * the worker resumes the queue before anyone could set a session key again.
 */
export const LOOPBACK_SWITCH = 'qari:e2e:fetch-loopback';

export async function loopbackAllowed(): Promise<boolean> {
  try {
    const got = await browser.storage.local.get(LOOPBACK_SWITCH);
    return got[LOOPBACK_SWITCH] === true;
  } catch {
    return false;
  }
}

/** Extraction runs here when this context can parse HTML (Firefox background page, tests). */
function extractHere(html: string, url: string) {
  return typeof DOMParser === 'function'
    ? Promise.resolve(extractHtml(html, url))
    : extractOffscreen(html, url);
}

/**
 * Fetch `url` without cookies and extract its article. Never throws; every failure is a reason.
 * `finalUrl` is where redirects ended, which is also the URL the article carries. Nothing is
 * requested until the browser holds the rules that block every redirect hop to the reader's own
 * network (private-hops.ts); a browser that refuses them fetches nothing.
 */
export async function fetchAndExtract(
  url: string,
  opts: FetchExtractOptions = {},
): Promise<FetchExtractResult> {
  const loopback = await loopbackAllowed();
  if (!(await guardPrivateHops({ loopback })))
    return { ok: false, reason: 'network', detail: 'no-hop-guard' };
  const page = await fetchHtml(url, { ...opts, loopback });
  if (!page.ok) return page;
  if (opts.signal?.aborted) return { ok: false, reason: 'aborted', finalUrl: page.finalUrl };
  const result = await extractHere(page.html, page.finalUrl);
  return { ...result, finalUrl: page.finalUrl };
}
