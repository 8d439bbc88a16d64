/**
 * Turns `article.content` into DOM nodes for the reader page. The HTML was sanitized during
 * extraction, but it crossed a context boundary (the page's tab → background → this page, or
 * IndexedDB), so it goes through the shared sanitizer (`lib/sanitize.ts`) again before anything
 * is inserted. Then it is adapted to the reader: section headings get their ids back, tables
 * scroll sideways, each block finds its own direction, embedded players get a link beside them.
 *
 * No `innerHTML`: the string is parsed in an inert DOMParser document (nothing loads or runs
 * there), sanitized node to fragment, and the finished nodes are imported into the page.
 */
import { sanitizeNode } from '../sanitize';
import { t } from '../i18n';
import { HEADINGS, norm, restoreHeadingIds, sectionHeadings } from './heading-ids';

/** Players allowed to stay embedded: https only, on these hosts, under these paths. */
const EMBED_RULES: { host: RegExp; path: RegExp }[] = [
  { host: /^(www\.)?youtube(-nocookie)?\.com$/, path: /^\/embed\/[\w-]+$/ },
  { host: /^player\.vimeo\.com$/, path: /^\/video\/\d+$/ },
  { host: /^(www\.)?dailymotion\.com$/, path: /^\/embed\/video\/[\w-]+$/ },
];
// The player's own origin; it cannot reach the reader page, which is a different origin.
const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';
const EMBED_ALLOW = 'fullscreen; picture-in-picture; encrypted-media';

const BLOCKS = 'p, li, blockquote, figcaption, h1, h2, h3, h4, h5, h6, dd, dt, td, th, caption';
// Site styling would fight the reader's themes (black text on the dark theme).
const PRESENTATION_ATTRS = ['bgcolor', 'color', 'face', 'align', 'background'];
const HOST_MARK = '{host}';
// Video and audio that would load by themselves; from another site they are a party the page's
// article did not need the reader to meet. Images follow their own rule (`articleImages`).
const MEDIA_SOURCES = 'video[src], video[poster], audio[src], source[src], track[src]';
const MEDIA_URL_ATTRS = ['src', 'poster'];

export interface ContentLabels {
  /** Text of the link beside an embedded player; {host} stands for its host. */
  embedLink: string;
  /** Accessible name of a table's scroll region when the table has no caption. */
  table: string;
}

/** The labels from `_locales`, for a caller that passes none. */
function defaultLabels(): ContentLabels {
  return { embedLink: t('readerEmbedLink'), table: t('readerTable') };
}

export interface ContentOptions {
  /** The article's address, for relative links and images. */
  baseUrl: string;
  /** Heading ids to keep (the article's section ids); the sanitizer drops every id. */
  sectionIds?: Iterable<string>;
  labels?: ContentLabels;
  /** Show the article's images (the reader's setting); false drops them, alt text and all. */
  images?: boolean;
  /** A stored copy's address for an image (a saved article's offline photo), or null. */
  imageSource?: (src: string) => string | null;
}

/** The embed URL if `src` is an allow-listed video player, else null. */
export function allowedEmbed(src: string): URL | null {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const ok = EMBED_RULES.some((r) => r.host.test(url.hostname) && r.path.test(url.pathname));
  if (!ok) return null;
  // Same player without YouTube's tracking cookies.
  if (/(^|\.)youtube\.com$/.test(url.hostname)) url.hostname = 'www.youtube-nocookie.com';
  return url;
}

function stripPresentation(root: ParentNode): void {
  for (const attr of PRESENTATION_ATTRS) {
    for (const el of root.querySelectorAll(`[${attr}]`)) el.removeAttribute(attr);
  }
}

/** The article's site: its host without a leading `www.`; an IP address stands alone. */
function siteOf(baseUrl: string): string | null {
  try {
    return new URL(baseUrl).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

function sameSite(src: string, site: string): boolean {
  try {
    const url = new URL(src);
    // Inline images never touch the network.
    if (url.protocol === 'data:') return true;
    const host = url.hostname;
    return host === site || host.endsWith(`.${site}`) || host === `www.${site}`;
  } catch {
    return false;
  }
}

/**
 * Video and audio load only from the article's own site (its host and subdomains, so a `cdn.`
 * host of the site still works); from any other host their source is dropped.
 */
function ownSiteMedia(root: ParentNode, baseUrl: string): void {
  const site = siteOf(baseUrl);
  for (const el of Array.from(root.querySelectorAll(MEDIA_SOURCES))) {
    for (const attr of MEDIA_URL_ATTRS) {
      const value = el.getAttribute(attr);
      if (value !== null && !(site && sameSite(value, site))) el.removeAttribute(attr);
    }
  }
}

/**
 * The article's images: extraction kept only those the page had loaded from their parties
 * (`lib/extract/images.ts`); here they load lazily with no referrer, from the stored copy when
 * there is one. Hidden by the reader's setting, an image goes whole: its alt text never becomes
 * a line of the article (the figure's own caption stays).
 */
function articleImages(root: ParentNode, opts: ContentOptions): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (opts.images === false) {
      img.remove();
      continue;
    }
    const stored = opts.imageSource?.(img.getAttribute('src') ?? '');
    if (stored) img.setAttribute('src', stored);
    img.setAttribute('referrerpolicy', 'no-referrer');
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
  }
}

