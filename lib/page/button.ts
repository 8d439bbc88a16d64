// Only this key of each messages file is bundled (Vite's JSON named exports are tree-shaken).
import { readerButton as arabicLabel } from '../../public/_locales/ar/messages.json';
import { readerButton as englishLabel } from '../../public/_locales/en/messages.json';
import { nativeApi } from './native';

const HOST_TAG = 'qari-button';
// One line: every byte of this script is paid on every page.
const CSS =
  ':host{all:initial;position:fixed;bottom:16px;left:16px;z-index:2147483646}' +
  'button{font:600 15px system-ui,sans-serif;direction:rtl;padding:8px 14px;border-radius:20px;border:1px solid #0b6e4f;' +
  'background:#fff;color:#0b4e39;cursor:pointer;box-shadow:0 2px 8px #0003}' +
  'button:hover{background:#e9f5f0}button:focus-visible{outline:3px solid #0b6e4f;outline-offset:2px}';

/**
 * The browser's UI language, from the native `i18n` namespace (Chrome and Firefox both have it
 * synchronously). Not `i18n.getMessage`: its first call in a page fetches the extension's whole
 * message bundle over a synchronous IPC, ~2 ms on every article page.
 */
function uiLanguage(): string {
  try {
    return nativeApi().i18n.getUILanguage();
  } catch {
    return '';
  }
}

/**
 * The page's reader-mode button, in a closed shadow root of its own. `onIntent` runs when the
 * pointer reaches it or it takes focus: the reader's code can load in the moment before the click.
 */
export function showButton(doc: Document, onClick: () => void, onIntent: () => void): HTMLElement {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const button = doc.createElement('button');
  button.type = 'button';
  const english = uiLanguage().startsWith('en');
  button.textContent = (english ? englishLabel : arabicLabel).message;
  button.setAttribute('lang', english ? 'en' : 'ar');
  button.onpointerenter = button.onfocus = onIntent;
  button.addEventListener('click', (e) => {
    // A page cannot forge a trusted click; synthetic events must not drive the extension.
    if (e.isTrusted) onClick();
  });
  root.append(style, button);
  doc.documentElement.append(host);
  return host;
}
