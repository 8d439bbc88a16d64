/**
 * Search terms: the shared Arabic folding (`lib/text/normalize.ts`) and tokenizing, then stop
 * words dropped and the light10 stem taken, with what light10 leaves out: a singular in اة meets
 * its plural in يات, and the spellings of one foreign name (`variants.ts`) are one term. Text
 * indexed and text typed into the search box both go through `termOf`, so they meet.
 *
 * An indexed word also gets the terms of the word without the clitics light10 keeps (`forms.ts`:
 * بمحافظة → محافظة, حكومتنا → حكومة) and the key of its lexicon family (`lexicon.ts`: شوارع → شارع),
 * and a title word its exact folded form, so search can rank exact above stem matches.
 */
import { lexiconFamilies } from './lexicon';
import { MIN_TERM } from './min-term';
import { foldArabic, tokens } from './normalize';
import { cliticBases } from './forms';
import { stem } from './stem';
import { spellingFamilies } from './variants';

// Function words found in nearly every article, in folded form: they would make huge index
// ranges and cannot narrow a search. Ambiguous ones stay searchable: علي (على and the name Ali).
const STOP_WORDS = new Set(
  (
    'في من الي عن ان او ثم قد لا لم لن ما مع هذا هذه ذلك تلك التي الذي الذين اللذين اللتين ' +
    'هو هي هم كان كانت كما بين بعد قبل حتي عند كل انه انها لقد اي غير ايضا حيث منذ خلال اذا ' +
    'وقد وفي ومن وان وهو وهي ولا وما ولم وكان وكانت فقد بها به له لها لهم منه منها عليه عليها ' +
    'فيه فيها عنه عنها الا لدي سوي'
  ).split(' '),
);
const DIGITS = /^\d+$/;
// A token of letters and digits (جي20, g20): also indexed as its runs, so «جي 20» finds it.
const LETTER_DIGIT_RUNS = /\d+|\D+/g;
const HAS_DIGIT = /\d/;
const HAS_NON_DIGIT = /\D/;
// Forms stripped of a clitic shorter than this say too little to be indexed, unless they end in
// the ة restored before a suffix (حصتهما → حصة): a noun, surely.
const MIN_FORM = 3;
const TEH_MARBUTA_FOLDED = 'ه';
// A singular in اة (مباراة) stems to مبارا, its plural in يات (مباريات) to مبار.
const ALEF_TEH = 'اه';
const MIN_ALEF_TEH_STEM = 4;
// light10 takes ان off a singular (فيضان → فيض) but not off its plural in انات (فيضانات → فيضان).
const ANAT = 'انات';
const AN = 'ان';
const MIN_ANAT_STEM = 4;
// Nor off a noun in ان or ين when it is the stem of an adjective in ي/ية (لبنان → لبن but
// لبناني → لبنان; فلسطين → فلسط but فلسطيني → فلسطين): the adjective's stem loses it too.
const NISBA = /يه?$/;
const NOUN_END = /(?:ان|ين)$/;
const MIN_NISBA_STEM = 5;
// عبد before an ال name is the name's first half: عبد الرحمن is عبدالرحمن.
const ABD = 'عبد';
const DEFINITE = 'ال';
/** Marks a lexicon family's key among index terms: no word begins with it. */
export const FAMILY_MARK = '~';
/** Marks a title word's exact folded form (its ال and و taken off) among title terms. */
export const EXACT_MARK = '=';
const ARTICLE_PREFIX = /^[وف]?(?:ال|بال|كال|لل)/;

export { foldArabic, MIN_TERM };

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

function lightStem(folded: string): string {
  const s = stem(folded, false);
  const alefTeh = folded.endsWith(ALEF_TEH) && s.endsWith('ا') && s.length >= MIN_ALEF_TEH_STEM;
  if (alefTeh) return s.slice(0, -1);
  const anat = folded.endsWith(ANAT) && s.endsWith(AN) && s.length >= MIN_ANAT_STEM;
  if (anat) return s.slice(0, -AN.length);
  const nisba = NISBA.test(folded) && NOUN_END.test(s) && s.length >= MIN_NISBA_STEM;
  return nisba ? s.slice(0, -2) : s;
}

const joinedOf = (s: string) => foldArabic(s).replace(/\s+/g, '');

