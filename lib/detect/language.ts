/**
 * The language of a text sample, judged from its letters and commonest words. Arabic, Persian,
 * Urdu and their neighbours share one script, and sites tag their pages with a wrong `lang` often
 * enough that the attribute can only tip a close call.
 */

// Letters one Arabic-script language writes and the others (almost) never do. A language wins
// outright when its letters make a noticeable share of the sample.
const OWN_LETTERS: Record<string, string> = {
  ur: 'ٹڈڑںےۓہ',
  ps: 'ټډړږښځڅڼۍ',
  ckb: 'ڕڵێۆە',
  sd: 'ٻڄڃڇڊڏڙڦٺٽٿ',
  ug: 'ۇۈۋې',
};
const OWN_SHARE = 0.01;

// Arabic and Persian differ less: Persian adds پ چ ژ گ and writes ک ی where Arabic has ك ي ى, but
// older Persian sites type Arabic ي ك ى, so those count little and frequent words weigh more.
const LEANING: [lang: string, letters: string, weight: number][] = [
  ['ar', 'ةأإ٠١٢٣٤٥٦٧٨٩', 1],
  ['ar', 'يكى', 0.25],
  ['fa', 'پچژگکیۀ۰۱۲۳۴۵۶۷۸۹', 1],
];
const WORDS: Record<string, string> = {
  ar: 'في على إلى الى أن التي الذي عن مع هذا هذه كان قد لم بعد أو ذلك إن خلال وفي حيث كما',
  fa: 'است این که را می بود از با در برای آن شد شده های هم نیز کرد یک خود تا',
  ur: 'ہے کے کی میں اور کہ سے کو نے پر بھی یہ وہ تھا تھے ہیں',
};
const WORD_WEIGHT = 4;
const HINT_WEIGHT = 8;

// Words are runs of Arabic-script letters and marks: ZWNJ, digits and punctuation split them.
const WORD_SPLIT = /[^\u0621-\u065F\u066E-\u06D3]+/;
const ARABIC_BLOCK = 0x0600;

// Every marker letter lies in the Arabic block; a page's text is walked character by character,
// so they are looked up by code point offset: the index of their language and their weight.
const LANGS = ['', 'ar', 'fa', ...Object.keys(OWN_LETTERS)];
const letterLang = new Uint8Array(256);
const letterWeight = new Float32Array(256);
const mark = (lang: string, letters: string, weight: number): void => {
  for (const c of letters) {
    letterLang[c.charCodeAt(0) - ARABIC_BLOCK] = LANGS.indexOf(lang);
    letterWeight[c.charCodeAt(0) - ARABIC_BLOCK] = weight;
  }
};
for (const [lang, letters] of Object.entries(OWN_LETTERS)) mark(lang, letters, 1);
for (const [lang, letters, weight] of LEANING) mark(lang, letters, weight);
const wordLang = new Map<string, number>();
for (const [lang, words] of Object.entries(WORDS)) {
  for (const w of words.split(' ')) wordLang.set(w, LANGS.indexOf(lang));
}

// Letters of other scripts, roughly: Latin, Greek, Cyrillic, Hebrew; Indic to Georgian; kana, CJK
// and Hangul.
function isOtherLetter(code: number): boolean {
  const lower = code | 32;
  return (
    (lower >= 97 && lower <= 122) ||
    (code >= 0xc0 && code < 0x600) ||
    (code >= 0x900 && code < 0x2000) ||
    (code >= 0x3040 && code < 0xd800)
  );
}

const SCRIPT_SHARE = 0.2;
// A few hundred letters tell Arabic, Persian and Urdu apart; the page's text is walked character
// by character in a cold script, so the sample is kept short.
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
  const counts = new Float64Array(LANGS.length);
  let script = 0;
  let other = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    const offset = code - ARABIC_BLOCK;
    if (offset >= 0 && offset < 256) {
      // Digits and punctuation count as script too: harmless.
      script++;
      const lang = letterLang[offset] ?? 0;
      counts[lang] = (counts[lang] ?? 0) + (letterWeight[offset] ?? 0);
    } else if (isOtherLetter(code)) other++;
  }
  // Bilingual pages (a Persian page with an English abstract) still count as Arabic-script when
  // a fair share of their letters are: requiring a majority misjudged them.
  if (script < SCRIPT_SHARE * (script + other)) return otherScript(sample, hint, opts);

  let best = 0;
  for (let l = 3; l < LANGS.length; l++) {
    if ((counts[l] ?? 0) >= Math.max(OWN_SHARE * script, counts[best] ?? 0)) best = l;
  }
  if (best) return LANGS[best] ?? 'und';

  for (const w of sample.split(WORD_SPLIT)) {
    const lang = wordLang.get(w) ?? 0;
    counts[lang] = (counts[lang] ?? 0) + WORD_WEIGHT;
  }
  const score = (lang: string): number =>
    (counts[LANGS.indexOf(lang)] ?? 0) + (hint === lang ? HINT_WEIGHT : 0);
  if (score('ur') > Math.max(score('ar'), score('fa'))) return 'ur';
  return score('fa') > score('ar') ? 'fa' : 'ar';
}

function otherScript(sample: string, hint: string, opts: LanguageOptions): string {
  const named = opts.detectLanguage?.(sample);
  if (named) return named;
  // A hint naming an Arabic-script language is plainly wrong about such text.
  return hint && !LANGS.includes(hint) ? hint : 'und';
}
