import { registerModule } from '@/lib/page/modules';
import { extractTab } from '@/lib/page/extract-tab';

// Loaded into a tab by the reader's code when an article is wanted (lib/page/modules.ts).
export default defineUnlistedScript(() => {
  registerModule('extract-tab', extractTab(document));
});
