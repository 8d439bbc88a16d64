/**
 * The message names of the reader page, looked up once from `_locales` (lib/i18n.ts).
 */
import { t, type MessageKey } from '../i18n';
import type { ContentLabels } from './render-content';

const KEYS = [
  'readerLoading',
  'readerError',
  'readerMissing',
  'readerClose',
  'readerSave',
  'readerSaved',
  'readerSkip',
  'readerToc',
  'readerTocToggle',
  'readerSettings',
  'readerHelp',
  'readerKeyNext',
  'readerKeyPrev',
  'readerKeyClose',
  'readerKeyHelp',
  'readerProgress',
  'readerOriginal',
  'readerFontSize',
  'readerFont',
  'readerFontNaskh',
  'readerFontSans',
  'readerLineHeight',
  'readerWidth',
  'readerWidthNarrow',
  'readerWidthMedium',
  'readerWidthWide',
  'readerTheme',
  'readerThemeLight',
  'readerThemeSepia',
  'readerThemeDark',
  'readerThemeSystem',
  'readerJustify',
  'readerEmbedLink',
  'readerTable',
  'readerNotArticle',
  'readerShowAnyway',
  'readerEndHeading',
  'readerArchive',
  'readerArchived',
  'readerUnarchive',
  'readerFavourite',
  'readerUnfavourite',
  'readerMarkUnread',
  'readerMarkRead',
  'readerDelete',
  'readerDeleted',
  'readerUndo',
  'readerBackToList',
  'readerEndSave',
  'readerBackToPage',
  'readerRetry',
  'readerActionFailed',
  'readerKeyToggle',
  'readerKeySave',
  'readerKeyUnset',
  'readerNoSections',
  'readerImages',
  'readerHighlights',
  'readerHlToolbar',
  'readerHlYellow',
  'readerHlGreen',
  'readerHlBlue',
  'readerHlPink',
  'readerHlNote',
  'readerHlCopy',
  'readerHlCopied',
  'readerHlNotFound',
  'readerHlJump',
  'readerHlRemove',
  'readerHlNoteLabel',
  'readerHlNoteSave',
  'readerHlNoteSaved',
  'readerHlEmpty',
  'readerHlCopyMd',
  'readerHlDownloadMd',
  'readerHlMdCopied',
  'readerHlSavedFirst',
  'readerHlFailed',
  'readerHlSelectFirst',
  'readerKeyHighlight',
  'readerHlMdNote',
  'readerHlMdSaved',
] as const satisfies readonly MessageKey[];

export type LabelKey = (typeof KEYS)[number];
export type Labels = Record<LabelKey, string>;

export function readerLabels(): Labels {
  const out = {} as Labels;
  for (const key of KEYS) out[key] = t(key);
  return out;
}

export function contentLabels(l: Labels): ContentLabels {
  return { embedLink: l.readerEmbedLink, table: l.readerTable };
}
