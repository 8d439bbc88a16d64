/**
 * Search terms: the shared Arabic folding (`lib/text/normalize.ts`) and tokenizing, then
 * stop words dropped and the light10 stem taken. Text indexed and text typed into the search box
 * both go through `termOf`, so they meet.
 */
import { foldArabic, tokens } from './normalize';
import { stem } from './stem';

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
export const MIN_TERM = 2;

export { foldArabic };

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

/** The index term of one folded token, or null when it is a stop word or too short to search. */
export function termOf(folded: string): string | null {
  if (isStopWord(folded)) return null;
  if (folded.length < MIN_TERM && !DIGITS.test(folded)) return null;
  return stem(folded);
}

/** Folded word tokens of a text (punctuation dropped), in order. */
export function searchTokens(text: string): string[] {
  return tokens(text);
}

/** The distinct index terms of a text, in first-occurrence order. */
export function termsOf(text: string): string[] {
  const out = new Set<string>();
  for (const t of tokens(text)) {
    const term = termOf(t);
    if (term) out.add(term);
  }
  return [...out];
}
