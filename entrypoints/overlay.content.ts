import { startOverlay } from '@/lib/page/overlay';

// Injected by the background when the reader opens (never on its own): hosts the reader page
// over the tab and answers the background's show/hide commands.
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    startOverlay(document, window);
  },
});
