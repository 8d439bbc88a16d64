/**
 * The published date for the article header: Gregorian with the Hijri (Umm al-Qura) date beside
 * it, both in the UI language, with Arabic-Indic digits in Arabic.
 */
import type { UiLang } from '../i18n';
import type { DateNaming } from './date-naming';

// A bare date carries no time zone; read it as UTC and format it in UTC so 13 July never
// becomes 12 July west of Greenwich.
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const LOCALES: Record<UiLang, { gregorian: string; hijri: string }> = {
  // `nu-arab` is explicit because recent CLDR data gives plain `ar` Latin digits.
  ar: { gregorian: 'ar-u-nu-arab', hijri: 'ar-u-ca-islamic-umalqura-nu-arab' },
  en: { gregorian: 'en', hijri: 'en-u-ca-islamic-umalqura' },
};

export interface PublishedDate {
  /** Machine-readable value for `<time datetime>`. */
  iso: string;
  gregorian: string;
  hijri: string;
}

/**
 * `naming`: the month names and digits the article writes (`dateNamingOf`); with an Arabic UI,
 * the date is shown in them. Without it, Arabic-Indic digits and the default names.
 */
export function formatPublished(
  iso: string | null,
  lang: UiLang,
  timeZone?: string,
  naming?: DateNaming,
): PublishedDate | null {
  if (!iso) return null;
  const dateOnly = DATE_ONLY.test(iso);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const opts: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: dateOnly ? 'UTC' : timeZone,
  };
  const locales =
    lang === 'ar' && naming
      ? {
          gregorian: `${naming.locale}-u-nu-${naming.digits}`,
          hijri: `ar-u-ca-islamic-umalqura-nu-${naming.digits}`,
        }
      : LOCALES[lang];
  return {
    iso,
    gregorian: new Intl.DateTimeFormat(locales.gregorian, opts).format(date),
    hijri: new Intl.DateTimeFormat(locales.hijri, opts).format(date),
  };
}
