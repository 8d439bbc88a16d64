import { registerCommands } from '@/lib/background/commands';
import { registerImportService } from '@/lib/background/import';
import { registerLibraryService, saveTab } from '@/lib/background/library';
import { registerReaderService, toggleReader } from '@/lib/background/reader';
import { registerReadingListSync } from '@/lib/background/reading-list-sync';
import { serve, type AllHandlers } from '@/lib/messaging';

export default defineBackground(() => {
  // One listener for every message; a message type without a handler fails to compile.
  serve({
    ...registerReaderService(),
    ...registerLibraryService(),
    ...registerImportService(),
    ...registerReadingListSync(),
  } satisfies AllHandlers);
  registerCommands({ toggleReader, savePage: saveTab });
});
