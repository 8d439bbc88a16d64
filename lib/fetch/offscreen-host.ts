/**
 * The offscreen document's side: answer validated requests from our own background (extract a
 * fetched page, clean a restored backup's body).
 * Only `chrome.runtime` exists in an offscreen document, so this uses it directly.
 */
import type { Browser } from 'wxt/browser';
import { chromeApi } from '../chrome';
import { extractHtml } from './extract-html';
import { cleanRestoredBody } from '../import/restored-body';
import { isOffscreenCleanBodiesRequest, isOffscreenExtractRequest } from './offscreen-protocol';

type Runtime = typeof Browser.runtime;

export function serveOffscreen(runtime: Runtime = chromeApi().runtime): void {
  runtime.onMessage.addListener(
    (raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void) => {
      if (sender.id !== runtime.id || sender.tab) return undefined;
      if (isOffscreenExtractRequest(raw)) sendResponse(extractHtml(raw.html, raw.url));
      else if (isOffscreenCleanBodiesRequest(raw))
        sendResponse({ html: raw.bodies.map((b) => cleanRestoredBody(window, b.html, b.url)) });
      return undefined;
    },
  );
}
