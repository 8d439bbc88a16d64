import { openInbox } from '@/lib/reader/overlay-inbox';

// Loaded by the reader page's <head> before its bundle (see lib/reader/overlay-inbox.ts).
export default defineUnlistedScript(() => {
  openInbox(window);
});
