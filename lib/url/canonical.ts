/**
 * The reading list's dedupe key for an article URL. The same article reached through a share link
 * (utm_*, fbclid…), its AMP variant, the mobile host or with a fragment must give one key.
 *
 * The key is never used to open the page (entries keep the URL they were saved from), so it may
 * normalize more than a browser would: http → https, `www.`/`m.`/`mobile.`/`amp.` host prefixes
 * dropped, trailing slash dropped, query parameters sorted. Those prefixes serve the same
 * articles on the Arabic news sites we target (m.youm7.com, amp.dw.com…); the rare site where `m.`
 * is a different site would only merge two entries whose paths are identical, too.
 * Canonicalization is idempotent: the key of a key is the key.
 */

const TRACKING_PREFIXES = ['utm_'];
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'mc_cid',
  'mc_eid',
  'igshid',
  '_ga',
  '_gl',
  'ocid',
  'cmpid',
  'smid',
  // AT Internet campaign tags, as on BBC Arabic share links.
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'at_link_id',
  'at_link_type',
  'at_link_origin',
  'at_ptr_name',
  'at_format',
  'at_bbc_team',
  // Added by AMP caches and viewers.
  'usqp',
  'amp_js_v',
  'amp_gsa',
  'amp_tf',
  'amp_r',
  'aoh',
  '__amp_source_origin',
]);
const AMP_FLAG_VALUES = new Set(['', '1', 'true']);
const HOST_ALIAS_PREFIXES = ['www.', 'm.', 'mobile.', 'amp.'];
const AMP_CACHE_HOST = /\.cdn\.ampproject\.org$/;
const AMP_CACHE_PATH = /^\/[cv]\/(s\/)?(.+)$/;
const GOOGLE_HOST = /^(www\.)?google\.[a-z.]+$/;
const GOOGLE_AMP_PATH = /^\/amp\/(s\/)?(.+)$/;
const AMP_HTML_SUFFIX = /\.amp\.html$/i;
const AMP_EXTENSION = /\.amp$/i;
const PERCENT_ESCAPE = /%[0-9a-f]{2}/gi;
const WEB_SCHEMES = new Set(['http:', 'https:']);

function isTrackingParam(key: string): boolean {
  const k = key.toLowerCase();
  return TRACKING_PARAMS.has(k) || TRACKING_PREFIXES.some((p) => k.startsWith(p));
}

function isAmpParam(key: string, value: string): boolean {
  const k = key.toLowerCase();
  if (k === 'amp') return AMP_FLAG_VALUES.has(value.toLowerCase());
  return k === 'outputtype' && value.toLowerCase() === 'amp';
}

/** What the key reads of a web URL: a URL, or an import's link read without parsing one. */
export type WebUrlParts = Pick<URL, 'protocol' | 'hostname' | 'port' | 'pathname' | 'search'>;

/** An AMP cache or Google AMP viewer URL wraps the publisher's URL in its path: unwrap it. */
function unwrapAmpCache<U extends WebUrlParts>(u: U): U | URL {
  const m = AMP_CACHE_HOST.test(u.hostname)
    ? AMP_CACHE_PATH.exec(u.pathname)
    : GOOGLE_HOST.test(u.hostname)
      ? GOOGLE_AMP_PATH.exec(u.pathname)
      : null;
  if (!m) return u;
  const scheme = m[1] ? 'https://' : 'http://';
  try {
    return new URL(scheme + m[2] + u.search);
  } catch {
    return u;
  }
}

function canonicalHost(host: string): string {
  let h = host.toLowerCase().replace(/\.$/, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const p of HOST_ALIAS_PREFIXES) {
      // Keep at least a two-label host: `m.me` or `amp.dev` are sites, not aliases.
      if (h.startsWith(p) && h.slice(p.length).includes('.')) {
        h = h.slice(p.length);
        changed = true;
      }
    }
  }
  return h;
}

