/**
 * UI strings for every page (reader, popup, import, options, the background's titles), from
 * `public/_locales` only. To convert a label table written the old way, move each `key: 'Arabic'`
 * into `public/_locales/{ar,en}/messages.json` (if not there), leave `'key'` in the table's key
 * list, and call `t(key, subs)` where `t(key, 'Arabic fallback', subs)` was.
 * Under Vitest, tests/unit/setup.ts serves `i18n.getMessage` from the Arabic file itself.
 */
import browser from 'webextension-polyfill';
import type arMessages from '../public/_locales/ar/messages.json';

/** A message of the default (Arabic) locale; scripts/check-ui-strings.ts keeps en in step. */
export type MessageKey = keyof typeof arMessages;

export type UiLang = 'ar' | 'en';

// A message whose value names the locale file the browser picked; the extension's default
// locale is Arabic, so any UI language without its own file gets Arabic text.
const LANG_KEY: MessageKey = 'readerUiLang';

/** A message named at run time (an error's `messageKey`), or '' when `_locales` has none. */
export function message(key: string, subs?: string | string[]): string {
  return browser.i18n.getMessage(key, subs);
}

/** A UI string; `$1`… in the message take `subs`. */
export function t(key: MessageKey, subs?: string | string[]): string {
  return message(key, subs);
}

/** The language the reader's labels are shown in, so dates and numbers can match it. */
export function uiLang(): UiLang {
  return t(LANG_KEY) === 'en' ? 'en' : 'ar';
}
