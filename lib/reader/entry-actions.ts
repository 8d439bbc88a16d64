/**
 * What a reader can do with the article in front of them: the saved page's toolbar (archive,
 * favourite, mark read or unread, delete, back to the list) and the offer after the last
 * paragraph (archive, save if not saved, back to the page or the list). Each action names the
 * state it leads to, so the same button reads "archive" or "move out of the archive".
 */
import type { LabelKey } from './labels';

export type EntryActionId =
  | 'archive'
  | 'unarchive'
  | 'favourite'
  | 'unfavourite'
  | 'mark-read'
  | 'mark-unread'
  | 'delete'
  | 'save'
  | 'back-to-list'
  | 'back-to-page';

export interface EntryStatus {
  read: boolean;
  archived: boolean;
  favourite: boolean;
}

export const ACTION_LABEL: Record<EntryActionId, LabelKey> = {
  archive: 'readerArchive',
  unarchive: 'readerUnarchive',
  favourite: 'readerFavourite',
  unfavourite: 'readerUnfavourite',
  'mark-read': 'readerMarkRead',
  'mark-unread': 'readerMarkUnread',
  delete: 'readerDelete',
  // Not the toolbar's «حفظ للقراءة لاحقًا»: two buttons of one name on a page cannot be told apart.
  save: 'readerEndSave',
  'back-to-list': 'readerBackToList',
  'back-to-page': 'readerBackToPage',
};

/** The saved page's toolbar, in reading order after the list link. */
export function savedToolbarActions(s: EntryStatus): EntryActionId[] {
  return [
    'back-to-list',
    s.archived ? 'unarchive' : 'archive',
    s.favourite ? 'unfavourite' : 'favourite',
    s.read ? 'mark-unread' : 'mark-read',
    'delete',
  ];
}

/**
 * After the last paragraph. `saved` null: a saved article's own page (always saved); otherwise
 * the overlay over the article's page, where archiving saves first.
 */
export function endActions(where: 'overlay' | 'saved', s: EntryStatus & { saved: boolean }) {
  const ids: EntryActionId[] = [];
  if (!s.archived) ids.push('archive');
  else if (where === 'saved') ids.push('unarchive');
  if (where === 'overlay' && !s.saved) ids.push('save');
  ids.push(where === 'overlay' ? 'back-to-page' : 'back-to-list');
  return ids;
}

/** The status an action leads to (the message to the background), or null for the others. */
export function statusPatch(id: EntryActionId): Partial<EntryStatus> | null {
  switch (id) {
    case 'archive':
      return { archived: true };
    case 'unarchive':
      return { archived: false };
    case 'favourite':
      return { favourite: true };
    case 'unfavourite':
      return { favourite: false };
    case 'mark-read':
      return { read: true };
    case 'mark-unread':
      return { read: false };
    default:
      return null;
  }
}
