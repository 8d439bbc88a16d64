/**
 * Firefox gives an extension page framed in a web page only a few APIs (runtime, storage, i18n;
 * no `tabs`), so the overlay's reader page there cannot open its port to its tab itself
 * (lib/reader/overlay-inbox.ts): it connects to the background instead, which opens the same
 * port to the tab's top frame and passes messages both ways. Chrome's frames connect directly.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { overlayPortName } from '../messages';

const OVERLAY_PORT_PREFIX = overlayPortName('');

/** Only our reader page, framed in a tab, with an overlay port's name. */
function relayTarget(port: Runtime.Port, readerPage: string): number | null {
  const s = port.sender;
  const tabId = s?.tab?.id;
  const ours = s?.id === browser.runtime.id && !!s.url?.startsWith(readerPage);
  if (!ours || tabId === undefined || !port.name.startsWith(OVERLAY_PORT_PREFIX)) return null;
  return tabId;
}

export function registerOverlayRelay(): void {
  const readerPage = browser.runtime.getURL('/reader.html');
  browser.runtime.onConnect.addListener((frame: Runtime.Port) => {
    const tabId = relayTarget(frame, readerPage);
    if (tabId === null) return frame.disconnect();
    const tab = browser.tabs.connect(tabId, { frameId: 0, name: frame.name });
    frame.onMessage.addListener((m: unknown) => tab.postMessage(m));
    tab.onMessage.addListener((m: unknown) => frame.postMessage(m));
    frame.onDisconnect.addListener(() => tab.disconnect());
    tab.onDisconnect.addListener(() => frame.disconnect());
  });
}
