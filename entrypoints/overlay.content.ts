import { startOverlay } from '@/lib/page/overlay';

// Injected by the background when the reader opens (never on its own): hosts the reader page
// over the tab and answers the background's show/hide commands.
export default defineContentScript({
  // Web pages only: nothing the reader offers needs file:, ftp: or other schemes.
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    startOverlay(document, window);
  },
});
