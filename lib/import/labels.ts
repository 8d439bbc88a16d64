/**
 * The message names of the import page, the failure reasons shown in the popup and the bookmark
 * export; the text is in `_locales` (lib/i18n.ts). `$1`… stand for values.
 */
import { message, t, type MessageKey } from '../i18n';

export const IMPORT_LABELS = [
  'importTitle',
  'importHeading',
  'importIntro',
  'importChoose',
  'importReading',
  'importCounting',
  'importPreviewHeading',
  'importCounts',
  'importDuplicates',
  'importMalformed',
  'importMalformedRow',
  'importStart',
  'importCancel',
  'importPermissionDenied',
  'importStarted',
  'importProgressHeading',
  'importDone',
  'importFailed',
  'importWaiting',
  'importPaused',
  'importPause',
  'importResume',
  'importRetry',
  'importFailuresHeading',
  'importFileUnknown',
  'importFileEmpty',
  'importFileTooLarge',
  'importFileBadBackup',
  'importRowReason_no_url',
  'importRowReason_bad_url',
  'importRowReason_not_web_url',
  'importRowReason_columns',
  'importRowReason_unterminated',
  'importFailure_gone',
  'importFailure_http',
  'importFailure_network',
  'importFailure_timeout',
  'importFailure_server',
  'importFailure_not_article',
  'importFailure_not_arabic',
  'importFailure_too_large',
  'importFailure_error',
  'popupImport',
  'optionsOpenImport',
  'optionsExportBookmarks',
  'importRetryingHeading',
] as const satisfies readonly MessageKey[];

export type ImportLabelKey = (typeof IMPORT_LABELS)[number];

export function importLabel(key: ImportLabelKey, ...subs: (string | number)[]): string {
  return t(key, subs.map(String));
}

/** A label named at run time (an error's or failure's key), or the generic one. */
export function importLabelFor(key: string, fallback: ImportLabelKey): string {
  return message(key) || importLabel(fallback);
}
