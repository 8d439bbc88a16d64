import { watchShown } from '@/lib/page/shown';

// The second always-on content script, at document_start (wxt.config.ts): before any of the
// page's scripts, it starts the log of top-layer toggles that the click check reads
// (lib/page/shown.ts). Written out like page.ts: a bare main(), no WXT wrapper.
export default { main: () => watchShown(window) };
