/**
 * The fewest letters an index term has (a number is kept whole, whatever its length). Apart from
 * the analyzer (`analyze.ts`) so the popup can tell a query too short to search without loading
 * it: the analyzer builds its spelling and lexicon tables when it loads, work the popup's first
 * rows must not wait for.
 */
export const MIN_TERM = 2;
