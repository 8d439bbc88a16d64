/**
 * The typo fallback: when a search finds nothing, each word the index does not hold (of five
 * letters or more, its stem of four: shorter ones are too close to other words) is replaced by
 * the word one edit away as typed (a letter wrong, missing, extra or two swapped) whose stem the
 * index holds. Only used when nothing else matched, and the caller says so («نتائج قريبة من …»).
 */
import type { QariDb } from '../store/db';
import { wordPosting } from './postings';
import type { ParsedQuery } from './query';
import { searchTokens, termOf } from '../text/analyze';

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
  const held = (
    await db.terms
      .where('all')
      .anyOf([...terms])
      .uniqueKeys()
  ).map(String);
  if (held.length === 0) return null;
  const sizes = await Promise.all(held.map(async (k) => (await wordPosting(db, k)).ids.size));
  let best = 0;
  sizes.forEach((n, i) => {
    if (n > sizes[best]!) best = i;
  });
  return held[best]!;
}

/** The query `text` as whole words, its unknown long words corrected; null when none was. */
export async function nearQuery(db: QariDb, text: string): Promise<ParsedQuery | null> {
  let changed = false;
  const words: string[] = [];
  for (const token of searchTokens(text)) {
    const w = termOf(token);
    if (!w) continue;
    const known = (await wordPosting(db, w, 1)).ids.size > 0;
    if (known || w.length < MIN_TYPO_STEM || token.length < MIN_TYPO_WORD) {
      words.push(w);
      continue;
    }
    const near = await nearest(db, token);
    if (near === null) return null;
    words.push(near);
    changed = true;
  }
  return changed ? { words: [...new Set(words)], prefix: null, exact: [] } : null;
}
