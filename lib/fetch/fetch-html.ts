/**
 * Fetch a web page's HTML from the background, for pages the reader has no tab open on: without
 * cookies (a synced or imported link must not act as the reader's logged-in session), following
 * redirects, under a size cap and a timeout, only when the server says it is HTML, and only from
 * the public web (`lib/url/public-address.ts`): checked before the request and where redirects
 * ended. Script cannot see the hops between (a fetch with `redirect: 'manual'` gives an opaque
 * redirect with no Location); the browser itself blocks every hop to the reader's network under
 * the rules `private-hops.ts` installs, which fetch-extract.ts does before any fetch.
 */
import { isPublicWebUrl } from '../url/public-address';
import { decodeHtml } from './charset';

export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 20_000;

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const WEB_SCHEMES = new Set(['http:', 'https:']);
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';
// A server that sends no Content-Type still gets a chance if the bytes plainly start as HTML.
const HTML_START_RE = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body)\b/i;

/** Why a page could not be fetched; `http-404` and friends carry the status code. */
export type FetchFailure =
  | 'bad-url'
  | 'private-address'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'not-html'
  | 'too-large'
  | `http-${number}`;

export type FetchHtmlResult =
  | { ok: true; html: string; finalUrl: string; contentType: string }
  | { ok: false; reason: FetchFailure; detail?: string; finalUrl?: string };

export interface FetchHtmlOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
  /** The fetch to use (tests pass a fake); the global one by default. */
  fetchImpl?: typeof fetch;
  /** Allow loopback addresses: only the e2e harness's switch sets it (fetch-extract.ts). */
  loopback?: boolean;
}

/** The media type of a Content-Type header value, lower-cased, without parameters. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isHtmlType(contentType: string | null): boolean {
  return HTML_TYPES.has(mediaType(contentType));
}

function webUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return WEB_SCHEMES.has(u.protocol) ? u : null;
  } catch {
    return null;
  }
}

class TooLarge extends Error {}

/** Read a body to its end, giving up as soon as it passes `max` bytes. */
async function readCapped(res: Response, max: number): Promise<Uint8Array> {
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.byteLength > max) throw new TooLarge();
    return buf;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** One signal that fires on the caller's abort or on our timeout, and tells which it was. */
function deadline(signal: AbortSignal | undefined, timeoutMs: number) {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, timeoutMs);
  const onAbort = () => ctrl.abort();
  if (signal?.aborted) ctrl.abort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: ctrl.signal,
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

function sniffsAsHtml(bytes: Uint8Array): boolean {
  return HTML_START_RE.test(new TextDecoder('latin1').decode(bytes.subarray(0, 1024)));
}

/** Fetch a page and decode it; every failure is a typed reason, never an exception. */
export async function fetchHtml(
  url: string,
  opts: FetchHtmlOptions = {},
): Promise<FetchHtmlResult> {
  if (!webUrl(url)) return { ok: false, reason: 'bad-url' };
  const where = { loopback: opts.loopback === true };
  if (!isPublicWebUrl(url, where)) return { ok: false, reason: 'private-address' };
  if (opts.signal?.aborted) return { ok: false, reason: 'aborted' };
  const max = opts.maxBytes ?? MAX_PAGE_BYTES;
  const fetchImpl = opts.fetchImpl ?? fetch;
  const dl = deadline(opts.signal, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let finalUrl: string | undefined;
  try {
    const res = await fetchImpl(url, {
      credentials: 'omit',
      redirect: 'follow',
      headers: { Accept: ACCEPT },
      signal: dl.signal,
    });
    finalUrl = res.url || url;
    if (!webUrl(finalUrl)) return { ok: false, reason: 'bad-url', finalUrl };
    if (!isPublicWebUrl(finalUrl, where)) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'private-address', finalUrl };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `http-${res.status}`, finalUrl };
    }
    const contentType = res.headers.get('content-type');
    if (contentType && !isHtmlType(contentType)) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'not-html', detail: mediaType(contentType), finalUrl };
    }
    const length = Number(res.headers.get('content-length'));
    if (Number.isFinite(length) && length > max) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'too-large', finalUrl };
    }
    const bytes = await readCapped(res, max);
    if (!contentType && !sniffsAsHtml(bytes)) return { ok: false, reason: 'not-html', finalUrl };
    const html = decodeHtml(bytes, contentType);
    return { ok: true, html, finalUrl, contentType: contentType ?? 'text/html' };
  } catch (err) {
    if (err instanceof TooLarge) return { ok: false, reason: 'too-large', finalUrl };
    if (dl.timedOut()) return { ok: false, reason: 'timeout', finalUrl };
    if (opts.signal?.aborted) return { ok: false, reason: 'aborted', finalUrl };
    return { ok: false, reason: 'network', detail: String(err), finalUrl };
  } finally {
    dl.done();
  }
}
