/**
 * The offscreen document's side: answer validated extraction requests from our own background.
 * Only `chrome.runtime` exists in an offscreen document, so this uses it directly.
 */
import type { Browser } from 'wxt/browser';
import { chromeApi } from '../chrome';
import { extractHtml } from './extract-html';
import { isOffscreenExtractRequest } from './offscreen-protocol';

type Runtime = typeof Browser.runtime;

export function serveOffscreenExtract(runtime: Runtime = chromeApi().runtime): void {
  runtime.onMessage.addListener(
    (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void) => {
      if (sender.id !== runtime.id || sender.tab) return undefined;
      if (!isOffscreenExtractRequest(raw)) return undefined;
      sendResponse(extractHtml(raw.html, raw.url));
      return undefined;
    },
  );
}
