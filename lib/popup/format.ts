/** How a saved entry's facts read in the popup list: site, saved date, progress. */
import type { UiLang } from '../reader/i18n';

const NUMBER_LOCALE: Record<UiLang, string> = { ar: 'ar-u-nu-arab', en: 'en' };
const WWW = /^www\./;

export function siteOf(meta: { siteName: string | null; url: string }): string {
  if (meta.siteName) return meta.siteName;
  try {
    return new URL(meta.url).hostname.replace(WWW, '');
  } catch {
    return '';
  }
}

/** The day an entry was saved: day and month, with the year when it is not this year. */
export function savedDate(savedAt: number, lang: UiLang, now = Date.now()): string {
  const date = new Date(savedAt);
  if (Number.isNaN(date.getTime())) return '';
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(NUMBER_LOCALE[lang], {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

export function percent(fraction: number, lang: UiLang): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return new Intl.NumberFormat(NUMBER_LOCALE[lang], {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(f);
}

export function count(n: number, lang: UiLang): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[lang]).format(n);
}
