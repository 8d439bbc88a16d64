/**
 * One reading state per list row, so a row never says two things at once («غير مقروءة» beside
 * «مؤرشفة», or beside «قُرئ ٨٠٪»). Archived is where a reader puts what is done with, whatever
 * was read of it; otherwise the stored flag and the reading position decide. Favourite is not a
 * reading state: it goes with any of them.
 */
import { READ_AT } from '../library/saved-progress';
import type { ListFilter } from '../store/articles';
import type { Entry } from '../store/entry';
import type { PopupLabelKey } from './labels';

export type ReadingState = 'unread' | 'progress' | 'read' | 'archived';

export interface RowState {
  state: ReadingState;
  /** How far the reader got (0–1), only in progress. */
  progress: number | null;
  favourite: boolean;
}

export const STATE_LABEL: Record<ReadingState, PopupLabelKey> = {
  unread: 'popupStateUnread',
  progress: 'popupStateProgress',
  read: 'popupStateRead',
  archived: 'popupStateArchived',
};

// The count line names the part of the list it counts.
const COUNT_LABEL: Record<ListFilter, PopupLabelKey> = {
  all: 'popupList',
  inbox: 'popupList',
  unread: 'popupFilterUnread',
  archived: 'popupFilterArchived',
  favourites: 'popupFilterFavourites',
};

const progressOf = (p: number): number => (Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0);

export function rowState(e: Pick<Entry, 'read' | 'archived' | 'favourite' | 'progress'>): RowState {
  const p = progressOf(e.progress);
  const state: ReadingState = e.archived
    ? 'archived'
    : e.read || p >= READ_AT
      ? 'read'
      : p > 0
        ? 'progress'
        : 'unread';
  return { state, progress: state === 'progress' ? p : null, favourite: e.favourite };
}

/** The label of the count line above the list: the filter shown, or the search results. */
export function countLabelKey(filter: ListFilter, searching: boolean): PopupLabelKey {
  return searching ? 'popupResults' : COUNT_LABEL[filter];
}
