import { registerCommands } from '@/lib/background/commands';
import { registerImportService } from '@/lib/background/import';
import { registerLibraryService, saveTab } from '@/lib/background/library';
import { registerReaderService, toggleReader } from '@/lib/background/reader';

export default defineBackground(() => {
  registerReaderService();
  registerLibraryService();
  registerImportService();
  registerCommands({ toggleReader, savePage: saveTab });
});
