/**
 * Links from an import file (or a synced entry) are fetched by the background: never on the
 * reader's own network (issue 14, item 4). The check runs before the request and again where
 * redirects ended; loopback is allowed only by the e2e harness's switch.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fetchAndExtract, LOOPBACK_SWITCH } from '@/lib/fetch/fetch-extract';
import { fetchHtml } from '@/lib/fetch/fetch-html';
import { isPublicWebUrl } from '@/lib/url/public-address';

const PAGE = '<!doctype html><html><head><title>t</title></head><body><p>نص</p></body></html>';

/** A fetch answering `PAGE` as if it had been redirected to `finalUrl`; records each request. */
function fakeFetch(finalUrl?: string) {
  const asked: string[] = [];
  const impl = (async (url: string) => {
    asked.push(url);
    const res = new Response(PAGE, { headers: { 'content-type': 'text/html' } });
    Object.defineProperty(res, 'url', { value: finalUrl ?? url });
    Object.defineProperty(res, 'redirected', { value: finalUrl !== undefined });
    return res;
  }) as unknown as typeof fetch;
  return { impl, asked };
}

const REFUSED = [
  'http://127.0.0.1/admin/reboot?confirm=1',
  'http://127.1/',
  'http://2130706433/',
  'http://0x7f.1/',
  'http://0177.0.0.1/',
  'http://localhost:8080/',
  'http://router.localhost/',
  'http://printer.local/',
  'http://LOCALHOST./',
  'http://nas/',
  'http://10.0.0.1/',
  'http://172.16.5.4/',
  'http://172.31.255.255/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
  'http://169.254.169.254/latest/meta-data/',
  'http://0.0.0.0/',
  'http://[::]/',
  'http://[::1]/',
  'http://[fc00::1]/',
  'http://[fd12:3456::1]/',
  'http://[fe80::1]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:192.168.0.1]/',
  'http://[::127.0.0.1]/',
  'http://[64:ff9b::10.0.0.1]/',
  'http://224.0.0.1/',
];
const ALLOWED = [
  'https://www.aljazeera.net/news/1',
  'http://8.8.8.8/',
  'http://172.32.0.1/',
  'http://100.128.0.1/',
  'http://[2606:4700::1111]/',
  'https://local.example.com/',
  'https://localhost.example.com/',
];

describe('isPublicWebUrl', () => {
  it.each(REFUSED)('refuses %s', (url) => {
    expect(isPublicWebUrl(url)).toBe(false);
  });
  it.each(ALLOWED)('allows %s', (url) => {
    expect(isPublicWebUrl(url)).toBe(true);
  });
  it('allows loopback, and only loopback, behind the switch', () => {
    expect(isPublicWebUrl('http://127.0.0.1:4000/x', { loopback: true })).toBe(true);
    expect(isPublicWebUrl('http://localhost/x', { loopback: true })).toBe(true);
    expect(isPublicWebUrl('http://[::1]/', { loopback: true })).toBe(true);
    expect(isPublicWebUrl('http://192.168.1.1/', { loopback: true })).toBe(false);
    expect(isPublicWebUrl('http://printer.local/', { loopback: true })).toBe(false);
  });
});

describe('fetchHtml', () => {
  it.each(REFUSED.slice(0, 8))('never requests %s', async (url) => {
    const f = fakeFetch();
    expect(await fetchHtml(url, { fetchImpl: f.impl })).toMatchObject({
      ok: false,
      reason: 'private-address',
    });
    expect(f.asked).toEqual([]);
  });

  it('refuses a public link that redirects to the reader’s network, keeping nothing of it', async () => {
    const f = fakeFetch('http://127.0.0.1/admin/reboot?confirm=1');
    const res = await fetchHtml('https://short.example/x', { fetchImpl: f.impl });
    expect(res).toMatchObject({ ok: false, reason: 'private-address' });
    expect('html' in res).toBe(false);
  });

  it('fetches loopback only with the switch on', async () => {
    const f = fakeFetch();
    const res = await fetchHtml('http://127.0.0.1:4000/p', { fetchImpl: f.impl, loopback: true });
    expect(res.ok).toBe(true);
  });
});

describe('fetchAndExtract', () => {
  beforeEach(() => fakeBrowser.reset());

  it('refuses loopback unless the harness set its switch in extension storage', async () => {
    const url = 'http://127.0.0.1:4000/page';
    const f = fakeFetch();
    expect(await fetchAndExtract(url, { fetchImpl: f.impl })).toMatchObject({
      ok: false,
      reason: 'private-address',
    });
    expect(f.asked).toEqual([]);
    await fakeBrowser.storage.local.set({ [LOOPBACK_SWITCH]: true });
    await fetchAndExtract(url, { fetchImpl: f.impl });
    expect(f.asked).toEqual([url]);
  });
});
