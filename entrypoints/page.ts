import { startPage } from '@/lib/page';

// The always-on content script (declared in wxt.config.ts). An unlisted script rather than
// defineContentScript: WXT's content-script runtime would cost more bytes than our own code on
// every page, and we need none of it.
export default defineUnlistedScript(() => {
  startPage(document, window);
});
