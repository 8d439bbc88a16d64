/**
 * The engine's view of this browser's reading list. The Dexie implementation lives with the
 * store; `createMemoryAdapter` is the in-memory one for tests, the simulator and the benchmark.
 *
 * Contract for implementations:
 * - `list` returns every record kept, tombstones included (they are how a delete reaches the
 *   other browsers and how a stale copy from one of them is recognised later).
 * - `apply` merges each given record into what is stored *at that moment* (`mergeRecord`), in
 *   one transaction, so a local edit made while the engine was syncing is never overwritten;
 *   a live record means "create or update the entry" (the body, if any, stays), a dead one
 *   "delete the entry, keep the tombstone". `forget` drops tombstones that have expired, but only
 *   if the stored record is still that same tombstone.
 * - Changes made through `apply` are not reported to `subscribe` listeners; the user's own saves,
 *   edits and deletes are, with the affected ids.
 * - Local writes go through `newRecord`, `editRecord` and `deleteRecord` (`record.ts`), stamped
 *   with `stampFor(clock, current record)` from a clock with this browser's node id.
 */
import { compareHlc, type HlcClock } from './hlc';
import { mergeRecord } from './merge';
import {
  deleteRecord,
  editRecord,
  entryId,
  entryOf,
  isLive,
  newRecord,
  stampFor,
  type DeadRecord,
  type EntryFields,
  type LiveRecord,
  type NewEntry,
  type SyncEntry,
  type SyncRecord,
} from './record';

export interface LocalAdapter {
  list(): Promise<SyncRecord[]>;
  apply(put: SyncRecord[], forget: DeadRecord[]): Promise<void>;
  subscribe(onChange: (ids: string[]) => void): () => void;
}

export interface MemoryAdapter extends LocalAdapter {
  /** Save `url`: a new life if it is absent or deleted, else an update of title and site. */
  save(url: string, init: NewEntry): LiveRecord;
  edit(url: string, patch: Partial<EntryFields>): LiveRecord | null;
  remove(url: string): DeadRecord | null;
  get(url: string): SyncRecord | undefined;
  records(): SyncRecord[];
  /** Live entries, sorted by URL. */
  entries(): SyncEntry[];
}

/**
 * `onWrite` sees every record a local operation produced (tests use it as the oracle of what
 * was ever written).
 */
export function createMemoryAdapter(
  clock: HlcClock,
  onWrite?: (r: SyncRecord) => void,
): MemoryAdapter {
  const store = new Map<string, SyncRecord>();
  const listeners = new Set<(ids: string[]) => void>();

  const commit = (r: SyncRecord): void => {
    store.set(r.id, r);
    onWrite?.(r);
    const ids = [r.id];
    queueMicrotask(() => listeners.forEach((l) => l(ids)));
  };

  return {
    async list() {
      return [...store.values()];
    },
    async apply(put, forget) {
      for (const r of put) {
        const cur = store.get(r.id);
        store.set(r.id, cur ? mergeRecord(cur, r) : r);
      }
      for (const t of forget) {
        const cur = store.get(t.id);
        if (cur && !isLive(cur) && compareHlc(cur.del, t.del) === 0) store.delete(t.id);
      }
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    save(url, init) {
      const cur = store.get(entryId(url));
      const h = stampFor(clock, cur);
      const r =
        cur && isLive(cur)
          ? editRecord(cur, { title: init.title, site: init.site }, h)
          : newRecord(url, init, h);
      commit(r);
      return r;
    },
    edit(url, patch) {
      const cur = store.get(entryId(url));
      if (!cur || !isLive(cur)) return null;
      const r = editRecord(cur, patch, stampFor(clock, cur));
      commit(r);
      return r;
    },
    remove(url) {
      const cur = store.get(entryId(url));
      if (!cur || !isLive(cur)) return null;
      const r = deleteRecord(cur, stampFor(clock, cur));
      commit(r);
      return r;
    },
    get: (url) => store.get(entryId(url)),
    records: () => [...store.values()],
    entries: () =>
      [...store.values()]
        .filter(isLive)
        .map(entryOf)
        .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
  };
}
