/**
 * Links from an import file (or a synced entry) are fetched by the background: never on the
 * reader's own network (issue 14, item 4). The check runs before the request and again where
 * redirects ended, and the browser blocks every hop between with declarativeNetRequest rules
 * that agree with the check (the hops themselves: tests/e2e/hostile-network.e2e.test.ts);
 * IPv4 loopback is allowed only by the e2e harness's switch.
 */
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fetchAndExtract, LOOPBACK_SWITCH } from '@/lib/fetch/fetch-extract';
import { fetchHtml } from '@/lib/fetch/fetch-html';
import { PRIVATE_HOP_RULE_IDS, privateHopPatterns } from '@/lib/fetch/private-hop-rules';
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
  it('allows IPv4 loopback literals, and only those, behind the switch', () => {
    expect(isPublicWebUrl('http://127.0.0.1:4000/x', { loopback: true })).toBe(true);
    expect(isPublicWebUrl('http://127.0.0.2:4000/x', { loopback: true })).toBe(true);
    // The harness's private address: a loopback name stays the reader's own machine.
    expect(isPublicWebUrl('http://localhost/x', { loopback: true })).toBe(false);
    expect(isPublicWebUrl('http://[::1]/', { loopback: true })).toBe(false);
    expect(isPublicWebUrl('http://[::ffff:127.0.0.1]/', { loopback: true })).toBe(false);
    expect(isPublicWebUrl('http://192.168.1.1/', { loopback: true })).toBe(false);
    expect(isPublicWebUrl('http://printer.local/', { loopback: true })).toBe(false);
  });
});

function parses(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** Whether the hop guard's rules block `url`, as the browser matches them (on the parsed URL). */
function blockedByHopRules(url: string, loopback = false): boolean {
  const href = new URL(url).href;
  return privateHopPatterns({ loopback }).some((p) => new RegExp(p, 'i').test(href));
}

describe('the hop guard’s rules', () => {
  it.each(REFUSED)('block %s', (url) => {
    expect(blockedByHopRules(url)).toBe(true);
  });
  it.each(ALLOWED)('let %s through', (url) => {
    expect(blockedByHopRules(url)).toBe(false);
  });
  it('block behind a user name, with a port, a query, a fragment or a trailing dot', () => {
    for (const url of [
      'http://user:pw@10.1.2.3/',
      'http://192.168.0.1:8080',
      'http://169.254.169.254?x',
      'http://nas#top',
      'http://printer.local./',
    ])
      expect(blockedByHopRules(url), url).toBe(true);
  });
  it('agree with isPublicWebUrl on every IPv4 address, with the switch off and on', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), fc.boolean(), (ip, loopback) => {
        const url = `http://${ip.join('.')}/x`;
        expect(blockedByHopRules(url, loopback)).toBe(!isPublicWebUrl(url, { loopback }));
      }),
      { numRuns: 5000 },
    );
  });
  it('agree with isPublicWebUrl on host names', () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
    const suffix = fc.constantFrom('', 'com', 'net', 'local', 'localhost', 'lan', 'home.arpa');
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), suffix, (labels, end) => {
        const host = [...labels, ...(end ? [end] : [])].join('.');
        // A name ending in a number is an IPv4 spelling to the URL parser, covered above.
        fc.pre(!/(?:^|\.)(?:\d+|0x[0-9a-f]*)$/.test(host));
        const url = `https://${host}/x`;
        // A name the URL parser refuses (an `xn--` label that is not Punycode) is never requested.
        fc.pre(parses(url));
        expect(blockedByHopRules(url)).toBe(!isPublicWebUrl(url));
      }),
      { numRuns: 2000 },
    );
  });
  it('agree with isPublicWebUrl on a name the URL parser refuses: it is never public', () => {
    expect(parses('https://xn--a.0.localhost/x')).toBe(false);
    expect(isPublicWebUrl('https://xn--a.0.localhost/x')).toBe(false);
    expect(isPublicWebUrl('https://xn--a.example.com/x')).toBe(false);
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

  it('installs the hop guard before the first request, and follows the switch', async () => {
    const f = fakeFetch();
    const ids = async () =>
      (await fakeBrowser.declarativeNetRequest.getSessionRules()).map((r) => r.id);
    const patterns = async () =>
      (await fakeBrowser.declarativeNetRequest.getSessionRules()).map(
        (r) => r.condition.regexFilter,
      );
    await fetchAndExtract('https://news.example/a', { fetchImpl: f.impl });
    expect(await ids()).toEqual([...PRIVATE_HOP_RULE_IDS]);
    expect(await patterns()).toEqual(privateHopPatterns({ loopback: false }));
    await fakeBrowser.storage.local.set({ [LOOPBACK_SWITCH]: true });
    await fetchAndExtract('https://news.example/b', { fetchImpl: f.impl });
    expect(await patterns()).toEqual(privateHopPatterns({ loopback: true }));
    expect(f.asked).toEqual(['https://news.example/a', 'https://news.example/b']);
  });

  it('fetches nothing when the browser refuses the hop guard', async () => {
    const dnr = fakeBrowser.declarativeNetRequest;
    const real = dnr.updateSessionRules.bind(dnr);
    dnr.updateSessionRules = () => Promise.reject(new Error('regex too large'));
    try {
      // The other switch state, so the guard is installed again.
      await fakeBrowser.storage.local.set({ [LOOPBACK_SWITCH]: true });
      await fetchAndExtract('https://news.example/c');
      await fakeBrowser.storage.local.remove(LOOPBACK_SWITCH);
      const f = fakeFetch();
      expect(await fetchAndExtract('https://news.example/c', { fetchImpl: f.impl })).toMatchObject({
        ok: false,
        reason: 'network',
      });
      expect(f.asked).toEqual([]);
    } finally {
      dnr.updateSessionRules = real;
    }
  });
});
