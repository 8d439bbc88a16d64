import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchAndExtract } from '@/lib/fetch/fetch-extract';
import {
  charsetFromContentType,
  charsetFromMeta,
  decodeHtml,
  pickCharset,
} from '@/lib/fetch/charset';
import { fetchHtml, isHtmlType } from '@/lib/fetch/fetch-html';
import { isExtractResult, isOffscreenExtractRequest } from '@/lib/fetch/offscreen-protocol';
import { patchHappyDomForDOMPurify } from './happy-dom-dompurify';

const SHARED = path.resolve(__dirname, '../../../shared');
const SEED = readFileSync(path.join(SHARED, 'fixtures/seed-article.html'), 'utf8');
const URL_A = 'https://news.example/world/a/';
const ARABIC = 'وزير الخارجية الروسي يصل إلى كوريا الشمالية';

/** Encode text as windows-1256 (TextEncoder only does UTF-8) by inverting the platform decoder. */
function encode1256(text: string): Uint8Array {
  const dec = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
  return Uint8Array.from(Array.from(text), (ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`not in windows-1256: ${ch}`);
    return b;
  });
}

interface FakeOpts {
  status?: number;
  headers?: Record<string, string>;
  url?: string;
  chunks?: number;
}

/** A fetch that answers with the given bytes, recording how it was called. */
function fakeFetch(body: Uint8Array | string, opts: FakeOpts = {}) {
  const calls: RequestInit[] = [];
  let pulled = 0;
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const impl = (async (_url: string, init: RequestInit) => {
    calls.push(init);
    const parts = opts.chunks ?? 1;
    const size = Math.ceil(bytes.byteLength / parts) || 1;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        const at = pulled * size;
        if (at >= bytes.byteLength) return ctrl.close();
        pulled++;
        ctrl.enqueue(bytes.slice(at, at + size));
      },
    });
    const res = new Response(stream, { status: opts.status ?? 200, headers: opts.headers });
    if (opts.url) Object.defineProperty(res, 'url', { value: opts.url });
    return res;
  }) as unknown as typeof fetch;
  return { impl, calls, pulled: () => pulled };
}

/** A fetch that never answers until aborted. */
const hangingFetch = ((_url: string, init: RequestInit) =>
  new Promise((_, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  })) as unknown as typeof fetch;

describe('charset', () => {
  it('reads the HTTP charset parameter', () => {
    expect(charsetFromContentType('text/html; charset=Windows-1256')).toBe('windows-1256');
    expect(charsetFromContentType('text/html;charset="utf-8"')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBeNull();
  });

  it('finds <meta charset> and the http-equiv form', () => {
    const a = new TextEncoder().encode('<html><head><meta charset="windows-1256">');
    const b = new TextEncoder().encode(
      '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256" />',
    );
    expect(charsetFromMeta(a)).toBe('windows-1256');
    expect(charsetFromMeta(b)).toBe('windows-1256');
    expect(charsetFromMeta(new TextEncoder().encode('<p>charset</p>'))).toBeNull();
  });

  it('prefers the HTTP header over <meta>, and ignores labels it does not know', () => {
    const meta = new TextEncoder().encode('<meta charset="windows-1256">');
    expect(pickCharset(meta, 'text/html; charset=utf-8')).toBe('utf-8');
    expect(pickCharset(meta, 'text/html; charset=no-such-thing')).toBe('windows-1256');
    expect(pickCharset(new Uint8Array(), null)).toBe('utf-8');
  });

  it('lets a byte order mark win', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]);
    expect(pickCharset(bom, 'text/html; charset=windows-1256')).toBe('utf-8');
  });

  it('decodes a windows-1256 page declared only in <meta>', () => {
    const head = new TextEncoder().encode('<html><head><meta charset="windows-1256"></head><p>');
    const bytes = new Uint8Array([...head, ...encode1256(ARABIC)]);
    expect(decodeHtml(bytes, 'text/html')).toContain(ARABIC);
    // The same bytes read as UTF-8 would not be the text (why sniffing matters).
    expect(new TextDecoder().decode(bytes)).not.toContain(ARABIC);
  });
});

