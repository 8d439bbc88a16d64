/**
 * Entries' index terms, read to check candidates the index ranges did not settle. Every query
 * walks from the newest entries, so the same rows are checked keystroke after keystroke: the
 * most recently checked are kept for the search session as one delimited string each (compact,
 * and checked with native substring search), dropped when Dexie reports a write to `terms`.
 */
import type { QariDb } from '../store/db';
import type { TermsRow } from '../store/entry';
import { cachesClearedOnWrite } from './db-caches';

// Rows kept per database (about 1–2 KB each).
const CACHE_ROWS = 1500;
const SEP = '\u0001';
// Missing ids this close together (span ÷ count) are read as one key range: one request costs
// about half as much as a get per key, and the walk's ids, newest first, are mostly consecutive.
const RANGE_SPREAD = 1.5;

/** An entry's terms (its title's and the others', `all`) as `SEP term SEP term … SEP`. */
export type TermLine = string;

const caches = cachesClearedOnWrite<Map<number, TermLine>>('terms');

function cacheOf(db: QariDb): Map<number, TermLine> {
  let c = caches.get(db.name);
  if (!c) caches.set(db.name, (c = new Map()));
  return c;
}

/** The terms rows of `ids` (in any order; absent ones left out). */
async function readRows(db: QariDb, ids: number[]): Promise<TermsRow[]> {
  if (ids.length === 0) return [];
  let lo = ids[0]!;
  let hi = lo;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  if (hi - lo + 1 > ids.length * RANGE_SPREAD) {
    return (await db.terms.bulkGet(ids)).filter((r) => r !== undefined);
  }
  const wanted = new Set(ids);
  const rows = await db.terms.where('id').between(lo, hi, true, true).toArray();
  return rows.filter((r) => wanted.has(r.id));
}

/** The term lines of `ids` (undefined for an entry without a terms row), in order. */
export async function termLines(db: QariDb, ids: number[]): Promise<(TermLine | undefined)[]> {
  const cache = cacheOf(db);
  const missing = ids.filter((id) => !cache.has(id));
  for (const row of await readRows(db, missing)) {
    cache.set(row.id, SEP + row.title.join(SEP) + SEP + row.all.join(SEP) + SEP);
  }
  const out = ids.map((id) => {
    const line = cache.get(id);
    if (line !== undefined) {
      // Most recently used last, so the oldest use is evicted first.
      cache.delete(id);
      cache.set(id, line);
    }
    return line;
  });
  for (const id of cache.keys()) {
    if (cache.size <= CACHE_ROWS) break;
    cache.delete(id);
  }
  return out;
}

export const holdsWord = (line: TermLine, word: string): boolean => line.includes(SEP + word + SEP);

export const holdsPrefix = (line: TermLine, forms: string[]): boolean =>
  forms.some((f) => line.includes(SEP + f));
