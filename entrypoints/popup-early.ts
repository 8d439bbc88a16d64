import { startEarlyRead } from '@/lib/popup/early-read';

// Loaded by the popup page's <head> before its bundle (see lib/popup/early-read.ts).
export default defineUnlistedScript(() => {
  startEarlyRead(window);
});
