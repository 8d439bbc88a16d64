/**
 * The overlay's reader page and its tab talk over a runtime port (../messages.ts), which the
 * page opens as soon as its HTML is parsed, from a small script of its own
 * (entrypoints/reader-inbox.ts) that runs before the reader's bundle has loaded: the tab's answer,
 * its extracted article, can then travel while that bundle loads and compiles, instead of after.
 * The inbox keeps what arrives until the reader takes it; `waitForOverlayArticle` validates it.
 * The page never sees a window message: it cannot tell the reader is ready, nor answer it.
 */
import { isOverlayClear, OVERLAY_CLEAR, overlayPortName } from '../messages';
import { nativeApi, type NativePort } from '../page/native';
import { parseReaderLocation } from './location';

const INBOX = Symbol.for('qari.overlay-inbox');
/** Marked when the inbox asks for its port (tests check it comes before the bundle runs). */
export const INBOX_OPEN_MARK = 'qari:overlay-inbox';
/** Marked when the first message from the tab (its article) arrives (the benchmark's breakdown). */
export const INBOX_FIRST_MESSAGE_MARK = 'qari:overlay-first-message';
// A tab that does not answer whether the overlay is on top within this time: it is not.
export const CLEAR_WAIT_MS = 2_000;

export interface OverlayInbox {
  /** Hand `take` every message from the tab: those kept so far at once, then each as it comes. */
  listen(take: (message: unknown) => void): void;
  /** Tell the tab something (a message it validates). */
  send(message: unknown): void;
  /** Whether the tab says the overlay is on top of the page's top layer (false: no answer). */
  clear(): Promise<boolean>;
}

type WithInbox = Window & { [INBOX]?: OverlayInbox };

/**
 * The overlay page's inbox, opened on the first call: null outside an overlay (no parent or no
 * token), where there is no tab to hear from. The port goes to the tab's top frame, where the
 * reader code that created this frame listens.
 */
export function openInbox(win: Window): OverlayInbox | null {
  const w = win as WithInbox;
  const token = parseReaderLocation(win.location.href).token;
  if (w[INBOX] || win.parent === win || !token) return w[INBOX] ?? null;
  const kept: unknown[] = [];
  let take: ((message: unknown) => void) | null = null;
  let port: NativePort | null = null;
  const asking: ((ok: boolean) => void)[] = [];
  const api = nativeApi();
  const name = overlayPortName(token);
  const opened = (p: NativePort): void => {
    port = p;
    p.onMessage.addListener((m) => {
      if (!performance.getEntriesByName(INBOX_FIRST_MESSAGE_MARK).length)
        performance.mark(INBOX_FIRST_MESSAGE_MARK);
      if (isOverlayClear(m)) asking.splice(0).forEach((answer) => answer(m.ok));
      else if (take) take(m);
      else kept.push(m);
    });
  };
  // Firefox gives a framed extension page no `tabs`: the background relays the port there
  // (lib/background/overlay-relay.ts).
  const tabs = api.tabs;
  if (!tabs) opened(api.runtime.connect({ name }));
  else
    tabs.getCurrent((tab) => {
      void api.runtime.lastError;
      if (tab?.id !== undefined) opened(tabs.connect(tab.id, { frameId: 0, name }));
    });
  performance.mark(INBOX_OPEN_MARK);
  const inbox: OverlayInbox = {
    listen(fn) {
      take = fn;
      kept.splice(0).forEach(fn);
    },
    send: (message) => port?.postMessage(message),
    clear: () =>
      new Promise((resolve) => {
        asking.push(resolve);
        setTimeout(() => resolve(false), CLEAR_WAIT_MS);
        port?.postMessage(OVERLAY_CLEAR);
      }),
  };
  w[INBOX] = inbox;
  return inbox;
}
