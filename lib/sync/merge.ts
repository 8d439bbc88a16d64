/**
 * Merging two versions of the reading list. Per entry, the latest event by HLC decides whether
 * it exists: a life (`born`) or a tombstone (`del`), a tombstone winning a tie. Two versions of
 * the same life merge field by field, last writer wins, so concurrent edits to different fields
 * both survive. The merge is a join: commutative, associative and idempotent, so browsers that
 * see the same changes in any order, any number of times, end with the same list.
 */
import { compareHlc } from './hlc';
import {
  FIELD_NAMES,
  isLive,
  type DeadRecord,
  type FieldName,
  type LiveRecord,
  type Stamped,
  type StampedFields,
  type SyncRecord,
} from './record';

/**
 * Two writes with the same HLC only happen when one node reused a timestamp (a reset clock);
 * comparing the values keeps the result independent of merge order even then.
 */
function laterField<T>(a: Stamped<T>, b: Stamped<T>): Stamped<T> {
  const c = compareHlc(a.h, b.h);
  if (c !== 0) return c > 0 ? a : b;
  return JSON.stringify(a.v) >= JSON.stringify(b.v) ? a : b;
}

function mergeFields(a: StampedFields, b: StampedFields): StampedFields {
  const out = {} as Record<FieldName, Stamped<unknown>>;
  for (const name of FIELD_NAMES) out[name] = laterField<unknown>(a[name], b[name]);
  return out as StampedFields;
}

const pickUrl = (a?: string, b?: string): string | undefined =>
  a === undefined ? b : b === undefined ? a : a >= b ? a : b;

function mergeLive(a: LiveRecord, b: LiveRecord): LiveRecord {
  const c = compareHlc(a.born, b.born);
  if (c > 0) return a;
  if (c < 0) return b;
  return { id: a.id, url: pickUrl(a.url, b.url)!, born: a.born, f: mergeFields(a.f, b.f) };
}

/**
 * The later tombstone wins (by `del`, then by re-publication `kept`), with its local bookkeeping
 * (`at`, `pruned`, `shared`, `sent`). For one version, the second argument's bookkeeping wins when it has any: an
 * adapter merging the engine's record into the stored one takes the engine's decision, and a
 * version from the sync area (which has none) keeps this browser's. A version this browser has
 * not received yet has no `at` (the engine stamps it), so a re-publication restarts the
 * lifetime everywhere.
 */
function mergeDead(a: DeadRecord, b: DeadRecord): DeadRecord {
  const c = compareHlc(a.del, b.del) || Math.sign((a.kept ?? 0) - (b.kept ?? 0));
  const url = pickUrl(a.url, b.url);
  const win = c > 0 ? a : c < 0 ? b : b.at !== undefined ? b : a;
  const out: DeadRecord = { id: a.id, del: win.del };
  if (url !== undefined) out.url = url;
  if (win.kept !== undefined) out.kept = win.kept;
  if (win.at !== undefined) out.at = win.at;
  if (win.pruned !== undefined) out.pruned = win.pruned;
  // Once any copy of this version is known to another browser, it stays so.
  if (win.shared || (c === 0 && (a.shared || b.shared))) out.shared = true;
  else if (win.sent !== undefined) out.sent = win.sent;
  return out;
}

function liveVsDead(live: LiveRecord, dead: DeadRecord): SyncRecord {
  if (compareHlc(dead.del, live.born) < 0) return live;
  return dead.url === undefined ? { ...dead, url: live.url } : dead;
}

/** The join of two records of the same entry. */
export function mergeRecord(a: SyncRecord, b: SyncRecord): SyncRecord {
  if (a.id !== b.id) throw new Error('merging records of different entries');
  if (isLive(a)) return isLive(b) ? mergeLive(a, b) : liveVsDead(a, b);
  return isLive(b) ? liveVsDead(b, a) : mergeDead(a, b);
}

export type RecordMap = Map<string, SyncRecord>;

export function toMap(records: Iterable<SyncRecord>): RecordMap {
  const out: RecordMap = new Map();
  for (const r of records) {
    const prev = out.get(r.id);
    out.set(r.id, prev ? mergeRecord(prev, r) : r);
  }
  return out;
}

/** The join of two lists (entries present in either, merged where present in both). */
export function mergeMaps(a: RecordMap, b: RecordMap): RecordMap {
  const out: RecordMap = new Map(a);
  for (const [id, r] of b) {
    const prev = out.get(id);
    out.set(id, prev ? mergeRecord(prev, r) : r);
  }
  return out;
}
