import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TopLayerGuard, topLayerElements } from '@/lib/page/top-layer';

const SHARED = path.resolve(__dirname, '../../../shared');
const SVG_NS = 'http://www.w3.org/2000/svg';
// The DOM's valid shadow host names besides custom element names (attachShadow throws on others).
const CAN_HOST = new Set(
  'article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span'.split(
    ' ',
  ),
);
// A host seen whole: nothing faded, filtered or moved.
const SEEN: Record<string, string> = {
  opacity: '1',
  visibility: 'visible',
  filter: 'none',
  transform: 'none',
  'clip-path': 'none',
  'mask-image': 'none',
};

const openRootsOnly = (el: HTMLElement): ShadowRoot | null => el.shadowRoot;

// Chrome's dom.openOrClosedShadowRoot throws on an element that is not an HTML element; reading
// it for an inline SVG icon threw inside the click check, and every click on the page button of a
// page with inline SVG (BBC Arabic) was refused.
test('finds the page’s top-layer elements on a page with inline SVG, as Chrome’s API answers', () => {
  fakeBrowser.dom.openOrClosedShadowRoot = (el: Element) => {
    if (!(el instanceof HTMLElement))
      throw new TypeError('Error in invocation of dom.openOrClosedShadowRoot');
    return el.shadowRoot;
  };
  const icon = document.createElementNS(SVG_NS, 'svg');
  icon.append(document.createElementNS(SVG_NS, 'path'));
  const cover = document.createElement('div');
  cover.setAttribute('popover', 'manual');
  document.body.append(icon, cover);
  cover.showPopover();
  try {
    expect(topLayerElements(document)).toEqual([cover]);
  } finally {
    document.body.replaceChildren();
    fakeBrowser.dom.openOrClosedShadowRoot = openRootsOnly;
  }
});

/**
 * A shadow tree's toggles never reach the window, and the page's own capture listener on its
 * shadow root runs before any of ours: a popover there, open below ours when ours was raised, can
 * be raised above ours again unheard. Where the browser does not say what covers our host
 * (Firefox: no IntersectionObserver v2), the check cannot trust it to lie below.
 */
describe('a popover in a shadow tree whose toggles the page stops inside it', () => {
  const SEEN_STYLE = { getPropertyValue: (p: string) => SEEN[p] ?? '' } as CSSStyleDeclaration;
  /** A window that lays out our host on screen, with or without IntersectionObserver v2. */
  const windowOf = (isVisible: boolean): Window => {
    class Entry {}
    if (isVisible) Object.defineProperty(Entry.prototype, 'isVisible', { get: () => true });
    return {
      innerWidth: 1280,
      innerHeight: 800,
      getComputedStyle: () => SEEN_STYLE,
      IntersectionObserverEntry: Entry,
    } as unknown as Window;
  };

  /** A page whose closed (or open) shadow root holds an open popover, its toggles stopped there. */
  function coveredPage(mode: ShadowRootMode): { ours: HTMLElement; reRaise(): void } {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode });
    for (const type of ['beforetoggle', 'toggle', 'close'])
      root.addEventListener(type, (e) => e.stopImmediatePropagation(), true);
    const cover = document.createElement('div');
    cover.setAttribute('popover', 'manual');
    root.append(cover);
    cover.showPopover();
    fakeBrowser.dom.openOrClosedShadowRoot = (el: HTMLElement) => (el === host ? root : null);
    const ours = document.createElement('div');
    ours.popover = 'manual';
    document.documentElement.append(ours);
    ours.getBoundingClientRect = () => DOMRect.fromRect({ x: 16, y: 700, width: 120, height: 40 });
    return {
      ours,
      reRaise: () => {
        cover.hidePopover();
        cover.showPopover();
      },
    };
  }
  afterEach(() => {
    document.body.replaceChildren();
    document.documentElement.querySelectorAll(':scope > div').forEach((d) => d.remove());
    fakeBrowser.dom.openOrClosedShadowRoot = openRootsOnly;
  });

  for (const mode of ['open', 'closed'] as const)
    test(`refuses every click while it is open where the browser does not track visibility (${mode} root)`, () => {
      const { ours, reRaise } = coveredPage(mode);
      const guard = new TopLayerGuard(document, windowOf(false));
      guard.raise(ours);
      reRaise();
      expect(guard.clear(ours)).toBe(false);
      // Raised again after the refused click, ours cannot be known to stay on top either.
      expect(guard.clear(ours)).toBe(false);
    });

  // Chromium: IntersectionObserver v2 refuses a cover raised unseen (lib/page/button.ts), and a
  // popover the page keeps open below ours does not cost the reader the button.
  test('passes a click once ours was raised above it where the browser tracks visibility', () => {
    const { ours } = coveredPage('closed');
    const guard = new TopLayerGuard(document, windowOf(true));
    guard.raise(ours);
    expect(guard.clear(ours)).toBe(true);
  });
});

