/**
 * The browser's own extension object (`browser` in Firefox, `chrome` in Chrome), for the
 * synchronous calls made by the code loaded into pages: `runtime.getURL`, `i18n.*`. They need no
 * promise wrapper, so the bundles loaded on demand do without webextension-polyfill, ~10 KB each
 * that every page opening the reader would otherwise compile again.
 */
export interface NativeApi {
  runtime: { getURL(path: string): string };
  i18n: { getMessage(key: string): string; getUILanguage(): string };
}

/**
 * `chrome` first: wherever it exists it is the content script world's own property (Chrome, and
 * Firefox too), while `browser` is not defined in Chrome's content scripts, where a page's
 * element with `id="browser"` shows through as `window.browser` (DOM clobbering).
 */
export function nativeApi(): NativeApi {
  const g = globalThis as { browser?: NativeApi; chrome?: NativeApi };
  const api = g.chrome ?? g.browser;
  if (!api) throw new Error('no extension API');
  return api;
}
