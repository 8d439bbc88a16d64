/**
 * The one place untrusted page HTML is made safe to render (DOMPurify) and serialized. Besides
 * DOMPurify's own rules: no forms or inputs, no styles/classes/ids, frames only from allow-listed
 * video hosts (sandboxed), lazy images given a real `src`, no 1×1 or hidden images (beacons),
 * every URL absolute against the page,
 * links opening in a new tab without opener or referrer.
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';

/** Video embeds a reader may play; every other frame is removed. */
const ALLOWED_EMBEDS: ReadonlyArray<{ host: RegExp; path: RegExp }> = [
  { host: /^(?:www\.)?youtube\.com$/, path: /^\/embed\// },
  { host: /^(?:www\.)?youtube-nocookie\.com$/, path: /^\/embed\// },
  { host: /^player\.vimeo\.com$/, path: /^\/video\// },
  { host: /^(?:www\.)?dailymotion\.com$/, path: /^\/embed\// },
];
const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';
// What a player's address may keep: where to start and stop, Vimeo's hash of an unlisted video.
// The page's own choices (autoplay, loop, mute, hidden controls, Vimeo's background mode) go.
const EMBED_PARAMS = new Set(['start', 'end', 't', 'h']);

const LAZY_SRC_ATTRS = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'srcset'];
// A `src` that is only a stand-in until a script swaps the real image in: a data: URI or a file
// named like a placeholder (blank.gif, spacer.gif, lazyload.png, placeholder-16x9.jpg).
const PLACEHOLDER_SRC =
  /^data:|(?:^|\/)(?:blank|placeholder|spacer|lazy-?load(?:er|ing)?|loading|grey|gray|transparent|1x1|pixel)(?:[-_.][^/]*)?\.(?:gif|png|svg|jpe?g|webp)(?:\?.*)?$/i;
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const MEDIA_PROTOCOLS = new Set(['http:', 'https:']);
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif);/i;
const MEDIA_TAGS = new Set(['IMG', 'VIDEO', 'AUDIO', 'SOURCE', 'TRACK']);
// DOMPurify keeps these on any element; only media and allowed frames get them checked and made
// absolute, so elsewhere (a mangled `<a <video src=…>` gives an <a src>) they are dropped.
const MEDIA_ONLY_ATTRS = ['src', 'srcset', 'poster'];
// A declared side this small is a tracking pixel or a spacer, never a picture to read.
const PIXEL_MAX = 2;

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  RETURN_DOM_FRAGMENT: true,
  USE_PROFILES: { html: true },
  ADD_TAGS: ['iframe'],
  ADD_ATTR: ['allowfullscreen', 'target', 'loading', 'referrerpolicy', 'sandbox'],
  FORBID_TAGS: [
    'form',
    'input',
    'button',
    'select',
    'option',
    'optgroup',
    'textarea',
    'fieldset',
    'legend',
    'label',
    'datalist',
    'output',
    'style',
    'link',
    'meta',
    'base',
    'object',
    'embed',
    'frame',
    'frameset',
    'noscript',
    'template',
    'dialog',
    'menu',
  ],
  ADD_FORBID_CONTENTS: [
    'form',
    'button',
    'select',
    'textarea',
    'datalist',
    'iframe',
    'object',
    'frameset',
  ],
  FORBID_ATTR: [
    'style',
    'class',
    'id',
    'name',
    'tabindex',
    'srcset',
    'sizes',
    'contenteditable',
    'autofocus',
    'ping',
    // A click would save a file under the name the page chose (`invoice.pdf.exe`).
    'download',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

function absolute(raw: string | null, base: string, protocols: Set<string>): string | null {
  const v = (raw ?? '').trim();
  if (!v) return null;
  try {
    const u = new URL(v, base);
    return protocols.has(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** The largest candidate of a `srcset` ("a.jpg 320w, b.jpg 640w" → b.jpg). */
export function largestFromSrcset(srcset: string): string | null {
  let best: string | null = null;
  let bestSize = -1;
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor] = part.trim().split(/\s+/);
    if (!url) continue;
    const size = descriptor ? parseFloat(descriptor) : 1;
    if ((Number.isFinite(size) ? size : 1) > bestSize) {
      best = url;
      bestSize = Number.isFinite(size) ? size : 1;
    }
  }
  return best;
}

/** Give a lazy-loaded image its real source before attributes are filtered. */
function resolveLazyImage(img: Element): void {
  const src = img.getAttribute('src') ?? '';
  if (src && !PLACEHOLDER_SRC.test(src)) return;
  for (const a of LAZY_SRC_ATTRS) {
    const v = img.getAttribute(a)?.trim();
    if (v && !v.startsWith('data:')) return img.setAttribute('src', v);
  }
  for (const a of LAZY_SRCSET_ATTRS) {
    const v = img.getAttribute(a);
    const best = v ? largestFromSrcset(v) : null;
    if (best && !best.startsWith('data:')) return img.setAttribute('src', best);
  }
}

/** Whether an iframe `src` (already absolute) is an allow-listed video embed. */
export function isAllowedEmbed(src: string | null): boolean {
  if (!src) return false;
  try {
    const u = new URL(src);
    return (
      u.protocol === 'https:' &&
      ALLOWED_EMBEDS.some((e) => e.host.test(u.hostname) && e.path.test(u.pathname))
    );
  } catch {
    return false;
  }
}

function fixLink(a: Element, base: string): void {
  const raw = a.getAttribute('href');
  const href = raw && !raw.trim().startsWith('#') ? absolute(raw, base, LINK_PROTOCOLS) : null;
  if (!href) {
    a.removeAttribute('href');
    a.removeAttribute('target');
    return;
  }
  a.setAttribute('href', href);
  a.setAttribute('rel', 'noopener noreferrer');
  a.setAttribute('target', '_blank');
}

/** An image declared 1×1 (or so), or hidden: a beacon, not part of the article. */
export function isPixel(img: Element): boolean {
  if (img.hasAttribute('hidden')) return true;
  return ['width', 'height'].some((a) => {
    const v = parseFloat(img.getAttribute(a) ?? '');
    return Number.isFinite(v) && v <= PIXEL_MAX;
  });
}

function fixMedia(el: Element, base: string): void {
  if (el.tagName === 'IMG' && isPixel(el)) return el.remove();
  const raw = el.getAttribute('src');
  const keepData = el.tagName === 'IMG' && !!raw && DATA_IMAGE.test(raw.trim());
  const src = keepData ? raw : absolute(raw, base, MEDIA_PROTOCOLS);
  if (src) el.setAttribute('src', src);
  else if (el.tagName === 'IMG') el.remove();
  else el.removeAttribute('src');
  const poster = absolute(el.getAttribute('poster'), base, MEDIA_PROTOCOLS);
  if (poster) el.setAttribute('poster', poster);
  else el.removeAttribute('poster');
}

/** A player's address with only the parameters in EMBED_PARAMS, and no fragment. */
function plainPlayer(src: string): string {
  const u = new URL(src);
  // The params themselves, not `.keys()`: see the rule in eslint.config.js (Firefox's tabs).
  for (const [key] of [...u.searchParams]) {
    if (!EMBED_PARAMS.has(key.toLowerCase())) u.searchParams.delete(key);
  }
  u.hash = '';
  return u.href;
}

function fixFrame(frame: Element, base: string): void {
  const raw = absolute(frame.getAttribute('src'), base, MEDIA_PROTOCOLS);
  if (!isAllowedEmbed(raw)) return frame.remove();
  const src = plainPlayer(raw as string);
  for (const a of Array.from(frame.attributes)) {
    if (!['src', 'width', 'height', 'title', 'allowfullscreen'].includes(a.name))
      frame.removeAttribute(a.name);
  }
  frame.setAttribute('src', src ?? '');
  frame.setAttribute('sandbox', EMBED_SANDBOX);
  frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
  frame.setAttribute('loading', 'lazy');
}

// Known ways a DOM implementation can make DOMPurify fail open (a removed node ending the walk,
// tag names read as ''): if any of this survives, the sanitizer is not trusted in that window.
const CANARY =
  '<p><x-probe>x</x-probe><img src="x" onerror="1"><a href="javascript:void(0)">a</a></p><script>1</script><b onclick="1">b</b>';
const CANARY_LEAK = /onerror|onclick|javascript:|<script|<x-probe/i;

// One configured instance per window: creating one and parsing the config cost more than
// sanitizing a whole article. `null` marks a window where DOMPurify was found not to hold.
const purifiers = new WeakMap<object, DOMPurify | null>();
// The page URL the hooks resolve against; set for each call (sanitizing is synchronous).
let currentBase = 'about:blank';

function addHooks(purify: DOMPurify): void {
  purify.addHook('uponSanitizeElement', (node, data) => {
    // <picture><source srcset> would bypass the absolute-URL rule; its <img> is kept instead.
    if (data.tagName === 'source' && node.parentElement?.tagName === 'PICTURE')
      node.parentNode?.removeChild(node);
    if (data.tagName === 'iframe') {
      const src = absolute((node as Element).getAttribute('src'), currentBase, MEDIA_PROTOCOLS);
      if (!isAllowedEmbed(src)) node.parentNode?.removeChild(node);
    }
  });
  purify.addHook('beforeSanitizeAttributes', (el) => {
    if (el.tagName === 'IMG') resolveLazyImage(el);
  });
  purify.addHook('afterSanitizeAttributes', (el) => {
    const tag = el.tagName;
    if (MEDIA_TAGS.has(tag)) return fixMedia(el, currentBase);
    if (tag === 'IFRAME') return fixFrame(el, currentBase);
    for (const name of MEDIA_ONLY_ATTRS) el.removeAttribute(name);
    if (tag === 'A' || tag === 'AREA') fixLink(el, currentBase);
  });
}

/**
 * A configured instance for `win`, or null when DOMPurify does not really sanitize there. The
 * canary runs before the hooks are added, so that no hook can hide a failure of DOMPurify's own.
 */
function trustedPurifier(win: Window): DOMPurify | null {
  const purify = createDOMPurify(win as unknown as WindowLike);
  if (!purify.isSupported) return null;
  purify.setConfig(CONFIG);
  if (CANARY_LEAK.test(serializeChildren(purify.sanitize(CANARY, CONFIG)))) return null;
  addHooks(purify);
  return purify;
}

function purifierFor(win: Window, base: string): DOMPurify {
  let purify = purifiers.get(win);
  if (purify === undefined) {
    purify = trustedPurifier(win);
    purifiers.set(win, purify);
  }
  if (!purify) throw new Error('DOMPurify does not sanitize in this window');
  currentBase = base;
  return purify;
}

/**
 * Sanitize a node of an untrusted document into a fragment (the node itself is not changed).
 * `baseUrl` makes every link and media URL absolute.
 */
export function sanitizeNode(win: Window, node: Node, baseUrl: string): DocumentFragment {
  return purifierFor(win, baseUrl).sanitize(node, CONFIG);
}

/** Sanitize an untrusted HTML string into a safe HTML string, with the same rules. */
export function sanitizeHtml(win: Window, html: string, baseUrl: string): string {
  return serializeChildren(purifierFor(win, baseUrl).sanitize(html, CONFIG));
}

/** HTML of a node's children. Only ever called on sanitized trees. */
export function serializeChildren(node: Element | DocumentFragment): string {
  if (node.nodeType === 1) {
    // eslint-disable-next-line no-restricted-properties -- serializing an already sanitized tree
    return (node as Element).innerHTML;
  }
  const holder = (node.ownerDocument as Document).createElement('div');
  holder.appendChild(node);
  // eslint-disable-next-line no-restricted-properties -- serializing an already sanitized tree
  return holder.innerHTML;
}
