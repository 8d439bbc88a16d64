import { registerModule } from '@/lib/page/registry';
import { readerTab } from '@/lib/page/reader-tab';

// Loaded into a tab by the always-on script when the reader is asked for (lib/page/modules.ts).
export default defineUnlistedScript(() => {
  registerModule('reader-tab', readerTab(document, window));
});
