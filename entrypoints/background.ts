import { registerCommands } from '@/lib/background/commands';
import { registerImportService } from '@/lib/background/import';
import { registerLibraryService, saveTab } from '@/lib/background/library';
import { registerReaderService, toggleReader } from '@/lib/background/reader';
import { registerReadingListSync } from '@/lib/background/reading-list-sync';

export default defineBackground(() => {
  registerReaderService();
  registerLibraryService();
  registerImportService();
  registerReadingListSync();
  registerCommands({ toggleReader, savePage: saveTab });
});
