/**
 * Which of an article's images the reader may show: those whose party already knows the reader
 * is on the page. Opening the reader must tell no one anything the page itself had not: an
 * image is kept when the page had loaded that very address, or when its host is one the page
 * shows a picture from (a news site's photo CDN: the lead photo is loaded, the ones further down
 * are not yet), or when it is on the article's own site. An address that carries another
 * address in its query (`/redirect?to=https://tracker…`, the open-redirect shape) is kept only
 * when the page itself had loaded it: its host says nothing about where it ends.
 */

/** What the page had loaded when the reader read it: full addresses and their hosts. */
export interface LoadedImages {
  urls: ReadonlySet<string>;
  hosts: ReadonlySet<string>;
}

// A query value that is itself an address, plain or percent-encoded.
const NESTED_URL = /^(?:https?:|https?%3a|\/\/|%2f%2f)/i;
// Natural size, in pixels, up to which an image is a beacon or a spacer, not a picture.
const PICTURE_MIN = 2;

function httpUrl(raw: string): URL | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/**
 * Whether a resource-timing entry shows its request answered. Chromium also lists a request the
 * page's CSP blocked (never sent: all zeros, like another host's answer without
 * `Timing-Allow-Origin`), so an entry counts only with a response in it: a status, bytes, or a
 * response time. Another host's image without that header counts by being shown (`doc.images`).
 */
function answered(e: PerformanceResourceTiming): boolean {
  return e.responseStatus > 0 || e.transferSize > 0 || e.encodedBodySize > 0 || e.responseStart > 0;
}

/**
 * The addresses the page had loaded (answered resource-timing entries, and the images it shows),
 * and the hosts of
 * the pictures it shows. A host counts only for a real picture on the page (larger than a
 * beacon): a tracker's 1×1 pixel or a script's host does not open the door to its other images.
 */
export function loadedImagesOf(doc: Document): LoadedImages {
  const urls = new Set<string>();
  const hosts = new Set<string>();
  const perf = doc.defaultView?.performance;
  for (const e of perf?.getEntriesByType?.('resource') ?? []) {
    if (answered(e as PerformanceResourceTiming)) urls.add(e.name);
  }
  for (const img of Array.from(doc.images)) {
    // A broken image (blocked by the page's CSP, refused, 404) is `complete` too: only one that
    // really loaded was seen by its host.
    const src = img.complete && img.naturalWidth > 0 ? img.currentSrc : '';
    if (!src) continue;
    urls.add(src);
    const host = httpUrl(src)?.hostname;
    if (host && img.naturalWidth > PICTURE_MIN && img.naturalHeight > PICTURE_MIN) hosts.add(host);
  }
  return { urls, hosts };
}

/** Whether any query value of `url` is itself an address. */
export function carriesAddress(url: URL): boolean {
  // The params themselves, not `.values()`: see the rule in eslint.config.js (Firefox's tabs).
  for (const [, v] of url.searchParams) if (NESTED_URL.test(v.trim())) return true;
  return false;
}

function ownSite(host: string, pageUrl: string): boolean {
  const page = httpUrl(pageUrl);
  if (!page) return false;
  const site = page.hostname.replace(/^www\./, '');
  return host === site || host.endsWith(`.${site}`);
}

/**
 * Whether the reader may show the image at `src` (absolute) of the article at `pageUrl`.
 * `loaded` is null where no page was loaded (a fetched page): the article's own site only.
 */
export function mayShowImage(src: string, pageUrl: string, loaded: LoadedImages | null): boolean {
  if (/^data:image\//i.test(src)) return true;
  const url = httpUrl(src);
  if (!url) return false;
  if (loaded?.urls.has(url.href)) return true;
  if (carriesAddress(url)) return false;
  return ownSite(url.hostname, pageUrl) || !!loaded?.hosts.has(url.hostname);
}

/** Remove from a sanitized article the images the reader may not show (nothing left in their place). */
export function keepShownImages(
  root: ParentNode,
  pageUrl: string,
  loaded: LoadedImages | null,
): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (!mayShowImage(img.getAttribute('src') ?? '', pageUrl, loaded)) img.remove();
  }
}
