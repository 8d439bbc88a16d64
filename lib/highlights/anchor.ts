/**
 * A highlight's place in an article's text, as the W3C Web Annotation model describes one: a
 * text-quote selector (the words and a little context either side) and a text-position selector
 * (offsets in the text), and finding that place again in a text that may have changed since.
 *
 * Finding it again, in order:
 * 1. the text at the stored position is the quote: there (the same text gives the same range);
 * 2. the quote, folded as search folds (diacritics, tatweel, joiners, alef forms…) with all
 *    whitespace dropped, occurs in the folded text: the occurrence whose context agrees best,
 *    nearest the stored position when several agree equally. A short quote needs some context to
 *    agree, or one word of a removed line would land on the same word elsewhere;
 * 3. the quote's first and last surviving pieces occur in order with only removals between them
 *    (a clutter line taken out of it): from the first to the last, each end extended over the
 *    quote's characters as far as the text and the stored context agree;
 * 4. otherwise not found, and the caller lists the highlight as such. Never a nearest guess: a
 *    highlight in the wrong place is worse than one listed apart.
 *
 * Hypothesis-style fuzzy matching (approx-string-match, dom-anchor-text-quote) was weighed: its
 * edit-distance match places a quote whose words changed, which is exactly the wrong placement
 * this module refuses, and it knows nothing of Arabic folding. Steps 2–3 cover what re-extraction
 * does to a text (whitespace, removed lines) with exact matches only.
 */
import { foldPlain, foldWithMap, type FoldedText } from './fold-map';

export const CONTEXT_CHARS = 32;
// A folded quote shorter than this needs this many folded context characters to agree.
const SHORT_QUOTE = 24;
const CONTEXT_MIN = 8;
// Step 3: the length of the pieces looked for at either end (a quote needs two).
const PIECE = 16;
// Occurrences of a quote examined at most (a one-letter quote occurs thousands of times).
const MAX_CANDIDATES = 20_000;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface TextSpan {
  start: number;
  end: number;
}

/** The selectors of [start, end) in `text`. */
export function describeText(text: string, start: number, end: number): Selectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0 && out.length < MAX_CANDIDATES;) {
    out.push(i);
    i = hay.indexOf(needle, i + 1);
  }
  return out;
}

/** How many folded characters before `at` agree with the end of `prefix`. */
function agreeBefore(hay: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < at && prefix[prefix.length - 1 - n] === hay[at - 1 - n]) n++;
  return n;
}

/** How many folded characters from `at` agree with the start of `suffix`. */
function agreeAfter(hay: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < hay.length && suffix[n] === hay[at + n]) n++;
  return n;
}

