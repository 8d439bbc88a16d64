/**
 * A query that found nothing, its unknown words rewritten. A word the index does not hold is read
 * without its clitics (the reader typed بمحافظة, the article محافظة: the index holds both readings
 * of a text's word, a query word is one term), and failing that, if it has five letters or more
 * and its stem four (shorter ones are one edit from other common words), replaced by the word one
 * edit away as typed (a letter wrong, missing, extra or two swapped) whose stem the index holds.
 * A corrected query's results are near ones, and the view says so («نتائج قريبة من …»).
 */
import type { QariDb } from '../store/db';
import { pendingTitles, wordPosting } from './postings';
import type { ParsedQuery } from './query';
import { searchTokens, termOf } from '../text/analyze';
import { cliticBases } from '../text/forms';

// The letters a folded Arabic word is made of (folding leaves no أ إ آ ى ة ؤ ئ).
const LETTERS = 'ءابتثجحخدذرزسشصضطظعغفقكلمنهوي';
// A typo is corrected in a word of five letters or more (as typed, ال included: الرياظ) whose
// stem has four: in a shorter one, one edit makes another common word (مكتب → كتب).
const MIN_TYPO_WORD = 5;
const MIN_TYPO_STEM = 4;
// Nor into a word whose stem is shorter than three.
const MIN_NEAR_STEM = 3;

/** Every string one edit from `w`: deletions, substitutions, swaps of neighbours, insertions. */
export function editsOf(w: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1));
  for (let i = 0; i < w.length; i++)
    for (const c of LETTERS) out.add(w.slice(0, i) + c + w.slice(i + 1));
  for (let i = 0; i + 1 < w.length; i++) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
  for (let i = 0; i <= w.length; i++)
    for (const c of LETTERS) out.add(w.slice(0, i) + c + w.slice(i));
  out.delete(w);
  return [...out];
}

/** Which of `terms` the index holds: in the `all` index or in the title postings. */
async function heldTerms(db: QariDb, terms: string[]): Promise<string[]> {
  const ranges = terms.map((t): [[string, number], [string, number]] => [
    [t, -Infinity],
    [t, Infinity],
  ]);
  const [body, title, pending] = await Promise.all([
    db.terms.where('all').anyOf(terms).uniqueKeys(),
    db.titlePostings
      .where('[term+block]')
      .inAnyRange(ranges, { includeUppers: true })
      .primaryKeys(),
    pendingTitles(db),
  ]);
  // A queued title's terms are held too (a term only queued entries lost shows an empty posting).
  const queued = terms.filter((t) => pending.byTerm.has(t));
  return [...new Set([...body.map(String), ...title.map(([t]) => t), ...queued])];
}

/**
 * The term the index holds that is nearest to the typed word `token` (one edit of the word as
 * typed, then stemmed: تلفزيوون → تلفزيون → تلفز), the one in most entries among several; or null.
 */
async function nearest(db: QariDb, token: string): Promise<string | null> {
  const terms = new Set<string>();
  for (const e of editsOf(token)) {
    const t = termOf(e);
    if (t && t.length >= MIN_NEAR_STEM) terms.add(t);
  }
  if (terms.size === 0) return null;
  const held = await heldTerms(db, [...terms]);
  if (held.length === 0) return null;
  const sizes = await Promise.all(held.map(async (k) => (await wordPosting(db, k)).ids.size));
  let best = 0;
  sizes.forEach((n, i) => {
    if (n > sizes[best]!) best = i;
  });
  return held[best]!;
}

/** The first reading of `token` without its clitics (بمحافظة → محافظة) whose term the index holds. */
async function cliticFree(db: QariDb, token: string, term: string): Promise<string | null> {
  for (const base of cliticBases(token)) {
    const t = termOf(base);
    if (!t || t === term || t.length < MIN_NEAR_STEM) continue;
    if ((await wordPosting(db, t, 1)).ids.size > 0) return t;
  }
  return null;
}

export interface Rewritten {
  q: ParsedQuery;
  /** A word was corrected (not only read without its clitics): the results are near ones. */
  near: boolean;
}

/**
 * The query `text` (which found nothing) as whole words, each read without its clitics where the
 * index holds that reading (the reader typed بمحافظة, the article محافظة), else, if the index
 * does not hold it, corrected; null when no word changed.
 */
export async function rewriteUnknown(db: QariDb, text: string): Promise<Rewritten | null> {
  let changed = false;
  let near = false;
  const words: string[] = [];
  for (const token of searchTokens(text)) {
    const w = termOf(token);
    if (!w) continue;
    // As typed, the words found nothing together: a reading without clitics only widens (a
    // text's بمحافظة is indexed as محافظة too).
    const plain = await cliticFree(db, token, w);
    const known = plain === null && (await wordPosting(db, w, 1)).ids.size > 0;
    const typo = !plain && !known && w.length >= MIN_TYPO_STEM && token.length >= MIN_TYPO_WORD;
    const fixed = plain ?? (typo ? await nearest(db, token) : null);
    words.push(fixed ?? w);
    changed ||= fixed !== null;
    near ||= typo && fixed !== null;
  }
  return changed ? { q: { words: [...new Set(words)], prefix: null, exact: [] }, near } : null;
}
