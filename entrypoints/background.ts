import { registerCommands } from '@/lib/background/commands';
import { registerImportService } from '@/lib/background/import';
import { registerLibraryService } from '@/lib/background/library';
import { registerReaderService, toggleReader } from '@/lib/background/reader';
import { registerReadingListSync } from '@/lib/background/reading-list-sync';
import { registerSaveFeedback, savePageWithFeedback } from '@/lib/background/save-feedback';

export default defineBackground(() => {
  registerReaderService();
  registerLibraryService();
  registerImportService();
  registerReadingListSync();
  registerSaveFeedback();
  registerCommands({ toggleReader, savePage: savePageWithFeedback });
});