/** The first index whose value is ≥ `v` in an ascending array. */
function lowerBound(a: Int32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Scored {
  at: number;
  score: number;
}

/** The best-scored candidate, nearest `hint` among equals. */
function best(cands: Scored[], hint: number): Scored | null {
  let pick: Scored | null = null;
  for (const c of cands) {
    if (
      !pick ||
      c.score > pick.score ||
      (c.score === pick.score && Math.abs(c.at - hint) < Math.abs(pick.at - hint))
    )
      pick = c;
  }
  return pick;
}

interface Folded {
  quote: string;
  prefix: string;
  suffix: string;
  /** The stored prefix is the whole text before the quote (it was shorter than CONTEXT_CHARS). */
  atStart: boolean;
  atEnd: boolean;
}

/**
 * Whether the stored prefix vouches for a quote starting at `at`: enough of it agrees, or, for a
 * quote that was near the text's start, all of the text before `at` is the prefix (a few letters
 * agreeing by chance vouch for nothing).
 */
function prefixAgrees(hay: string, at: number, q: Folded): boolean {
  const n = agreeBefore(hay, at, q.prefix);
  return q.atStart
    ? n === q.prefix.length && at === n
    : n >= Math.min(CONTEXT_MIN, q.prefix.length);
}

function suffixAgrees(hay: string, at: number, q: Folded): boolean {
  const n = agreeAfter(hay, at, q.suffix);
  return q.atEnd
    ? n === q.suffix.length && at + n === hay.length
    : n >= Math.min(CONTEXT_MIN, q.suffix.length);
}

function exactMatch(f: FoldedText, q: Folded, hint: number): TextSpan | null {
  const hay = f.folded;
  const need =
    q.quote.length < SHORT_QUOTE ? Math.min(CONTEXT_MIN, q.prefix.length + q.suffix.length) : 0;
  const cands = occurrences(hay, q.quote)
    .map((at) => ({
      at,
      score: agreeBefore(hay, at, q.prefix) + agreeAfter(hay, at + q.quote.length, q.suffix),
    }))
    .filter((c) => c.score >= need);
  const pick = best(cands, hint);
  return pick ? { start: pick.at, end: pick.at + q.quote.length } : null;
}

/** Whether `s` is `q` with some characters taken out. */
function isSubsequence(s: string, q: string): boolean {
  let j = 0;
  for (let i = 0; i < q.length && j < s.length; i++) if (q[i] === s[j]) j++;
  return j === s.length;
}

/**
 * Where a piece found at `h` (the quote's characters from `o`) really starts: back over the
 * quote's characters before it as long as the text agrees, to the point where the stored prefix
 * agrees too (the quote's first characters were in a removed line). Null when no point does.
 */
function extendBack(hay: string, h: number, o: number, q: Folded): number | null {
  if (o === 0) return h;
  let m = 0;
  while (m < o && m < h && hay[h - 1 - m] === q.quote[o - 1 - m]) m++;
  for (let k = m; k >= 0; k--) if (prefixAgrees(hay, h - k, q)) return h - k;
  return null;
}

/** The same as `extendBack` for a piece ending at `t` (the quote's characters up to `o`). */
function extendForward(hay: string, t: number, o: number, q: Folded): number | null {
  if (o === q.quote.length) return t;
  let m = 0;
  while (o + m < q.quote.length && t + m < hay.length && hay[t + m] === q.quote[o + m]) m++;
  for (let k = m; k >= 0; k--) if (suffixAgrees(hay, t + k, q)) return t + k;
  return null;
}

/** Where the quote's first surviving piece starts, for each place it occurs. */
function heads(hay: string, q: Folded): number[] {
  const L = q.quote.length;
  for (let o = 0; o + 2 * PIECE <= L; o += PIECE) {
    const found = occurrences(hay, q.quote.slice(o, o + PIECE)).flatMap((h) => {
      const s = extendBack(hay, h, o, q);
      return s === null ? [] : [s];
    });
    if (found.length) return found;
  }
  return [];
}

/** Where the quote's last surviving piece ends, for each place it occurs. */
function tails(hay: string, q: Folded): number[] {
  const L = q.quote.length;
  for (let o = L; o - 2 * PIECE >= 0; o -= PIECE) {
    const found = occurrences(hay, q.quote.slice(o - PIECE, o)).flatMap((t) => {
      const e = extendForward(hay, t + PIECE, o, q);
      return e === null ? [] : [e];
    });
    if (found.length) return found;
  }
  return [];
}

function endsMatch(f: FoldedText, q: Folded, hint: number): TextSpan | null {
  if (q.quote.length < 2 * PIECE) return null;
  const hay = f.folded;
  const ends = tails(hay, q);
  const pairs: Scored[] = [];
  const endOf = new Map<number, number>();
  for (const start of heads(hay, q)) {
    for (const end of ends) {
      if (end - start < PIECE || end - start > q.quote.length) continue;
      if (!isSubsequence(hay.slice(start, end), q.quote)) continue;
      const score = agreeBefore(hay, start, q.prefix) + agreeAfter(hay, end, q.suffix);
      pairs.push({ at: start, score });
      endOf.set(start, end);
    }
  }
  const pick = best(pairs, hint);
  return pick ? { start: pick.at, end: endOf.get(pick.at)! } : null;
}

/**
 * Where the selectors' words are in `text` now, or null when they cannot be placed for sure.
 * `folded` is `text` folded once for many highlights.
 */
export function anchorIn(
  text: string,
  sel: Selectors,
  folded: FoldedText = foldWithMap(text),
): TextSpan | null {
  const { exact } = sel.quote;
  const { start, end } = sel.position;
  if (exact && text.slice(start, end) === exact) return { start, end };
  const q: Folded = {
    quote: foldPlain(exact),
    prefix: foldPlain(sel.quote.prefix),
    suffix: foldPlain(sel.quote.suffix),
    atStart: sel.quote.prefix.length < CONTEXT_CHARS,
    atEnd: sel.quote.suffix.length < CONTEXT_CHARS,
  };
  if (!q.quote) return null;
  const hint = lowerBound(folded.start, start);
  const span = exactMatch(folded, q, hint) ?? endsMatch(folded, q, hint);
  if (!span) return null;
  return { start: folded.start[span.start]!, end: folded.end[span.end - 1]! };
}