// Folded stem of a spelling → folded stem of the spelling kept; two-word spellings joined.
const SPELLING = new Map<string, string>();
const JOINED = new Set<string>();
for (const family of spellingFamilies()) {
  const kept = lightStem(joinedOf(family[0]!));
  for (const s of family) {
    if (s.includes(' ')) JOINED.add(joinedOf(s));
    const st = lightStem(joinedOf(s));
    if (st !== kept) SPELLING.set(st, kept);
  }
}

/** The index term of one folded token, or null when it is a stop word or too short to search. */
export function termOf(folded: string): string | null {
  if (isStopWord(folded)) return null;
  if (folded.length < MIN_TERM && !DIGITS.test(folded)) return null;
  const s = lightStem(folded);
  return SPELLING.get(s) ?? s;
}

// Term → the keys of the lexicon families it belongs to, the family it heads first.
const FAMILIES = new Map<string, string[]>();
for (const family of lexiconFamilies()) {
  const key = FAMILY_MARK + termOf(foldArabic(family[0]!));
  family.forEach((word, i) => {
    const term = termOf(foldArabic(word));
    if (!term) return;
    const keys = FAMILIES.get(term) ?? [];
    if (keys.includes(key)) return;
    if (i === 0) keys.unshift(key);
    else keys.push(key);
    FAMILIES.set(term, keys);
  });
}

/** The lexicon family key a query term is searched by in the second tier, if it has one. */
export function familyOf(term: string): string | undefined {
  return FAMILIES.get(term)?.[0];
}

/** Every index term of one folded token: its term, its forms without clitics, their families. */
export function formsOf(folded: string): string[] {
  const main = termOf(folded);
  if (!main) return [];
  const out = new Set([main]);
  for (const base of cliticBases(folded)) {
    const t = termOf(base);
    if (t && (t.length >= MIN_FORM || base.endsWith(TEH_MARBUTA_FOLDED))) out.add(t);
  }
  for (const t of [...out]) for (const key of FAMILIES.get(t) ?? []) out.add(key);
  return [...out];
}

/** A title word's exact-form term: folded, a leading (و)ال and its like taken off. */
export function exactOf(folded: string): string {
  const bare = folded.replace(ARTICLE_PREFIX, '');
  return EXACT_MARK + (bare.length >= MIN_TERM ? bare : folded);
}

function joins(a: string, b: string | undefined): string | null {
  if (b === undefined) return null;
  if (a === ABD && b.startsWith(DEFINITE)) return a + b;
  return JOINED.has(a + b) ? a + b : null;
}

/** Folded word tokens of a query (punctuation dropped), two-word names joined, in order. */
export function searchTokens(text: string): string[] {
  const toks = tokens(text);
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const joined = joins(toks[i]!, toks[i + 1]);
    out.push(joined ?? toks[i]!);
    if (joined) i++;
  }
  return out;
}

/** Folded tokens of a text to index: each word, a two-word name also joined, letter+digit runs split. */
export function indexTokens(text: string): string[] {
  const toks = tokens(text);
  const out: string[] = [];
  toks.forEach((t, i) => {
    out.push(t);
    const joined = joins(t, toks[i + 1]);
    if (joined) out.push(joined);
    if (HAS_DIGIT.test(t) && HAS_NON_DIGIT.test(t)) out.push(...(t.match(LETTER_DIGIT_RUNS) ?? []));
  });
  return out;
}

// Index forms of words seen lately: an article repeats its words, and articles share most of
// theirs; a word's forms cost several stemmings. Emptied when full (a cheap bound).
const FORMS_CACHE_MAX = 50_000;
const formsCache = new Map<string, string[]>();

function cachedFormsOf(folded: string): string[] {
  let forms = formsCache.get(folded);
  if (forms === undefined) {
    if (formsCache.size >= FORMS_CACHE_MAX) formsCache.clear();
    formsCache.set(folded, (forms = formsOf(folded)));
  }
  return forms;
}

/** The distinct index terms of a text, in first-occurrence order. */
export function termsOf(text: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const t of indexTokens(text)) {
    if (seen.has(t)) continue;
    seen.add(t);
    for (const term of cachedFormsOf(t)) out.add(term);
  }
  return [...out];
}

/** The distinct exact-form terms of a (title) text. */
export function exactTermsOf(text: string): string[] {
  const out = new Set<string>();
  for (const t of indexTokens(text)) if (termOf(t)) out.add(exactOf(t));
  return [...out];
}
