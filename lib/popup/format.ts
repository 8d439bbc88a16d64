/** How a saved entry's facts read in the popup list: site, saved date, progress. */
import type { UiLang } from '../i18n';

const NUMBER_LOCALE: Record<UiLang, string> = { ar: 'ar-u-nu-arab', en: 'en' };

// Making an Intl formatter costs far more than formatting with it, and every row of the list
// formats a date: each formatter is made once.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(lang: UiLang, withYear: boolean): Intl.DateTimeFormat {
  const key = `d:${lang}:${withYear}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(NUMBER_LOCALE[lang], {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

function numberFormat(lang: UiLang, style: 'decimal' | 'percent'): Intl.NumberFormat {
  const key = `n:${lang}:${style}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(NUMBER_LOCALE[lang], { style, maximumFractionDigits: 0 });
    formatters.set(key, f);
  }
  return f;
}

/** The day an entry was saved: day and month, with the year when it is not this year. */
export function savedDate(savedAt: number, lang: UiLang, now = Date.now()): string {
  const date = new Date(savedAt);
  if (Number.isNaN(date.getTime())) return '';
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return dateFormat(lang, !sameYear).format(date);
}

export function percent(fraction: number, lang: UiLang): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return numberFormat(lang, 'percent').format(f);
}

export function count(n: number, lang: UiLang): string {
  return numberFormat(lang, 'decimal').format(n);
}
