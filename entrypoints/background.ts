import { registerReaderService } from '@/lib/background/reader';

export default defineBackground(() => {
  registerReaderService();
});
