/**
 * Chrome's own extension APIs that webextension-polyfill does not wrap (`offscreen`,
 * `runtime.getContexts`), and the bare `chrome.runtime` of the offscreen document, which loads
 * no polyfill. With lib/page/native.ts, the only code that names the `chrome` global
 * (eslint.config.js holds the rule; README, "Layout", says which to use where).
 */
import type { Browser } from 'wxt/browser';

export type ChromeApi = typeof Browser;

export function chromeApi(): ChromeApi {
  return (globalThis as unknown as { chrome: ChromeApi }).chrome;
}
