import type { ButtonLabel } from '../messages';
import { hostElement } from './host';

// One line: every byte of this script is paid on every page. The host's own style is inline
// (./host.ts); this one only reaches the button inside its shadow root. No z-index: the host is
// in the top layer, above every z-index.
const HOST_CSS = 'position:fixed;bottom:1pc;left:1pc'; // 1pc = 16px
// The root holds only the button (and this style), so `*` is the button; border and outline take
// its text's colour. In a narrow window it
// steps out of the text's way while the reader scrolls down (class h), and comes back on the way up.
const CSS =
  '*{font:600 15px system-ui;padding:8px 1pc;border-radius:2pc;border:1px solid;' +
  'background:#fff;color:#0b4e39;cursor:pointer;box-shadow:0 2px 8px #0003}' +
  ':hover{background:#e9f5f0}:focus-visible{outline:3px solid;outline-offset:2px}' +
  '@media(max-width:40em){.h{translate:0 5pc}}';
// IntersectionObserver v2: the browser says whether the button is really visible (not covered,
// faded, filtered or transformed, on the page or any ancestor). 100 ms is its smallest delay.
const VISIBILITY = { trackVisibility: true, delay: 100 } as IntersectionObserverInit;

/**
 * The page's reader-mode button, in a closed shadow root of its own, labelled as the background
 * says (its UI language: this script reads no message bundle). `onIntent` runs when the pointer
 * reaches it or it takes focus: the reader's code can load in the moment before the click.
 * The host is a manual popover, shown in the browser's top layer: no element of the page paints
 * over it but another top-layer one shown after it.
 * A click counts only when it is trusted and the browser last said the button was visible: a page
 * that covers it with a decoy the pointer goes through, or fades it, gets nothing from the click.
 * `onClick` gets the host: the reader's code checks the top layer before it acts
 * (./top-layer.ts), the only check where the browser has no visibility tracking (Firefox).
 */
export function showButton(
  doc: Document,
  label: ButtonLabel,
  onClick: (host: HTMLElement) => void,
  onIntent: () => void,
): HTMLElement {
  const [host, root] = hostElement(doc, HOST_CSS);
  const style = doc.createElement('style');
  style.append(CSS);
  const button = doc.createElement('button');
  button.textContent = label.text;
  button.lang = label.lang;
  button.onpointerenter = button.onfocus = onIntent;
  // Unset (not visible) until the browser first reports.
  let visible: boolean | undefined;
  new IntersectionObserver((entries) => {
    // Undefined where the browser does not track visibility: a click there means it was seen.
    visible = (entries.pop() as { isVisible?: boolean }).isVisible !== false;
  }, VISIBILITY).observe(button);
  // A page cannot forge a trusted click; synthetic events must not drive the extension. (A
  // handler property, not addEventListener: bytes; the button is in our closed root.)
  button.onclick = (e) => {
    if (e.isTrusted && visible) onClick(host);
  };
  let lastY = 0;
  // The page's own scrolling, read only (this script's global is the page's window): scrolled
  // down, the button steps aside (narrow windows only, by the style's media query).
  addEventListener('scroll', () => {
    button.className = scrollY > lastY ? 'h' : '';
    lastY = scrollY;
  });
  root.append(style, button);
  doc.documentElement.append(host);
  host.popover = 'manual';
  host.showPopover();
  return host;
}
