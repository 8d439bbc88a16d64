/**
 * UI strings for every page (reader, popup, import, options). Labels live in `_locales`; the Arabic fallback passed at each
 * call keeps the page readable where `i18n` is unavailable (unit tests, a missing key).
 */
import browser from 'webextension-polyfill';

export type UiLang = 'ar' | 'en';

// A message whose value names the locale file the browser picked; the extension's default
// locale is Arabic, so any UI language without its own file gets Arabic text.
const LANG_KEY = 'readerUiLang';

export function t(key: string, fallback: string, subs?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, subs) || fallback;
  } catch {
    return fallback;
  }
}

/** The language the reader's labels are shown in, so dates and numbers can match it. */
export function uiLang(): UiLang {
  return t(LANG_KEY, 'ar') === 'en' ? 'en' : 'ar';
}
