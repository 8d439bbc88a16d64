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
 * Loaded with the reader's code, never on every page: it runs only when a click asks for it.
 */
import { nativeApi } from './native';

const TOP_LAYER = ':popover-open,:modal';
// Shows or re-shows of a top-layer element (beforetoggle is synchronous, one per show and hide,
// never coalesced); `close` is a dialog's, for browsers whose dialogs fire no beforetoggle.
const SHOWN_EVENTS = ['beforetoggle', 'close'];
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

/**
 * Every shadow root, open or closed: Firefox's content-script property, Chrome's `dom` API. Only
 * HTML elements can host one, and Chrome's API throws on any other element (an SVG icon), which
 * refused every click on a page with inline SVG.
 */
function shadowReader(): ShadowReader {
  const dom = nativeApi().dom;
  return (el) => {
    if (!(el instanceof HTMLElement)) return null;
    const own = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null })
      .openOrClosedShadowRoot;
    if (own !== undefined) return own;
    try {
      return dom?.openOrClosedShadowRoot?.(el) ?? el.shadowRoot;
    } catch {
      return el.shadowRoot;
    }
  };
}

/** The top-layer elements under `root`, shadow trees included. */
export function topLayerElements(root: Document | ShadowRoot, read = shadowReader()): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.matches(TOP_LAYER)) found.push(el);
    const shadow = read(el);
    if (shadow) found.push(...topLayerElements(shadow, read));
  }
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
    if (host.matches(':popover-open')) host.hidePopover();
    host.showPopover();
    this.below = new WeakSet();
    for (const el of this.foreign(host)) {
      this.below.add(el);
      for (const type of SHOWN_EVENTS) el.addEventListener(type, this.shown);
    }
  }

  /**
   * Whether a click on `host` (`target`: the part clicked, inside it) is one the reader could
   * see; when not, `host` is raised again so that the next one is.
   */
  clear(host: HTMLElement, target: Element = host): boolean {
    const ok =
      host.parentNode === this.doc.documentElement &&
      host.matches(':popover-open') &&
      !this.doc.fullscreenElement &&
      onScreen(target, this.win) &&
      untouched(host, this.win) &&
      this.foreign(host).every((el) => this.below.has(el));
    if (!ok) this.raise(host);
    return ok;
  }

  private foreign(host: HTMLElement): Element[] {
    return topLayerElements(this.doc).filter((el) => el !== host);
  }
}
