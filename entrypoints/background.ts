import { registerCommands } from '@/lib/background/commands';
import { registerImportService } from '@/lib/background/import';
import { registerLibraryService } from '@/lib/background/library';
import { pageButtonHandlers } from '@/lib/background/page-button';
import { registerOverlayRelay } from '@/lib/background/overlay-relay';
import { registerReaderService, toggleReader } from '@/lib/background/reader';
import { registerReadingListSync } from '@/lib/background/reading-list-sync';
import { saveFeedbackHandlers, savePageWithFeedback } from '@/lib/background/save-feedback';
import { registerWelcome } from '@/lib/background/welcome';
import { serve, type AllHandlers } from '@/lib/messaging';

export default defineBackground(() => {
  // One listener for every message; a message type without a handler fails to compile.
  serve({
    ...registerReaderService(),
    ...registerLibraryService(),
    ...registerImportService(),
    ...registerReadingListSync(),
    ...saveFeedbackHandlers(),
    ...pageButtonHandlers(),
  } satisfies AllHandlers);
  registerCommands({ toggleReader, savePage: savePageWithFeedback });
  registerWelcome();
  registerOverlayRelay();
});
