import { startPage } from '@/lib/page';

// The always-on content script (declared in wxt.config.ts). An unlisted script rather than
// defineContentScript: WXT's content-script runtime would cost more bytes than our own code on
// every page, and we need none of it. The definition is written out rather than made by
// defineUnlistedScript, whose normalizing wrapper is ~60 bytes of this script's 8 KB budget
// (wxt.config.ts starts it with a bare `main()`).
export default { main: () => startPage(document, window) };
