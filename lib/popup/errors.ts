/** The `_locales` key that explains why reader mode could not open in a tab. */
import type { PopupLabelKey } from './labels';

// `error`: the extension's script could not run there (browser pages, the web store, PDFs).
const READER_ERRORS: Record<string, PopupLabelKey> = {
  'no-content': 'popupReaderNotArticle',
  empty: 'popupReaderNotArticle',
  'not-html': 'popupReaderNotArticle',
  'too-large': 'saveFailed',
  timeout: 'saveFailed',
  error: 'saveNoPage',
  'no-tab': 'saveNoPage',
};

export function readerErrorKey(error: string | null | undefined): PopupLabelKey {
  return (error && READER_ERRORS[error]) || 'popupError';
}

/** The message key carried by a failed call, or the generic one. */
export function errorKey(err: unknown): string {
  const key = (err as { messageKey?: unknown } | null)?.messageKey;
  return typeof key === 'string' ? key : 'popupError';
}
