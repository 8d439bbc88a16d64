import { MIN_TERM } from '../text/min-term';

const LETTER = /\p{L}/gu;
const DIGIT = /\p{N}/u;

/**
 * Whether a search is too short to find anything: the index keeps no word shorter than
 * MIN_TERM letters (numbers it keeps whole; lib/text/min-term.ts), so a one-letter query could
 * only ever say «لا نتائج».
 */
export function tooShortToSearch(query: string): boolean {
  return (query.match(LETTER)?.length ?? 0) < MIN_TERM && !DIGIT.test(query);
}
