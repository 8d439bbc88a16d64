/**
 * The outcome of a save from the keyboard command or the context menu, where the reader is
 * looking: a short message at the bottom of the page, in an element of its own behind a closed
 * shadow root (a plain `div` like the page button's host: the page can neither define nor style it), above the reader overlay when it is open. Part of the
 * reader's code loaded on demand, never of the always-on script.
 */
import type { SaveToastCommand } from '../messages';
import { hostElement } from './host';
import { nativeApi, tell } from './native';

const SHOWN_MS = 5000;
const ASK_SHOWN_MS = 12_000;
// The host's own box, inline and !important (lib/page/host.ts): the page cannot hide or move it.
const HOST_CSS =
  'position:fixed;bottom:24px;left:50%;transform:translateX(-50%);z-index:2147483647;' +
  'max-width:min(32rem,calc(100vw - 32px));display:block';
const CSS =
  'div{display:flex;gap:12px;align-items:center;font:15px/1.5 system-ui,sans-serif;' +
  'padding:10px 16px;border-radius:10px;background:#1d1b16;color:#fff;box-shadow:0 4px 16px #0005}' +
  'div.error{background:#a4262c}' +
  'button{font:inherit;font-weight:700;color:inherit;background:none;border:1px solid #fff8;' +
  'border-radius:6px;padding:2px 10px;cursor:pointer}' +
  'button:focus-visible{outline:2px solid #fff;outline-offset:2px}';

let current: HTMLElement | null = null;

function message(key: string): string {
  const i18n = nativeApi().i18n;
  return i18n.getMessage(key) || i18n.getMessage('saveFailed');
}

/** Show a save's outcome on the page (one at a time: a newer one replaces the last). */
export function showSaveToast(doc: Document, cmd: SaveToastCommand): HTMLElement {
  current?.remove();
  const [host, root] = hostElement(doc, HOST_CSS);
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  const english = (nativeApi().i18n.getUILanguage?.() ?? '').startsWith('en');
  box.lang = english ? 'en' : 'ar';
  // The UI language's direction: an English sentence keeps its full stop at its end.
  box.dir = english ? 'ltr' : 'rtl';
  box.className = cmd.error ? 'error' : '';
  box.setAttribute('role', cmd.error ? 'alert' : 'status');
  const text = doc.createElement('span');
  text.textContent = message(cmd.key);
  box.append(text);
  if (cmd.ask) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = message('saveAnyway');
    button.addEventListener('click', (e) => {
      // Only the reader's own click: a page cannot forge a trusted event.
      if (!e.isTrusted) return;
      host.remove();
      tell('page:saveAnyway', {}, () => undefined);
    });
    box.append(button);
  }
  root.append(style, box);
  doc.documentElement.append(host);
  current = host;
  setTimeout(() => host.remove(), cmd.ask ? ASK_SHOWN_MS : SHOWN_MS);
  return host;
}
