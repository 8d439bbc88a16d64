/**
 * A search box's text as index terms: every finished word must match exactly (by stem); the
 * word still being typed, the last one unless the text ends in a space, matches by prefix. A
 * finished stop word is dropped, but a typed one is kept as a prefix (في… may become فيروس).
 * A typed word whose stem is shorter than three letters is not widened: as a prefix, مر (of مرة)
 * would match every مركز، مرض، مرور; it matches as the whole word it is.
 */
import { partialStems } from '../text/stem';
import { exactOf, familyOf, searchTokens, termOf } from '../text/analyze';

const ENDS_WITH_SPACE = /\s$/u;
/**
 * Ends a typed word's form that must match a whole term, not begin one: the term rows' separator,
 * so a row holds `SEP form` exactly when it holds the term.
 */
export const WHOLE = '\u0001';
// A typed word is matched as a prefix only from this many letters of stem.
const MIN_PREFIX = 3;

export interface ParsedQuery {
  /** Distinct stems of the finished words, stop words left out. */
  words: string[];
  /** Stem prefixes of the word being typed (any of them may match; one ending in WHOLE only as a whole term), or null. */
  prefix: string[] | null;
  /** Exact-form title terms of every word typed (`EXACT_MARK`): a title holding one ranks higher. */
  exact: string[];
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
  const exact = new Set<string>();
  for (const t of toks) {
    const term = termOf(t);
    if (term) {
      words.add(term);
      exact.add(exactOf(t));
    }
  }
  let prefix: string[] | null = null;
  if (last !== undefined) {
    // Until it has three letters beyond any clitic (ال، وال، بال…), the typed word is not a
    // prefix: at الم the reader may be typing المدارس as well as ألم.
    const term = termOf(last);
    const forms = partialStems(last, MIN_PREFIX);
    if (term && term.length >= MIN_PREFIX) {
      // The whole word's term too: a spelling variant's term need not begin with what was typed.
      if (forms.length > 0 && !forms.some((f) => term.startsWith(f))) forms.push(term);
    } else if (term) {
      // A shorter stem (مرة → مر, الصحة → صح) matches as the whole term it is, never widened.
      forms.push(term + WHOLE);
    }
    if (forms.length > 0) prefix = forms;
    if (term) exact.add(exactOf(last));
  }
  return { words: [...words], prefix, exact: [...exact] };
}

export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.words.length === 0 && q.prefix === null;
}

/** Whether an index term satisfies one typed-word form. */
export function formMatches(form: string, term: string): boolean {
  return form.endsWith(WHOLE) ? term === form.slice(0, -1) : term.startsWith(form);
}

/** Whether an index term satisfies one query word or the typed prefix. */
export function termMatches(q: ParsedQuery, term: string): boolean {
  return q.words.includes(term) || (q.prefix?.some((p) => formMatches(p, term)) ?? false);
}

/**
 * The query of the second tier: each word searched by its lexicon family (شارع → every form of
 * شوارع), the typed word as a whole word. Null when no word has a family.
 */
export function familyQuery(q: ParsedQuery, text: string): ParsedQuery | null {
  const whole = parseQuery(text, { prefix: false });
  let changed = false;
  const words = whole.words.map((w) => {
    const key = familyOf(w);
    if (key) changed = true;
    return key ?? w;
  });
  return changed ? { words: [...new Set(words)], prefix: null, exact: q.exact } : null;
}