describe('fetchHtml', () => {
  it('fetches without cookies, following redirects, and reports the final URL', async () => {
    const f = fakeFetch('<html><body>x</body></html>', {
      headers: { 'content-type': 'text/html; charset=utf-8' },
      url: 'https://news.example/final',
    });
    const res = await fetchHtml(URL_A, { fetchImpl: f.impl });
    expect(res).toMatchObject({ ok: true, finalUrl: 'https://news.example/final' });
    expect(f.calls[0]).toMatchObject({ credentials: 'omit', redirect: 'follow' });
  });

  it('decodes by the HTTP charset', async () => {
    const f = fakeFetch(encode1256(ARABIC), {
      headers: { 'content-type': 'text/html; charset=windows-1256' },
    });
    const res = await fetchHtml(URL_A, { fetchImpl: f.impl });
    expect(res.ok && res.html).toBe(ARABIC);
  });

  it('types HTTP errors with their status', async () => {
    const f = fakeFetch('gone', { status: 404, headers: { 'content-type': 'text/html' } });
    expect(await fetchHtml(URL_A, { fetchImpl: f.impl })).toMatchObject({
      ok: false,
      reason: 'http-404',
    });
  });

  it('refuses what is not HTML', async () => {
    expect(isHtmlType('application/xhtml+xml; charset=utf-8')).toBe(true);
    expect(isHtmlType('application/pdf')).toBe(false);
    const pdf = fakeFetch('%PDF-1.4', { headers: { 'content-type': 'application/pdf' } });
    expect(await fetchHtml(URL_A, { fetchImpl: pdf.impl })).toMatchObject({
      ok: false,
      reason: 'not-html',
    });
    const untyped = fakeFetch('{"a":1}');
    expect(await fetchHtml(URL_A, { fetchImpl: untyped.impl })).toMatchObject({
      ok: false,
      reason: 'not-html',
    });
    const untypedHtml = fakeFetch('<!DOCTYPE html><html><body>ok</body></html>');
    expect((await fetchHtml(URL_A, { fetchImpl: untypedHtml.impl })).ok).toBe(true);
  });

  it('stops reading a body past the size cap', async () => {
    const big = new Uint8Array(10_000).fill(0x61);
    const f = fakeFetch(big, { headers: { 'content-type': 'text/html' }, chunks: 10 });
    const res = await fetchHtml(URL_A, { fetchImpl: f.impl, maxBytes: 2_500 });
    expect(res).toMatchObject({ ok: false, reason: 'too-large' });
    expect(f.pulled()).toBeLessThan(10);
    const fits = fakeFetch(big, { headers: { 'content-type': 'text/html' }, chunks: 10 });
    expect((await fetchHtml(URL_A, { fetchImpl: fits.impl, maxBytes: 10_000 })).ok).toBe(true);
  });

  it('trusts a Content-Length over the cap without reading', async () => {
    const f = fakeFetch('<html></html>', {
      headers: { 'content-type': 'text/html', 'content-length': '99999999' },
    });
    expect(await fetchHtml(URL_A, { fetchImpl: f.impl })).toMatchObject({ reason: 'too-large' });
  });

  it('times out, and tells a timeout from the caller aborting', async () => {
    expect(await fetchHtml(URL_A, { fetchImpl: hangingFetch, timeoutMs: 20 })).toMatchObject({
      ok: false,
      reason: 'timeout',
    });
    const ctrl = new AbortController();
    const pending = fetchHtml(URL_A, { fetchImpl: hangingFetch, signal: ctrl.signal });
    ctrl.abort();
    expect(await pending).toMatchObject({ ok: false, reason: 'aborted' });
  });

  it('refuses URLs that are not http(s) without fetching', async () => {
    const f = fakeFetch('<html></html>', { headers: { 'content-type': 'text/html' } });
    for (const u of ['file:///etc/passwd', 'javascript:alert(1)', 'not a url'])
      expect(await fetchHtml(u, { fetchImpl: f.impl })).toMatchObject({ reason: 'bad-url' });
    expect(f.calls).toHaveLength(0);
  });

  it('reports a network failure as such', async () => {
    const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await fetchHtml(URL_A, { fetchImpl: failing })).toMatchObject({ reason: 'network' });
  });
});

describe('fetchAndExtract', () => {
  beforeAll(() => patchHappyDomForDOMPurify(window));

  it('extracts the fetched page with the extraction code, at its final URL', async () => {
    const realFetch = globalThis.fetch;
    const f = fakeFetch(SEED, {
      headers: { 'content-type': 'text/html; charset=utf-8' },
      url: 'https://news.example/world/lavrov-kim-wonsan/',
    });
    globalThis.fetch = f.impl;
    try {
      const res = await fetchAndExtract('https://news.example/short');
      expect(res.ok).toBe(true);
      if (!res.ok) return;
      expect(res.finalUrl).toBe('https://news.example/world/lavrov-kim-wonsan/');
      expect(res.article.url).toBe('https://news.example/world/lavrov-kim-wonsan/');
      expect(res.article.lang).toBe('ar');
      expect(res.article.text.length).toBeGreaterThan(200);
      expect(isExtractResult(res)).toBe(true);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('passes fetch failures through as reasons', async () => {
    const realFetch = globalThis.fetch;
    globalThis.fetch = fakeFetch('x', {
      status: 500,
      headers: { 'content-type': 'text/html' },
    }).impl;
    try {
      expect(await fetchAndExtract(URL_A)).toMatchObject({ ok: false, reason: 'http-500' });
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('offscreen protocol guards', () => {
  const req = { target: 'qari-offscreen', type: 'offscreen:extract', html: '<p>', url: URL_A };

  it('accepts a well-formed request and refuses others', () => {
    expect(isOffscreenExtractRequest(req)).toBe(true);
    expect(isOffscreenExtractRequest({ ...req, url: 'javascript:alert(1)' })).toBe(false);
    expect(isOffscreenExtractRequest({ ...req, target: 'else' })).toBe(false);
    expect(isOffscreenExtractRequest({ ...req, html: 5 })).toBe(false);
    expect(isOffscreenExtractRequest({ type: 'library:saveTab', payload: { tabId: 1 } })).toBe(
      false,
    );
  });

  it('checks answers from the offscreen document', () => {
    expect(isExtractResult({ ok: false, reason: 'no-content' })).toBe(true);
    expect(isExtractResult({ ok: false, reason: 'made-up' })).toBe(false);
    expect(isExtractResult({ ok: true, article: { title: 1 }, timings: {} })).toBe(false);
    expect(isExtractResult(null)).toBe(false);
  });
});
