/**
 * What a word is without the clitics light10 keeps: a lone proclitic ب ل ك ف (بمحافظة، لتعزيز،
 * كعاصمة; للحوم is ل + لحوم, so لل before a word in ل is covered too), behind an optional و or ف
 * (وبقرار), and a pronoun suffix (هم هما كم كن نا ي ه ها) with the ة that became ت before it
 * restored (حكومتنا → حكومة, مدينتهم → مدينة). Each is a possible reading, indexed beside the word
 * itself: بلاد keeps بلاد, and also gets لاد, which no query finds by accident.
 */

// Letters a word keeps after the conjunction: و as light10 takes it (from four letters), ف only
// from five (فرح، فقر، فصل begin with a root ف).
const CONJUNCTIONS: [string, number][] = [
  ['و', 3],
  ['ف', 4],
];
const LONE_PROCLITICS = ['ب', 'ل', 'ك', 'ف'];
// Longest first: the first that fits is taken.
const PRONOUNS = ['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'نا', 'ها', 'ه', 'ي'];
const TEH = 'ت';
const TEH_MARBUTA_FOLDED = 'ه';
// Letters a word keeps after a lone proclitic or a suffix is taken off: بنك is not ب + نك.
const MIN_AFTER_PROCLITIC = 4;
// Before a suffix, a final hamza sits on و or ي (أبناؤهم، علمائنا), which folding makes plain
// letters: the word alone ends in ء (أبناء، علماء).
const HAMZA_SEAT = /ا[وي]$/;
const HAMZA = 'ء';
const MIN_AFTER_SUFFIX = 3;

function withoutConjunction(w: string): string[] {
  const c = CONJUNCTIONS.find(([p]) => w.startsWith(p));
  return c && w.length - 1 >= c[1] ? [w.slice(1)] : [];
}

function withoutProclitic(w: string): string[] {
  const p = LONE_PROCLITICS.find((x) => w.startsWith(x));
  return p && w.length - 1 >= MIN_AFTER_PROCLITIC ? [w.slice(1)] : [];
}

function withoutPronoun(w: string): string[] {
  const p = PRONOUNS.find((x) => w.endsWith(x) && w.length - x.length >= MIN_AFTER_SUFFIX);
  if (!p) return [];
  const rest = w.slice(0, -p.length);
  if (rest.endsWith(TEH)) return [rest, rest.slice(0, -1) + TEH_MARBUTA_FOLDED];
  if (HAMZA_SEAT.test(rest)) return [rest, rest.slice(0, -1) + HAMZA];
  return [rest];
}

/** Readings of a folded word without its clitics (the word itself not included). */
export function cliticBases(w: string): string[] {
  const front = [w, ...withoutConjunction(w)];
  for (const f of [...front]) front.push(...withoutProclitic(f));
  const all = [...front];
  for (const f of front) all.push(...withoutPronoun(f));
  return [...new Set(all)].filter((x) => x !== w);
}
