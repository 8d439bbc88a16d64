/**
 * What goes into the sync area when the whole list does not fit its quota. Tombstones come
 * first (they are tiny and a lost one would bring an entry back), then live entries in priority
 * order: unread before read, not archived before archived, newest saved first. The longest
 * prefix of that order that fits is synced; the rest stays on this browser only, never dropped.
 * Every browser computes the same order from the record values alone, so once they hold the same
 * entries they agree on the cut too and stop rewriting each other's documents. Entries the area
 * carries with older values than the writer's come right after the tombstones, whatever their
 * rank: their newest values must reach the browsers that carry the stale copy. They stay there,
 * marked as pushed, for the next few generations (see the engine), so a third browser that ranks
 * them out of its cut does not drop them before the stale copy's holder has read them.
 */
import { compareHlc } from './hlc';
import { encodeRecords, type Pushes } from './codec';
import { documentBytes, type AreaLimits } from './encode';
import { isLive, tombstoneTime, type DeadRecord, type LiveRecord, type SyncRecord } from './record';

/** Entry bytes are close to proportional, so a first guess lands within a few entries. */
const SEARCH_SLACK = 0.98;

export function livePriority(a: LiveRecord, b: LiveRecord): number {
  return (
    Number(a.f.read.v) - Number(b.f.read.v) ||
    Number(a.f.archived.v) - Number(b.f.archived.v) ||
    b.f.savedAt.v - a.f.savedAt.v ||
    compareHlc(b.born, a.born) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function deadPriority(a: DeadRecord, b: DeadRecord): number {
  return (
    tombstoneTime(b) - tombstoneTime(a) ||
    compareHlc(b.del, a.del) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * All records in the order they claim space. Pushed ones (`pushes`: id → generation of the push)
 * come first, the latest push first: what the area carries stale right now is new to the others,
 * while an older push has had its chance to be read.
 */
export function priorityOrder(
  records: Iterable<SyncRecord>,
  pushes: Pushes = new Map(),
): SyncRecord[] {
  const live: LiveRecord[] = [];
  const urgent: LiveRecord[] = [];
  const dead: DeadRecord[] = [];
  const urgentDead: DeadRecord[] = [];
  for (const r of records) {
    if (!isLive(r)) (pushes.has(r.id) ? urgentDead : dead).push(r);
    else (pushes.has(r.id) ? urgent : live).push(r);
  }
  const latest = (a: SyncRecord, b: SyncRecord): number => pushes.get(b.id)! - pushes.get(a.id)!;
  // A delete the area still shows alive comes before the other tombstones, and every tombstone
  // before any entry: a delete dropped for room may not have reached a browser that holds the
  // entry only locally, which would then keep it for good.
  return [
    ...urgentDead.sort((a, b) => latest(a, b) || deadPriority(a, b)),
    ...dead.sort(deadPriority),
    ...urgent.sort((a, b) => latest(a, b) || livePriority(a, b)),
    ...live.sort(livePriority),
  ];
}

export interface DocumentPlan {
  /** Records to write, and their encoding. */
  records: SyncRecord[];
  encoded: string;
  /** Live entries that did not fit and stay on this browser only. */
  localOnly: LiveRecord[];
}

/**
 * The largest priority prefix whose encoding takes at most `budget` quota bytes (shards, keys
 * and manifest included). Size is monotone enough in the prefix length for a binary search
 * seeded by a proportional guess.
 */
export function planDocument(
  records: Iterable<SyncRecord>,
  budget: number,
  limits: AreaLimits,
  pushes: Pushes = new Map(),
): DocumentPlan {
  const ordered = priorityOrder(records, pushes);
  const cache = new Map<number, string>();
  const encodeFirst = (k: number): string => {
    let e = cache.get(k);
    if (e === undefined) {
      e = encodeRecords(ordered.slice(0, k), pushes);
      cache.set(k, e);
    }
    return e;
  };
  const fits = (k: number): boolean => documentBytes(encodeFirst(k).length, limits) <= budget;
  let k = ordered.length;
  if (!fits(k)) {
    const full = documentBytes(encodeFirst(k).length, limits);
    let lo = 0;
    let hi = k;
    const guess = Math.min(k - 1, Math.max(0, Math.floor((k * budget * SEARCH_SLACK) / full)));
    if (fits(guess)) lo = guess;
    else hi = guess;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    k = lo;
  }
  const chosen = ordered.slice(0, k);
  const localOnly = ordered.slice(k).filter(isLive);
  return { records: chosen, encoded: encodeFirst(k), localOnly };
}
