import { takeEarlyRead } from '@/lib/popup/early-read';
import { PAGE_SIZE } from '@/lib/popup/paged-list';

/**
 * The newest entries, read raw from IndexedDB: started by the page's early script
 * (lib/popup/early-read.ts), or here when it did not run. `main.ts` imports this module before
 * the view, so the view mounts with the read under way or done.
 */
const early = takeEarlyRead(window);

export const firstRead = {
  filter: 'all',
  offset: 0,
  limit: PAGE_SIZE,
  page: early.page,
  settled: early.settled,
} as const;
