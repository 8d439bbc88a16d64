/**
 * Larkey's light10 stemmer exactly as Lucene's ArabicStemmer applies it: strip at most one
 * prefix (the first in list order that fits), then every suffix in list order that fits.
 * Input is expected folded (`foldArabic`), as Lucene runs its ArabicNormalizer first; teh
 * marbuta is then already heh, and the ة / ية entries only matter for unfolded input.
 */

const PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];
// Lucene's length rules: a prefix or suffix goes only if two letters stay; the lone و prefix
// only from words of four letters or more (so وطن keeps its و).
const MIN_STEM = 2;
const MIN_WAW_WORD = 4;
const WAW = 'و';

function prefixFits(word: string, prefix: string): boolean {
  if (prefix.length === 1 && word.length < MIN_WAW_WORD) return false;
  return word.length >= prefix.length + MIN_STEM && word.startsWith(prefix);
}

/**
 * Remove the first light10 prefix that fits, if any; with `waw` false, never a lone و (search
 * keeps it: وهمي is not و + همي, and the index also holds each word without it).
 */
export function stemPrefix(word: string, waw = true): string {
  const p = PREFIXES.find((prefix) => (waw || prefix !== WAW) && prefixFits(word, prefix));
  return p ? word.slice(p.length) : word;
}

/** Remove light10 suffixes, each considered once in list order. */
export function stemSuffix(word: string): string {
  let w = word;
  for (const s of SUFFIXES) {
    if (w.length >= s.length + MIN_STEM && w.endsWith(s)) w = w.slice(0, -s.length);
  }
  return w;
}

/** The light10 stem of a folded word; `waw` false keeps a lone و (see `stemPrefix`). */
export function stem(word: string, waw = true): string {
  return stemSuffix(stemPrefix(word, waw));
}

/**
 * Stems that a word beginning with `partial` (a word still being typed) may have: every
 * full stem of such a word starts with one of them. Used for search as you type.
 */
export function partialStems(partial: string, minLength = MIN_STEM): string[] {
  if (isBareClitic(partial, minLength)) return [];
  const forms = new Set<string>([stem(partial)]);
  // The finished word may take a prefix rule that the shorter partial word is too short for.
  for (const p of PREFIXES) {
    if (partial.startsWith(p) && partial.length > p.length) forms.add(partial.slice(p.length));
  }
  // The partial word may end in the first letters of a suffix the finished word will lose
  // (ساهدا… → ساهدات → ساهد): also try without them.
  for (const f of [...forms]) {
    for (const s of SUFFIXES) {
      for (let n = 1; n < s.length; n++) {
        if (f.endsWith(s.slice(0, n)) && f.length - n >= MIN_STEM) forms.add(f.slice(0, -n));
      }
    }
  }
  // Too short a form would match a large part of the index; the caller waits for more letters.
  return minimalPrefixes([...forms].filter((f) => f.length >= minLength));
}

/** با, ال, الم, وا…: (part of) a clitic and a letter say nothing yet about the word typed. */
function isBareClitic(partial: string, minLength: number): boolean {
  return PREFIXES.some((p) =>
    partial.startsWith(p) ? partial.length - p.length < minLength : p.startsWith(partial),
  );
}

/** Drop every form that another, shorter form is a prefix of: it would add no match. */
function minimalPrefixes(forms: string[]): string[] {
  const sorted = [...new Set(forms)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const f of sorted) if (!kept.some((k) => f.startsWith(k))) kept.push(f);
  return kept;
}
