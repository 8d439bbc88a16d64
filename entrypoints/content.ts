import { startPage } from '@/lib/page';

// Always on: decides whether the page is an Arabic article and, if so, offers reader mode.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main() {
    startPage(document, window);
  },
});
