/**
 * "٥ دقائق قراءة": the reading-time phrase with the noun in the form Arabic grammar asks for
 * after each number (دقيقة، دقيقتا، دقائق for 3–10, دقيقة again from 11), chosen by the CLDR
 * plural category so the rules are not re-implemented here.
 */
import { t, type MessageKey, type UiLang } from '../i18n';
import type { Digits } from './date-naming';

type Category = Intl.LDMLPluralRule;

const NUMBER_LOCALE: Record<UiLang, string> = { ar: 'ar-u-nu-arab', en: 'en' };

// Made once per language: making Intl objects costs far more than using them, and the popup
// phrases a reading time on every row.
const plurals = new Map<UiLang, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

function pluralRules(lang: UiLang): Intl.PluralRules {
  let p = plurals.get(lang);
  if (!p) plurals.set(lang, (p = new Intl.PluralRules(lang)));
  return p;
}

function numberFormat(lang: UiLang, digits?: Digits): Intl.NumberFormat {
  const locale = digits ? `${lang}-u-nu-${digits}` : NUMBER_LOCALE[lang];
  let f = numbers.get(locale);
  if (!f) numbers.set(locale, (f = new Intl.NumberFormat(locale)));
  return f;
}

// Every category has its message in the Arabic file (the compiler checks); English has one and other.
const KEY = (category: Category) => `readingTime_${category}` as const satisfies MessageKey;

export type Translate = (key: MessageKey, subs?: string[]) => string;

/**
 * `digits`: the digits to write the count in where they are not the UI's own (the reader's
 * header writes the article's, as its date beside it does).
 */
export function readingTimePhrase(
  minutes: number,
  lang: UiLang,
  translate: Translate = t,
  digits?: Digits,
): string {
  const n = Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0;
  // English has no "zero" category, and "0 minutes" reads oddly: both languages say "under a minute".
  const category: Category = n === 0 ? 'zero' : pluralRules(lang).select(n);
  const count = numberFormat(lang, digits).format(n);
  return translate(KEY(category), [count]);
}
