/**
 * Where a query matches in a text, as plain ranges over the original string (never HTML), so a
 * view can wrap them in `<mark>` safely; and a short snippet around the best matches.
 */
import { foldArabic } from '../text/normalize';
import { termOf } from '../text/analyze';
import { formMatches, WHOLE, type ParsedQuery } from './query';

/** A half-open range [start, end) of UTF-16 code units. */
export interface Range {
  start: number;
  end: number;
}

export interface Snippet {
  text: string;
  ranges: Range[];
}

// A word as written: letters and digits with the marks, tatweel and invisible joiners that
// folding removes. Its folded pieces are the index's tokens for it; the mark covers all of it.
const WRITTEN_WORD = /[\p{L}\p{N}\p{M}\u0640\u200B-\u200F\u2066-\u2069\uFEFF]+/gu;
const FOLDED_PIECE = /[\p{L}\p{N}]+/gu;
// Words that folding leaves as they are (plain Arabic letters, ASCII lower case and digits): most
// words of an article, which then need no folding.
const PLAIN_WORD = /^[\u0621\u0627\u0628\u062A-\u063A\u0641-\u0648\u064Aa-z0-9]+$/;
const SPACE = /\s/u;
const SNIPPET_CHARS = 180;
const SNIPPET_LEAD = 50;
const MAX_RANGES = 1000;
// A snippet needs only the first matches: scanning a long article to its end would cost more
// than the search itself.
const SNIPPET_SCAN_HITS = 40;
const ELLIPSIS = '…';

/** Query part matched by each written word, for one query: pass one to several calls to share it. */
export type MatchMemo = Map<string, number | null>;

interface Hit extends Range {
  /** Which query part matched: the index in `words`, or -1 for the typed prefix. */
  part: number;
}

function foldedPieces(word: string): string[] {
  return PLAIN_WORD.test(word) ? [word] : (foldArabic(word).match(FOLDED_PIECE) ?? []);
}

function matchPart(q: ParsedQuery, needles: string[], word: string): number | null {
  for (const piece of foldedPieces(word)) {
    // A stem is a piece of its word, so a word holding no query stem cannot match: skip stemming.
    if (!needles.some((n) => piece.includes(n))) continue;
    const term = termOf(piece);
    if (!term) continue;
    const i = q.words.indexOf(term);
    if (i >= 0) return i;
    if (q.prefix?.some((p) => formMatches(p, term))) return -1;
  }
  return null;
}

function hits(text: string, q: ParsedQuery, max: number, memo: MatchMemo): Hit[] {
  const needles = [...q.words, ...(q.prefix ?? []).map((p) => p.replace(WHOLE, ''))];
  const out: Hit[] = [];
  const re = new RegExp(WRITTEN_WORD);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0];
    let part = memo.get(word);
    if (part === undefined) {
      part = matchPart(q, needles, word);
      memo.set(word, part);
    }
    if (part === null) continue;
    out.push({ start: m.index, end: m.index + word.length, part });
    if (out.length >= max) break;
  }
  return out;
}

/** Every range of `text` where a word matches the query. */
export function highlight(text: string, q: ParsedQuery, memo: MatchMemo = new Map()): Range[] {
  return hits(text, q, MAX_RANGES, memo).map(({ start, end }) => ({ start, end }));
}

/** The window start whose SNIPPET_CHARS hold the most distinct query parts (earliest wins). */
function bestStart(found: Hit[]): number {
  let best = { start: 0, score: -1 };
  for (const h of found) {
    const start = Math.max(0, h.start - SNIPPET_LEAD);
    const parts = new Set(
      found.filter((o) => o.start >= start && o.end <= start + SNIPPET_CHARS).map((o) => o.part),
    );
    if (parts.size > best.score) best = { start, score: parts.size };
  }
  return best.start;
}

function snapStart(text: string, start: number): number {
  if (start === 0) return 0;
  for (let i = start; i > Math.max(0, start - 20); i--) if (SPACE.test(text[i - 1] ?? '')) return i;
  return start;
}

function snapEnd(text: string, end: number): number {
  if (end >= text.length) return text.length;
  for (let i = end; i > end - 20; i--) if (SPACE.test(text[i] ?? '')) return i;
  return end;
}

/** Collapse runs of white space (paragraph breaks) in a slice, carrying the ranges along. */
function collapse(slice: string, ranges: Range[]): Snippet {
  const map: number[] = [];
  let text = '';
  for (let i = 0; i < slice.length; i++) {
    const ch = slice[i] ?? '';
    map[i] = text.length;
    if (SPACE.test(ch)) {
      if (text.length > 0 && !text.endsWith(' ')) text += ' ';
    } else text += ch;
  }
  map[slice.length] = text.length;
  const at = (i: number) => map[i] ?? text.length;
  return { text, ranges: ranges.map((r) => ({ start: at(r.start), end: at(r.end) })) };
}

/** A snippet of about SNIPPET_CHARS around the best matches, or null when nothing matches. */
export function snippet(text: string, q: ParsedQuery, memo: MatchMemo = new Map()): Snippet | null {
  const found = hits(text, q, SNIPPET_SCAN_HITS, memo);
  if (found.length === 0) return null;
  const start = snapStart(text, bestStart(found));
  const end = snapEnd(text, start + SNIPPET_CHARS);
  const inside = found
    .filter((h) => h.start >= start && h.end <= end)
    .map((h) => ({ start: h.start - start, end: h.end - start }));
  const s = collapse(text.slice(start, end), inside);
  const body = s.text.trim();
  const lead = s.text.length - s.text.trimStart().length;
  const pre = start > 0 ? ELLIPSIS + ' ' : '';
  const post = end < text.length ? ' ' + ELLIPSIS : '';
  const shift = pre.length - lead;
  return {
    text: pre + body + post,
    ranges: s.ranges.map((r) => ({ start: r.start + shift, end: r.end + shift })),
  };
}

/** The start of a text as a snippet without matches (for entries matched by title only). */
export function plainSnippet(text: string): Snippet {
  const end = snapEnd(text, SNIPPET_CHARS);
  const s = collapse(text.slice(0, end), []).text.trim();
  return { text: end < text.length ? s + ' ' + ELLIPSIS : s, ranges: [] };
}
