import type { MessageType, Req, Res } from '../messages';

/**
 * The browser's own extension object (`browser` in Firefox, `chrome` in Chrome), for the code in
 * pages: the always-on script's one report and its command listener, and the synchronous calls
 * of the code loaded on demand (`runtime.getURL`, `i18n.*`). None needs a promise wrapper, so no
 * script in a page carries webextension-polyfill: ~10 KB that every page would otherwise compile
 * and run, and whose first calls cost the always-on script ~1 ms on each article page.
 */
/** A runtime port (the overlay's channel between its frame and its tab, ../reader/overlay-port.ts). */
export interface NativePort {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface NativeApi {
  runtime: {
    getURL(path: string): string;
    sendMessage(message: unknown, callback: (answer?: unknown) => void): void;
    connect(info: { name: string }): NativePort;
    lastError?: unknown;
    onConnect: { addListener(listener: (port: NativePort) => void): void };
    onMessage: {
      addListener(
        listener: (message: unknown, sender: unknown, respond: (answer: unknown) => void) => true,
      ): void;
    };
  };
  i18n: { getMessage(key: string): string; getUILanguage?(): string };
  /** Chrome's (88+): a shadow root, open or closed. Firefox has `openOrClosedShadowRoot` instead. */
  dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null };
  /** Missing in Firefox's extension pages framed by web pages. */
  tabs?: {
    getCurrent(callback: (tab?: { id?: number }) => void): void;
    connect(tabId: number, info: { frameId: number; name: string }): NativePort;
  };
}

/**
 * `chrome` first: wherever it exists it is the content script world's own property (Chrome, and
 * Firefox too), while `browser` is not defined in Chrome's content scripts, where a page's
 * element with `id="browser"` shows through as `window.browser` (DOM clobbering).
 */
export function nativeApi(): NativeApi {
  const g = globalThis as { browser?: NativeApi; chrome?: NativeApi };
  // Never missing in a content script; where it is (a test, a page), the first call through it
  // throws a TypeError. No check of our own: this script's bytes are paid on every page.
  return (g.chrome ?? g.browser)!;
}

/** Answer the background's tab commands: `handle`'s promise is the answer (null if it fails). */
export function listen(handle: (message: unknown) => unknown): void {
  nativeApi().runtime.onMessage.addListener((message, _sender, respond) => {
    // Called in a microtask: a handler that throws at once still answers (null), like one that rejects.
    Promise.resolve(message)
      .then(handle)
      .then(respond, () => respond(null));
    // The answer comes later: keep the channel open (Chrome and Firefox both honour this).
    return true;
  });
}

/**
 * Tell the background something; `answer` gets its answer. The callback reads
 * `lastError` first, so a background that is updating or gone costs no error in the page's
 * console (and gives no answer).
 */
export function tell<K extends MessageType>(
  type: K,
  payload: Req<K>,
  answer: (res: Res<K> | undefined) => void,
): void {
  const runtime = nativeApi().runtime;
  runtime.sendMessage({ type, payload }, (res) => {
    if (!runtime.lastError) answer(res as Res<K> | undefined);
  });
}
