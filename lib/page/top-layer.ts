/**
 * The page button's and the reader overlay's hosts live in the browser's top layer (a manual
 * popover, ./host.ts): no element of the page paints over them by z-index, transform or
 * position, only another top-layer element shown after them. Where the browser cannot say
 * whether an element is really visible (Firefox has no IntersectionObserver v2), this is the
 * check a click on them passes: the host is still open in the top layer, the page has no element
 * in fullscreen, and every other top-layer element of the page (popovers and modal dialogs, in
 * the document and in every shadow root, closed ones included) was already open, and not shown
 * since, when ours was last raised, so it lies below ours. A click that fails it is refused and
 * ours is raised again: the reader now sees the real element, and the next click is theirs.
 * A shadow tree's top-layer element is the exception where the browser does not say what covers
 * ours (Firefox): its toggles never leave its shadow root (they are not composed), and the page's
 * capture listener on that root, registered when it attached the root, stops them before any
 * listener of ours could hear them, so it can be raised above ours unseen; while one is open,
 * every click is refused. Chromium's IntersectionObserver v2 sees such a cover itself.
 * Loaded with the reader's code, never on every page: it runs only when a click asks for it.
 */
import { nativeApi } from './native';
import { SHOWN_EVENTS, shownLog } from './shown';

const TOP_LAYER = ':popover-open,:modal';
const HTML_NS = 'http://www.w3.org/1999/xhtml';
// The DOM's valid shadow host names besides custom element names (which hold a hyphen): only
// these elements can have a shadow root, so only these are asked for one.
const SHADOW_HOSTS = new Set(
  'article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span'.split(
    ' ',
  ),
);
// What a page could set on the root (the host's one ancestor) or the host itself to fade, hide or
// distort it, and the value each must have: the top layer is painted apart from its ancestors in
// the specs, but a check is cheaper than trusting every engine to it.
const UNTOUCHED: [property: string, value: string][] = [
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['filter', 'none'],
  ['transform', 'none'],
  ['clip-path', 'none'],
  ['mask-image', 'none'],
];
// A button this small, or partly outside the viewport, is not what the reader clicked on.
const MIN_SIDE_PX = 8;

type ShadowReader = (el: Element) => ShadowRoot | null;

/** Whether `el` can have a shadow root at all (attachShadow throws on any other element). */
function mayHostShadow(el: Element): boolean {
  return (
    el.namespaceURI === HTML_NS && (SHADOW_HOSTS.has(el.localName) || el.localName.includes('-'))
  );
}

/**
 * Every shadow root, open or closed: Firefox's content-script property, Chrome's `dom` API (an
 * extension call, the walk's main cost: asked only when no open root answers). Only for an
 * element that can host one (`mayHostShadow`): Chrome's API throws on any other (an SVG icon),
 * which refused every click on a page with inline SVG.
 */
function shadowReader(): ShadowReader {
  const dom = nativeApi().dom;
  return (el) => {
    const own = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null })
      .openOrClosedShadowRoot;
    if (own !== undefined) return own;
    try {
      return el.shadowRoot ?? dom?.openOrClosedShadowRoot?.(el) ?? null;
    } catch {
      return null;
    }
  };
}

/**
 * The top-layer elements under `root`, shadow trees included: the root answers for its own
 * (one selector query), and only elements that can host a shadow root are asked for theirs.
 */
export function topLayerElements(
  root: Document | ShadowRoot,
  read = shadowReader(),
  found: Element[] = [],
): Element[] {
  found.push(...root.querySelectorAll(TOP_LAYER));
  for (const el of root.querySelectorAll('*')) {
    const shadow = mayHostShadow(el) ? read(el) : null;
    if (shadow) topLayerElements(shadow, read, found);
  }
  return found;
}

/**
 * The document's top-layer elements as a click's check found them, kept to the end of its task:
 * raising ours after a refused click, or the reader's overlay raised for the click that opens
 * it, reuses the list rather than walking the page again. Only a raise reuses it: what the page
 * shows meanwhile (its listeners of our popover's events run inside the task) lies below ours,
 * or is missing from the list and refuses the next click.
 */
let checked: { doc: Document; found: Element[] } | undefined;

function listChecked(doc: Document): Element[] {
  const found = topLayerElements(doc);
  checked = { doc, found };
  queueMicrotask(() => (checked = undefined));
  return found;
}

/** Whether `el` lies fully inside the viewport and is big enough to have been seen. */
function onScreen(el: Element, win: Window): boolean {
  const r = el.getBoundingClientRect();
  return (
    r.width >= MIN_SIDE_PX &&
    r.height >= MIN_SIDE_PX &&
    r.left >= 0 &&
    r.top >= 0 &&
    r.right <= win.innerWidth &&
    r.bottom <= win.innerHeight
  );
}

/**
 * Whether the browser itself says what covers an element (IntersectionObserver v2's `isVisible`,
 * Chromium; ./button.ts and lib/reader/visibility.ts ask it): there, a cover raised unseen is
 * refused whatever this check heard.
 */
function tracksVisibility(win: Window): boolean {
  const entry = (win as Window & { IntersectionObserverEntry?: typeof IntersectionObserverEntry })
    .IntersectionObserverEntry;
  return !!entry && 'isVisible' in entry.prototype;
}

/** Whether neither `host` nor the root has a style that fades, hides or distorts it. */
function untouched(host: HTMLElement, win: Window): boolean {
  return [host, host.ownerDocument.documentElement].every((el) => {
    const style = win.getComputedStyle(el);
    return UNTOUCHED.every(([p, v]) => style.getPropertyValue(p) === v);
  });
}

export class TopLayerGuard {
  /** The page's top-layer elements open when ours was last raised, not shown since. */
  private below = new WeakSet<Element>();
  /** The start script's toggle count when ours was last raised (./shown.ts). */
  private raisedAt = 0;
  private readonly shown = (e: Event): void => {
    this.below.delete(e.currentTarget as Element);
  };

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
  ) {}

  /** Put `host` (a manual popover of ours) on top of the top layer. */
  raise(host: HTMLElement): void {
    if (!host.isConnected) return;
    const listed = checked?.doc === this.doc ? checked.found : undefined;
    if (host.matches(':popover-open')) host.hidePopover();
    host.showPopover();
    this.raisedAt = shownLog()?.n ?? 0;
    this.below = new WeakSet();
    for (const el of listed ?? topLayerElements(this.doc)) {
      if (el === host) continue;
      this.below.add(el);
      for (const type of SHOWN_EVENTS) el.addEventListener(type, this.shown);
    }
  }

  /**
   * Whether a click on `host` (`target`: the part clicked, inside it) is one the reader could
   * see; when not, `host` is raised again so that the next one is.
   */
  clear(host: HTMLElement, target: Element = host): boolean {
    const open = listChecked(this.doc).filter((el) => el !== host);
    const log = shownLog();
    // Where each element's toggles reach us whatever the page does: the document's, heard first
    // by the start script; a shadow tree's only where the browser tracks visibility.
    const tracked = tracksVisibility(this.win);
    const heard = (el: Element): boolean => tracked || el.getRootNode() === this.doc;
    const ok =
      host.parentNode === this.doc.documentElement &&
      host.matches(':popover-open') &&
      !this.doc.fullscreenElement &&
      onScreen(target, this.win) &&
      untouched(host, this.win) &&
      open.every(
        (el) => heard(el) && this.below.has(el) && !((log?.at.get(el) ?? 0) > this.raisedAt),
      );
    if (!ok) this.raise(host);
    return ok;
  }
}
