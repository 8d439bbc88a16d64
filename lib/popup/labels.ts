/**
 * The message names of the toolbar popup, the options page and the reading-list messages; the
 * text is in `_locales` (lib/i18n.ts). `$1`… stand for the values passed with a message.
 */
import { message, t, type MessageKey } from '../i18n';

const KEYS = [
  'popupReader',
  'popupSave',
  'popupSaving',
  'popupSearch',
  'popupSearchHint',
  'popupFilters',
  'popupFilterAll',
  'popupFilterUnread',
  'popupFilterArchived',
  'popupFilterFavourites',
  'popupList',
  'popupResults',
  'popupLoading',
  'popupEmpty',
  'popupEmptyFilter',
  'popupNoResults',
  'popupStateRead',
  'popupStateUnread',
  'popupStateArchived',
  'popupStateFavourite',
  'popupStateProgress',
  'popupStateOffline',
  'popupHighlightsMark',
  'popupInNote',
  'popupArchive',
  'popupUnarchive',
  'popupFavourite',
  'popupUnfavourite',
  'popupDelete',
  'popupDeleted',
  'popupUndo',
  'popupRestored',
  'popupKeysHint',
  'popupBackup',
  'popupError',
  'saveDone',
  'saveUpdated',
  'popupReaderNotArticle',
  'saveNotArticle',
  'saveAnyway',
  'saveNoPage',
  'saveFailed',
  'readerOpenSaved',
  'optionsTitle',
  'optionsIntro',
  'optionsExport',
  'optionsExportDone',
  'optionsImport',
  'optionsImportDone',
  'optionsWorking',
  'popupSearchTooShort',
  'popupNearResults',
  'popupButtonHide',
  'popupButtonShow',
  'optionsButtonSitesTitle',
  'optionsButtonSitesNone',
  'optionsButtonSiteShow',
  'welcomeTitle',
  'welcomeIntro',
  'welcomeBadgeTitle',
  'welcomeBadgeSample',
  'welcomeBadge',
  'welcomeButton',
  'welcomeButtonHide',
  'welcomePinTitle',
  'welcomePin',
  'welcomeKeysTitle',
  'welcomeKeyReader',
  'welcomeKeySave',
  'welcomeKeyUnset',
  'welcomeKeysChange',
  'welcomeAccessTitle',
  'welcomeAccessInstall',
  'welcomeAccessFetch',
  'welcomeAccessNothingSent',
  'savedImagesOnline',
  'optionsImagesTitle',
  'optionsImagesShow',
  'optionsImagesUse',
] as const satisfies readonly MessageKey[];

export type PopupLabelKey = (typeof KEYS)[number];

export function isLabelKey(key: string): key is PopupLabelKey {
  return (KEYS as readonly string[]).includes(key);
}

/** A label with `$1`… filled in. */
export function label(key: PopupLabelKey, ...subs: (string | number)[]): string {
  return t(key, subs.map(String));
}

/** The text of a `_locales` key named by another module (an error's message key), if known. */
export function labelFor(key: string, fallback: PopupLabelKey): string {
  return message(key) || label(fallback);
}
