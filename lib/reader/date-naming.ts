/**
 * Which month names and digits an article writes its dates in, so the header shows the date as
 * the article does: Levantine and Iraqi «كانون الثاني، شباط…», Tunisian and Algerian «جانفي،
 * فيفري…», Moroccan «يوليوز، غشت…», or Egyptian and Gulf «يناير، فبراير…». Only the names one
 * naming uses and the others do not count; an article that writes two namings («مارس/آذار»),
 * or none, keeps the plain Arabic default. Intl prints each naming by a locale of its region.
 */

export type Digits = 'arab' | 'latn';

export interface DateNaming {
  /** A BCP 47 locale whose CLDR month names are the article's (`ar` for the default). */
  locale: string;
  digits: Digits;
}

const NAMINGS: ReadonlyArray<{ locale: string; months: RegExp }> = [
  {
    locale: 'ar-LB',
    months:
      /(?:كانون (?:الثاني|الأول)|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين (?:الأول|الاول|الثاني))(?![\p{L}])/gu,
  },
  {
    locale: 'ar-TN',
    months: /(?<![\p{L}])(?:جانفي|فيفري|أفريل|افريل|جوان|جويلية|أوت|اوت)(?![\p{L}])/gu,
  },
  { locale: 'ar-MA', months: /(?<![\p{L}])(?:يوليوز|غشت|شتنبر|نونبر|دجنبر)(?![\p{L}])/gu },
  {
    locale: 'ar-EG',
    months: /(?<![\p{L}])(?:يناير|فبراير|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس)(?![\p{L}])/gu,
  },
];

const ARABIC_DIGITS = /[٠-٩]/g;
const LATIN_DIGITS = /[0-9]/g;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** The naming and digits `text` (an article's plain text) writes dates in. */
export function dateNamingOf(text: string): DateNaming {
  const hits = NAMINGS.map((n) => ({ locale: n.locale, n: count(text, n.months) })).filter(
    (h) => h.n > 0,
  );
  const locale = hits.length === 1 ? hits[0]!.locale : 'ar';
  // An article that writes no digits (or as many of each) keeps the Arabic UI's own.
  const digits = count(text, LATIN_DIGITS) > count(text, ARABIC_DIGITS) ? 'latn' : 'arab';
  return { locale, digits };
}
