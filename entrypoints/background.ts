import { registerCommands } from '@/lib/background/commands';
import { registerReaderService } from '@/lib/background/reader';

export default defineBackground(() => {
  registerReaderService();
  registerCommands(async () => undefined);
});