/** Each paragraph takes its direction from its own text: Latin quotes, numbers, mixed lines. */
function autoDirection(root: ParentNode): void {
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (!el.hasAttribute('dir')) el.setAttribute('dir', 'auto');
  }
}

/** Headings with ids are navigation targets: focusable by script, not in the tab order. */
function focusableHeadings(root: ParentNode): void {
  for (const h of root.querySelectorAll(HEADINGS)) {
    if (h.hasAttribute('id')) h.setAttribute('tabindex', '-1');
  }
}

/** Wide tables scroll inside a keyboard-reachable, named region instead of widening the page. */
function scrollableTables(root: ParentNode, doc: Document, labels: ContentLabels): void {
  for (const table of root.querySelectorAll('table')) {
    const wrap = doc.createElement('div');
    wrap.className = 'qari-table-scroll';
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('tabindex', '0');
    const caption = norm(table.querySelector('caption')?.textContent ?? null);
    wrap.setAttribute('aria-label', caption || labels.table);
    table.replaceWith(wrap);
    wrap.append(table);
  }
}

function embedLink(doc: Document, href: string, host: string, labels: ContentLabels): HTMLElement {
  const p = doc.createElement('p');
  p.className = 'qari-embed-link';
  const a = doc.createElement('a');
  a.setAttribute('href', href);
  a.setAttribute('target', '_blank');
  a.setAttribute('rel', 'noopener noreferrer');
  a.textContent = labels.embedLink.replace(HOST_MARK, host);
  p.append(a);
  return p;
}

/**
 * Frames that survived sanitizing are players from allowed hosts; they are pinned down further
 * here (stricter paths, no YouTube cookies, fixed sandbox) and get a link beside them for when
 * the host refuses to play inside an extension page. Anything else is dropped.
 */
function adaptEmbeds(root: ParentNode, doc: Document, labels: ContentLabels): void {
  for (const frame of root.querySelectorAll('iframe')) {
    const src = frame.getAttribute('src') ?? '';
    const allowed = allowedEmbed(src);
    if (!allowed) {
      frame.remove();
      continue;
    }
    const title = frame.getAttribute('title');
    for (const attr of Array.from(frame.attributes)) frame.removeAttribute(attr.name);
    const label = labels.embedLink.replace(HOST_MARK, allowed.hostname);
    frame.setAttribute('src', allowed.href);
    frame.setAttribute('sandbox', EMBED_SANDBOX);
    frame.setAttribute('allow', EMBED_ALLOW);
    frame.setAttribute('allowfullscreen', '');
    frame.setAttribute('loading', 'lazy');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    frame.setAttribute('title', title || label);
    frame.setAttribute('class', 'qari-embed');
    frame.after(embedLink(doc, src, new URL(src).hostname, labels));
  }
}

/**
 * Sanitize `html` and return it as nodes owned by `doc`, adapted for the reader. The caller
 * inserts the fragment; nothing from the article touches `doc` before it is sanitized.
 */
export function prepareContent(
  html: string,
  doc: Document,
  opts: ContentOptions,
): DocumentFragment {
  const win = doc.defaultView ?? window;
  const labels = opts.labels ?? defaultLabels();
  const raw = new win.DOMParser().parseFromString(html, 'text/html');
  const keep = new Set(opts.sectionIds ?? []);
  const ids = sectionHeadings(raw.body, (id) => keep.has(id));
  const clean = sanitizeNode(win, raw.body, opts.baseUrl);
  const owner = clean.ownerDocument ?? raw;
  restoreHeadingIds(clean, ids);
  adaptEmbeds(clean, owner, labels);
  stripPresentation(clean);
  ownSiteMedia(clean, opts.baseUrl);
  articleImages(clean, opts);
  autoDirection(clean);
  focusableHeadings(clean);
  scrollableTables(clean, owner, labels);
  return doc.importNode(clean, true);
}

// A little of everything an article holds, for `warmUp` (no image: an imported <img> would load).
// i18n-data: a sample article, never shown.
const WARM_UP_HTML =
  '<h2>ع</h2><p dir="auto">نص <a href="/a">رابط</a> <b>b</b></p><figure><figcaption>ص</figcaption></figure><table><tr><td>1</td></tr></table><blockquote>ق</blockquote>';

/**
 * Run the content path once on a small sample, with nothing inserted anywhere. The overlay's
 * reader page calls it while it waits for the tab's article: the sanitizer's instance and the
 * first (slow, unoptimized) run of every step are then paid before the article arrives instead
 * of after it.
 */
export function warmUp(doc: Document): void {
  prepareContent(WARM_UP_HTML, doc, { baseUrl: 'https://example.invalid/', sectionIds: [] });
}