/**
 * The check runs on every click on the page button, before the reader opens, and again when it
 * raises ours: it asks the browser for the top-layer elements rather than asking each element, asks
 * only elements that can host a shadow root for one (in Chrome an extension call per element,
 * `dom.openOrClosedShadowRoot`), and walks the page once per click.
 */
describe('the top-layer check of a 10,000-element page', () => {
  const calls = { api: 0 };
  let cover: HTMLElement;

  /** The elements the walk may ask for a shadow root: those the DOM lets host one. */
  const canHost = (): number =>
    [...document.querySelectorAll('*'), cover].filter(
      (e) => e instanceof HTMLElement && (CAN_HOST.has(e.localName) || e.localName.includes('-')),
    ).length;

  /** A host of ours, a manual popover at the root, seen whole on screen. */
  function ourHost(): [HTMLElement, Window] {
    const host = document.createElement('div');
    host.popover = 'manual';
    document.documentElement.append(host);
    // happy-dom lays nothing out.
    host.getBoundingClientRect = () => DOMRect.fromRect({ x: 16, y: 700, width: 120, height: 40 });
    const style = { getPropertyValue: (p: string) => SEEN[p] ?? '' } as CSSStyleDeclaration;
    const win = { innerWidth: 1280, innerHeight: 800, getComputedStyle: () => style };
    return [host, win as unknown as Window];
  }

  // A real article page's markup (BBC Arabic's, inline SVG icons and all) repeated to 10,000
  // elements, with a popover in a closed shadow root among them.
  beforeAll(() => {
    const body = readFileSync(path.join(SHARED, 'corpus/real/bbcarabic-1.html'), 'utf8')
      .replace(/^[\s\S]*?<body[^>]*>/i, '')
      .replace(/<\/body>[\s\S]*$/i, '')
      .replace(/<(script|iframe)[\s\S]*?<\/\1>/gi, '');
    while (document.body.querySelectorAll('*').length < 10_000) {
      const part = document.createElement('div');
      part.innerHTML = body;
      document.body.append(part);
    }
    const host = document.createElement('div');
    document.body.querySelector('div')!.append(host);
    cover = document.createElement('div');
    cover.setAttribute('popover', 'manual');
    const root = host.attachShadow({ mode: 'closed' });
    root.append(cover);
    fakeBrowser.dom.openOrClosedShadowRoot = (el: HTMLElement) => {
      calls.api++;
      if (!(el instanceof HTMLElement))
        throw new TypeError('Error in invocation of dom.openOrClosedShadowRoot');
      return el === host ? root : el.shadowRoot;
    };
  });
  beforeEach(() => {
    cover.showPopover();
    calls.api = 0;
  });
  afterAll(() => {
    document.body.replaceChildren();
    fakeBrowser.dom.openOrClosedShadowRoot = openRootsOnly;
  });

  test('asks only the elements that can host a shadow root, and no element whether it is shown', () => {
    const matches = vi.spyOn(Element.prototype, 'matches');
    expect(topLayerElements(document)).toEqual([cover]);
    const asked = matches.mock.calls.length;
    matches.mockRestore();
    const all = document.querySelectorAll('*').length + 1;
    console.info(
      `top-layer walk of ${all} elements (${canHost()} can host a shadow root): ` +
        `${calls.api} shadow-root API calls, ${asked} matches() calls`,
    );
    expect(asked).toBe(0);
    expect(calls.api).toBe(canHost());
  });

  // Raising ours again after a refused click reuses the click's list.
  test('a refused click walks it once', () => {
    const [ours, win] = ourHost();
    ours.showPopover();
    const expected = canHost();
    expect(new TopLayerGuard(document, win).clear(ours)).toBe(false);
    console.info(`a refused click: ${calls.api} API calls (one walk: ${expected})`);
    expect(calls.api).toBe(expected);
    ours.remove();
  });

  // The reader's overlay is raised in the same task as the click that opens it
  // (lib/page/reader-tab.ts): it reuses the click's list.
  test('a click that opens the reader walks it once', async () => {
    cover.hidePopover();
    const [button, win] = ourHost();
    const guard = new TopLayerGuard(document, win);
    guard.raise(button);
    await Promise.resolve();
    const expected = canHost();
    calls.api = 0;
    expect(guard.clear(button)).toBe(true);
    const [overlay] = ourHost();
    new TopLayerGuard(document, win).raise(overlay);
    console.info(`a click that opens the reader: ${calls.api} API calls (one walk: ${expected})`);
    expect(calls.api).toBe(expected);
    button.remove();
    overlay.remove();
  });
});
