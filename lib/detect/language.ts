/**
 * The language of a text sample, judged from its letters and commonest words. Arabic, Persian,
 * Urdu and their neighbours share one script, and sites tag their pages with a wrong `lang` often
 * enough that the attribute can only tip a close call.
 */

const LANGS = ['ar', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug'];
// Indexes into LANGS (plain constants, which the minifier writes in place).
const AR = 0;
const FA = 1;
const UR = 2;
const PS = 3;
const CKB = 4;
const SD = 5;
const UG = 6;
// Marker letters: [language, letters, weight]. Urdu, Pashto, Sorani, Sindhi and Uyghur write
// letters the others (almost) never do, and win outright when those make a noticeable share of the
// sample. Arabic and Persian differ less: Persian adds پ چ ژ گ and writes ک ی where Arabic has
// ك ي ى, but older Persian sites type Arabic ي ك ى, so those count little and frequent words weigh
// more.
const LETTERS: [lang: number, letters: string, weight: number][] = [
  [UR, 'ٹڈڑںےۓہ', 1],
  [PS, 'ټډړږښځڅڼۍ', 1],
  [CKB, 'ڕڵێۆە', 1],
  [SD, 'ٻڄڃڇڊڏڙڦٺٽٿ', 1],
  [UG, 'ۇۈۋې', 1],
  [AR, 'ةأإ٠١٢٣٤٥٦٧٨٩', 1],
  [AR, 'يكى', 0.25],
  [FA, 'پچژگکیۀ۰۱۲۳۴۵۶۷۸۹', 1],
];
const OWN_SHARE = 0.01;
// Marker letters that make a title's language plain (otherTitleLanguage).
const TITLE_MARKERS = 2;
const WORDS: [lang: number, words: string][] = [
  [AR, 'في على إلى الى أن التي الذي عن مع هذا هذه كان قد لم بعد أو ذلك إن خلال وفي حيث كما'],
  [FA, 'است این که را می بود از با در برای آن شد شده های هم نیز کرد یک خود تا'],
  [UR, 'ہے کے کی میں اور کہ سے کو نے پر بھی یہ وہ تھا تھے ہیں'],
];
const WORD_WEIGHT = 4;
const HINT_WEIGHT = 8;

// This runs cold on every Arabic-script page, where V8 interprets loops slowly and compiles each
// regex on first use: one native pass keeps only the marker letters, one splits the sample into
// words (runs of Arabic-script letters and marks; ZWNJ, digits and punctuation end them), and only
// those are looked up. Built on the first sample that needs them: the rest of the web never pays.
// (A regex of the listed words, or one per language, cost more to compile than it saved.)
interface Tables {
  letterLang: Record<string, [lang: number, weight: number]>;
  notMarker: RegExp;
  wordLang: Map<string, number>;
}
let built: Tables | undefined;
let ownLetter: RegExp | undefined;
const NOT_WORD = /[^\u0621-\u065F\u066E-\u06D3]+/;

// Indexed loops and no tuple destructuring: in the interpreter each iterator protocol step costs.
function tables(): Tables {
  if (built) return built;
  const letterLang: Tables['letterLang'] = {};
  let markers = '';
  for (let i = 0; i < LETTERS.length; i++) {
    const letters = LETTERS[i]![1];
    markers += letters;
    for (let j = 0; j < letters.length; j++)
      letterLang[letters[j]!] = [LETTERS[i]![0], LETTERS[i]![2]];
  }
  const wordLang = new Map<string, number>();
  for (let i = 0; i < WORDS.length; i++) {
    const words = WORDS[i]![1].split(' ');
    for (let j = 0; j < words.length; j++) wordLang.set(words[j]!, WORDS[i]![0]);
  }
  built = { letterLang, notMarker: new RegExp(`[^${markers}]+`, 'g'), wordLang };
  return built;
}

/** A letter of a language other than Arabic (the others' markers, Persian's included). */
function otherLetter(): RegExp {
  ownLetter ??= new RegExp(
    `[${LETTERS.filter((l) => l[0] !== AR)
      .map((l) => l[1])
      .join('')}]`,
  );
  return ownLetter;
}
const NOT_ARABIC_BLOCK = /[^\u0600-\u06FF]+/g;
// Letters of other scripts, roughly: Latin, Greek, Cyrillic, Hebrew; Indic to Georgian; kana, CJK
// and Hangul. (Code point ranges, not a mark combined with a letter.)
// eslint-disable-next-line no-misleading-character-class
const NOT_OTHER_LETTER = /[^A-Za-z\u00C0-\u05FF\u0900-\u1FFF\u3040-\uD7FF]+/g;

const SCRIPT_SHARE = 0.2;
// A few hundred letters tell Arabic, Persian and Urdu apart.
const MAX_SAMPLE = 1500;
const ARABIC_BLOCK_LETTER = /[\u0600-\u06FF]/;
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Whether a text has any Arabic-script character at all: the always-on script's first question. */
export function hasArabicScript(text: string): boolean {
  return ARABIC_SCRIPT.test(text);
}

export interface LanguageOptions {
  /** Primary subtag of the page's `lang` attribute, if any: a weak hint. */
  hint?: string;
  /** Names the language of text in another script (the detector itself only tells Arabic-script languages apart). */
  detectLanguage?: (sample: string) => string | null | undefined;
}

/** `ar`, `fa`, `ur`, `ps`, `ckb`, `sd`, `ug` for Arabic-script text; otherwise the hook's or the hint's answer, or `und`. */
export function judgeLanguage(text: string, opts: LanguageOptions = {}): string {
  // Old sites type presentation forms; NFKC makes them letters of the Arabic block again. Most
  // text has none, and normalizing costs more than looking.
  const cut = text.length > MAX_SAMPLE ? text.slice(0, MAX_SAMPLE) : text;
  const sample = PRESENTATION_FORMS.test(cut) ? cut.normalize('NFKC') : cut;
  const hint = opts.hint ?? '';
  // Text without a letter of the Arabic block (most of the web) needs no count.
  if (!ARABIC_BLOCK_LETTER.test(sample)) return otherScript(sample, hint, opts);
  const script = sample.replace(NOT_ARABIC_BLOCK, '').length;
  // Bilingual pages (a Persian page with an English abstract) still count as Arabic-script when
  // a fair share of their letters are: requiring a majority misjudged them.
  if (script < SCRIPT_SHARE * (script + sample.replace(NOT_OTHER_LETTER, '').length))
    return otherScript(sample, hint, opts);

  const counts = markerCounts(sample);
  let best = -1;
  // Urdu and the languages after it have letters of their own.
  for (let l = UR; l < LANGS.length; l++) {
    if (counts[l]! >= Math.max(OWN_SHARE * script, counts[best] ?? 0)) best = l;
  }
  if (best >= 0) return LANGS[best]!;

  const { wordLang } = tables();
  const words = sample.split(NOT_WORD);
  for (let i = 0; i < words.length; i++) {
    const lang = wordLang.get(words[i]!);
    if (lang !== undefined) counts[lang]! += WORD_WEIGHT;
  }
  const score = (lang: number): number => counts[lang]! + (hint === LANGS[lang] ? HINT_WEIGHT : 0);
  if (score(UR) > Math.max(score(AR), score(FA))) return 'ur';
  return score(FA) > score(AR) ? 'fa' : 'ar';
}

/**
 * The language of a title that shows by its letters alone that it is not Arabic: two letters of a
 * language's own (Urdu and the languages after it), or two Persian ones and none that only Arabic
 * writes. Null when the title does not tell: the page's text decides then.
 */
export function otherTitleLanguage(title: string): string | null {
  // Most Arabic-script titles are Arabic: one test answers them.
  if (!otherLetter().test(title)) return null;
  const counts = markerCounts(title);
  let best = -1;
  for (let l = UR; l < LANGS.length; l++)
    if (counts[l]! >= Math.max(TITLE_MARKERS, counts[best] ?? 0)) best = l;
  if (best >= 0) return LANGS[best]!;
  return counts[FA]! >= TITLE_MARKERS && !counts[AR] ? 'fa' : null;
}

function markerCounts(sample: string): Float64Array {
  const { letterLang, notMarker } = tables();
  const counts = new Float64Array(LANGS.length);
  const markers = sample.replace(notMarker, '');
  for (let i = 0; i < markers.length; i++) {
    const marker = letterLang[markers[i]!];
    if (marker) counts[marker[0]]! += marker[1];
  }
  return counts;
}

function otherScript(sample: string, hint: string, opts: LanguageOptions): string {
  const named = opts.detectLanguage?.(sample);
  if (named) return named;
  // A hint naming an Arabic-script language is plainly wrong about such text.
  return hint && !LANGS.includes(hint) ? hint : 'und';
}