/** One pass of AMP and trailing-slash removal over a path. */
function stripPathOnce(path: string): string {
  const segments = path.split('/');
  // Leading and trailing `amp` segments mark the AMP variant: /amp/news/1, /news/1/amp/.
  while (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  if (segments.length > 1 && segments[segments.length - 1]?.toLowerCase() === 'amp') segments.pop();
  else if (segments.length > 2 && segments[1]?.toLowerCase() === 'amp') segments.splice(1, 1);
  const p = segments.join('/') || '/';
  return p.replace(AMP_HTML_SUFFIX, '.html').replace(AMP_EXTENSION, '');
}

function canonicalPath(path: string): string {
  // Repeat to a fixed point so that the key of a key is the key (/amp/amp, story.amp.amp).
  let p = path;
  for (let next = stripPathOnce(p); next !== p; next = stripPathOnce(p)) p = next;
  return p.replace(PERCENT_ESCAPE, (e) => e.toUpperCase());
}

function canonicalQuery(search: string): string {
  // The parameters are an object per URL: an import of 30,000 links skips it when there are none.
  if (search.length <= 1) return '';
  const kept = [...new URLSearchParams(search)].filter(
    ([k, v]) => !isTrackingParam(k) && !isAmpParam(k, v),
  );
  kept.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  const s = new URLSearchParams(kept).toString();
  return s ? `?${s}` : '';
}

function webKey(u: WebUrlParts): string {
  const port = u.port ? `:${u.port}` : '';
  return `https://${canonicalHost(u.hostname)}${port}${canonicalPath(u.pathname)}${canonicalQuery(u.search)}`;
}

function cleanUrl(input: URL): string {
  const u = unwrapAmpCache(input);
  if (!WEB_SCHEMES.has(u.protocol)) {
    u.hash = '';
    return u.href;
  }
  return webKey(u);
}

/** Whether a page's canonical link may speak for the URL it names (AMP caches unwrapped). */
export type SiteRule = (page: URL, link: URL) => boolean;

/**
 * The rule where the Public Suffix List is not at hand (`lib/url/own-site.ts` has it): the same
 * host, alias prefixes aside. Never believes another site; misses a sibling subdomain.
 */
export const sameHost: SiteRule = (a, b) => canonicalHost(a.hostname) === canonicalHost(b.hostname);

/**
 * A `<link rel=canonical>` is trusted only for the page's own site (a page on one site naming an
 * article saved from another would overwrite it), and only when it is a web URL that does not
 * point a deep page at the site's home page (a common CMS misconfiguration that would merge
 * every article of a site). An AMP cache URL counts as the publisher's, on either side.
 */
function usableCanonical(page: URL, hint: string | null | undefined, site: SiteRule): URL | null {
  if (!hint) return null;
  let c: URL;
  try {
    c = new URL(hint.trim(), page);
  } catch {
    return null;
  }
  if (!WEB_SCHEMES.has(c.protocol)) return null;
  if (!site(unwrapAmpCache(page), unwrapAmpCache(c))) return null;
  const isHome = (u: URL) => canonicalPath(u.pathname) === '/' && !u.search;
  if (isHome(c) && !isHome(page)) return null;
  return c;
}

/**
 * The dedupe key of an article saved from `url`, preferring the page's `<link rel=canonical>`
 * (`canonicalHint`, resolved against `url`) when the article provides a usable one on the
 * page's own site by `site`. Throws a TypeError when `url` is not an absolute URL.
 */
export function canonicalUrl(
  url: string,
  canonicalHint?: string | null,
  site: SiteRule = sameHost,
): string {
  const page = new URL(url.trim());
  return cleanUrl(usableCanonical(page, canonicalHint, site) ?? page);
}

/**
 * The dedupe key of a web URL already parsed (http or https), as `canonicalUrl(href)` gives it:
 * an import's links are read once each, not parsed twice.
 */
export function canonicalKeyOf(u: WebUrlParts): string {
  return webKey(unwrapAmpCache(u));
}

/** `canonicalUrl` that answers null instead of throwing on a malformed URL. */
export function tryCanonicalUrl(
  url: string,
  canonicalHint?: string | null,
  site: SiteRule = sameHost,
): string | null {
  try {
    return canonicalUrl(url, canonicalHint, site);
  } catch {
    return null;
  }
}
