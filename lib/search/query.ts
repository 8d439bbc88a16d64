/**
 * A search box's text as index terms: every finished word must match exactly (by stem); the
 * word still being typed, the last one unless the text ends in a space, matches by prefix. A
 * finished stop word is dropped, but a typed one is kept as a prefix (في… may become فيروس).
 */
import { partialStems } from '../text/stem';
import { searchTokens, termOf } from '../text/analyze';

const ENDS_WITH_SPACE = /\s$/u;

export interface ParsedQuery {
  /** Distinct stems of the finished words, stop words left out. */
  words: string[];
  /** Stem prefixes of the word being typed (any of them may match), or null. */
  prefix: string[] | null;
}

export interface QueryOptions {
  /** Match the last word by prefix; by default, when the text does not end in a space. */
  prefix?: boolean;
}

export function parseQuery(text: string, opts: QueryOptions = {}): ParsedQuery {
  const toks = searchTokens(text);
  const typing = opts.prefix ?? !ENDS_WITH_SPACE.test(text);
  const last = typing ? toks.pop() : undefined;
  const words = new Set<string>();
  for (const t of toks) {
    const term = termOf(t);
    if (term) words.add(term);
  }
  // Until it has two letters beyond any clitic (ال، وال، بال…), the typed word does not narrow
  // the results: at الم the reader may be typing المدارس as well as ألم.
  const forms = last === undefined ? [] : partialStems(last);
  const prefix = forms.length > 0 ? forms : null;
  return { words: [...words], prefix };
}

export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.words.length === 0 && q.prefix === null;
}

/** Whether an index term satisfies one query word or the typed prefix. */
export function termMatches(q: ParsedQuery, term: string): boolean {
  return q.words.includes(term) || (q.prefix?.some((p) => term.startsWith(p)) ?? false);
}
