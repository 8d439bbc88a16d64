import './popup.css';
import { readFirstPage } from '@/lib/popup/first-page';
import { PAGE_SIZE } from '@/lib/popup/paged-list';

// The newest entries are read raw from IndexedDB first, while the view's code loads: opening the
// database and reading a screenful take as long as loading Preact and the popup's views.
const first = { filter: 'all', offset: 0, limit: PAGE_SIZE } as const;
const page = readFirstPage(PAGE_SIZE).catch(() => null);
void import('./app').then(({ mount }) => mount({ ...first, page }));
