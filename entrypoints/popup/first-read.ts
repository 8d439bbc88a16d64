import { readFirstPage } from '@/lib/popup/first-page';
import { PAGE_SIZE } from '@/lib/popup/paged-list';

/**
 * The newest entries, read raw from IndexedDB as soon as this module runs: `main.ts` imports it
 * before the view, so the read goes on while the view's modules run and the view mounts.
 */
export const firstRead = {
  filter: 'all',
  offset: 0,
  limit: PAGE_SIZE,
  page: readFirstPage(PAGE_SIZE).catch(() => null),
} as const;
