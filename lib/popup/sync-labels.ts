/**
 * The message names of the sync state (popup, options page) and of fetching a synced entry's
 * article (reader page); the text is in `_locales` (lib/i18n.ts). `$1`… stand for values.
 */
import { message, t, type MessageKey } from '../i18n';

export const SYNC_LABELS = [
  'syncTitle',
  'syncLastSynced',
  'syncNever',
  'syncPending',
  'syncOff',
  'syncLocalOnly',
  'syncErrorUnknown',
  'syncClockAhead',
  'syncOptionsTitle',
  'syncOptionsIntro',
  'syncEnable',
  'syncNow',
  'syncWorking',
  'syncFetchingBody',
  'syncFetchBodyFailed',
  'syncFetchGone',
  'syncFetchNetwork',
  'syncFetchNotArticle',
  'syncOpenOriginal',
  'syncFetchNeedsAccess',
  'syncAllowAccess',
  'syncRetry',
] as const satisfies readonly MessageKey[];

export type SyncLabelKey = (typeof SYNC_LABELS)[number];

export function syncLabel(key: SyncLabelKey, ...subs: (string | number)[]): string {
  return t(key, subs.map(String));
}

/** A `_locales` key named elsewhere (an engine error's `messageKey`), or the generic label. */
export function syncLabelFor(key: string, fallback: SyncLabelKey): string {
  return message(key) || syncLabel(fallback);
}
