import { extract } from '@/lib/extract';
import { loadedImagesOf } from '@/lib/extract/images';
import { registerModule } from '@/lib/page/registry';

// Loaded into a tab by the reader's code when an article is wanted (lib/page/modules.ts).
export default defineUnlistedScript(() => {
  registerModule('extract-tab', () =>
    extract(document, { loadedImages: loadedImagesOf(document) }),
  );
});
