// Only this key of each messages file is bundled (Vite's JSON named exports are tree-shaken).
import { readerButton as arabicLabel } from '../../public/_locales/ar/messages.json';
import { readerButton as englishLabel } from '../../public/_locales/en/messages.json';
import { hostElement } from './host';
import { nativeApi } from './native';

// One line: every byte of this script is paid on every page. The host's own style is inline
// (./host.ts); this one only reaches the button inside its shadow root.
const HOST_CSS = 'position:fixed;bottom:1pc;left:1pc;z-index:2147483647'; // 1pc = 16px
// The root holds only the button (and this style), so `*` is the button.
const CSS =
  '*{font:600 15px system-ui;padding:8px 14px;border-radius:20px;border:1px solid #0b6e4f;' +
  'background:#fff;color:#0b4e39;cursor:pointer;box-shadow:0 2px 8px #0003}' +
  ':hover{background:#e9f5f0}:focus-visible{outline:3px solid #0b6e4f;outline-offset:2px}';
// IntersectionObserver v2: the browser says whether the button is really visible (not covered,
// faded, filtered or transformed, on the page or any ancestor). 100 ms is its smallest delay.
const VISIBILITY = { trackVisibility: true, delay: 100 } as IntersectionObserverInit;

/**
 * Whether the browser's UI language is English, from the native `i18n` namespace (Chrome and Firefox both have it
 * synchronously). Not `i18n.getMessage`: its first call in a page fetches the extension's whole
 * message bundle over a synchronous IPC, ~2 ms on every article page.
 */
function englishUi(): boolean {
  // "undefined" where there is none: not English.
  return /^en/.test(`${nativeApi().i18n.getUILanguage?.()}`);
}

/**
 * The page's reader-mode button, in a closed shadow root of its own. `onIntent` runs when the
 * pointer reaches it or it takes focus: the reader's code can load in the moment before the click.
 * A click counts only when it is trusted and the browser last said the button was visible: a page
 * that covers it with a decoy the pointer goes through, or fades it, gets nothing from the click.
 * Where the browser has no visibility tracking (Firefox) only the trusted click is checked.
 */
export function showButton(doc: Document, onClick: () => void, onIntent: () => void): HTMLElement {
  const [host, root] = hostElement(doc, HOST_CSS);
  const style = doc.createElement('style');
  style.append(CSS);
  const button = doc.createElement('button');
  const english = englishUi();
  button.textContent = (english ? englishLabel : arabicLabel).message;
  button.lang = english ? 'en' : 'ar';
  button.onpointerenter = button.onfocus = onIntent;
  let visible = false;
  new IntersectionObserver((entries) => {
    // Undefined where the browser does not track visibility: a click there means it was seen.
    visible = (entries.pop() as { isVisible?: boolean }).isVisible !== false;
  }, VISIBILITY).observe(button);
  button.addEventListener('click', (e) => {
    // A page cannot forge a trusted click; synthetic events must not drive the extension.
    if (e.isTrusted && visible) onClick();
  });
  root.append(style, button);
  doc.documentElement.append(host);
  return host;
}
