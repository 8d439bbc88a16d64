/**
 * Whether a URL the background is asked to fetch (an imported link, a synced entry's page) is
 * on the public web, not on the reader's own machine or network: loopback, private ranges
 * (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local (169.254/16, fe80::/10, where
 * cloud metadata lives), unspecified, multicast and reserved addresses, IPv4 inside IPv6, and
 * names that only mean something locally (`localhost`, `.local`, a single label like `router`).
 *
 * Numeric spellings (`2130706433`, `0x7f.1`, `0177.0.0.1`) need no rule of their own: the URL
 * parser writes every IPv4 host as four decimal numbers. A public name that resolves to a
 * private address cannot be caught here: extensions have no DNS lookup (README, known limits).
 */

const WEB_SCHEMES = new Set(['http:', 'https:']);
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const LOCAL_NAME = /(?:^|\.)(?:localhost|local|internal|home\.arpa|localdomain|lan)$/;

/** [first address, prefix length] of IPv4 ranges that are not the public internet. */
const PRIVATE_V4: ReadonlyArray<readonly [number, number]> = [
  [0x00000000, 8], // "this network", 0.0.0.0
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10, carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local, cloud metadata
  [0xac100000, 12], // 172.16/12
  [0xc0000000, 24], // IETF protocol assignments
  [0xc0a80000, 16], // 192.168/16
  [0xc6120000, 15], // benchmarking
  [0xe0000000, 4], // multicast
  [0xf0000000, 4], // reserved, broadcast
];
const LOOPBACK_V4: readonly [number, number] = [0x7f000000, 8];

export interface AddressOptions {
  /**
   * Allow IPv4 loopback literals (127/8): the e2e harness's pages are served there. Loopback
   * names (`localhost`) and IPv6 loopback stay private, so the harness has a private address to
   * attack with (tests/e2e/hostile-network.e2e.test.ts); the hop guard's rules agree
   * (lib/fetch/private-hops.ts).
   */
  loopback?: boolean;
}

const inRange = (ip: number, [base, bits]: readonly [number, number]): boolean =>
  bits === 0 || ip >>> (32 - bits) === base >>> (32 - bits);

function v4Number(host: string): number | null {
  const m = IPV4.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** The eight 16-bit groups of an IPv6 address (as the URL parser writes it), or null. */
function v6Groups(host: string): number[] | null {
  if (!host.startsWith('[') || !host.endsWith(']')) return null;
  let body = host.slice(1, -1);
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (v4Tail) {
    const n = v4Number(v4Tail[1]!);
    if (n === null) return null;
    body = `${body.slice(0, -v4Tail[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = body.split('::');
  const parse = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const a = parse(head);
  const b = parse(tail);
  const fill = body.includes('::') ? 8 - a.length - b.length : 0;
  const groups = [...a, ...Array<number>(fill).fill(0), ...b];
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/** The IPv4 address carried inside an IPv6 one (mapped, compatible, NAT64), or null. */
function embeddedV4(g: number[]): number | null {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const low = ((g[6]! << 16) | g[7]!) >>> 0;
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0)) return low;
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return low;
  return null;
}

function isPrivateV4(ip: number, opts: AddressOptions): boolean {
  if (opts.loopback && inRange(ip, LOOPBACK_V4)) return false;
  return PRIVATE_V4.some((r) => inRange(ip, r));
}

function isPrivateV6(g: number[]): boolean {
  const v4 = embeddedV4(g);
  const unspecifiedOrLoopback = g.slice(0, 7).every((x) => x === 0) && g[7]! <= 1;
  if (unspecifiedOrLoopback) return true;
  if (v4 !== null) return isPrivateV4(v4, {});
  const first = g[0]!;
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xffc0) === 0xfec0 || // site-local (deprecated) fec0::/10
    (first & 0xff00) === 0xff00 // multicast
  );
}

function isPrivateName(host: string): boolean {
  // A single label (`router`, `nas`) is found through the local network's search domain.
  return !host.includes('.') || LOCAL_NAME.test(host);
}

/** Whether `url` is an http(s) URL whose host is on the public internet, as far as its name says. */
export function isPublicWebUrl(url: string | URL, opts: AddressOptions = {}): boolean {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  if (!WEB_SCHEMES.has(u.protocol)) return false;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  const v4 = v4Number(host);
  if (v4 !== null) return !isPrivateV4(v4, opts);
  const v6 = v6Groups(host);
  if (v6) return !isPrivateV6(v6);
  if (host.startsWith('[')) return false;
  return !isPrivateName(host);
}
