/**
 * The sync outbox: every local change to an entry, in order, until the sync engine has sent it.
 * An entry has at most one pending change (a newer one absorbs it), so the outbox stays as small
 * as the list even when sync is off. Only the write path (`lib/store/write.ts`) records changes,
 * and not a sync peer's; the sync adapter (`lib/store/sync-local.ts`) consumes them.
 */
import { liveQuery } from 'dexie';
import type { QariDb } from './db';
import type { ChangeRow } from './entry';

/** Append a change, absorbing the entry's pending one. Call inside a transaction over `changes`. */
export function recordChange(db: QariDb, change: Omit<ChangeRow, 'seq'>): Promise<void> {
  return recordChanges(db, [change]);
}

/**
 * Append changes in order, each absorbing its entry's pending one, as many calls of
 * `recordChange` would, in three requests however many there are (an import of thousands).
 * Call inside a transaction over `changes`.
 */
export function recordChanges(
  db: QariDb,
  changes: readonly Omit<ChangeRow, 'seq'>[],
): Promise<void> {
  return prepareChanges(db, changes)();
}

/**
 * `recordChanges` in two steps: the read of the pending changes is issued now, and the returned
 * function writes the outbox once the caller's other requests are out. Nothing else may write
 * these entries' changes in between.
 */
export function prepareChanges(
  db: QariDb,
  changes: readonly Omit<ChangeRow, 'seq'>[],
): () => Promise<void> {
  if (changes.length === 0) return () => Promise.resolve();
  const urls = [...new Set(changes.map((c) => c.canonicalUrl))];
  // One URL (a save) is a key read; several need a cursor over the keys.
  const byUrl = db.changes.where('canonicalUrl');
  const read = (urls.length === 1 ? byUrl.equals(urls[0]!) : byUrl.anyOf(urls)).toArray();
  // Awaited below; a failure before then aborts the transaction and is reported there.
  read.catch(() => undefined);
  return async () => {
    const pending = await read;
    // Per URL, the changes the next one absorbs: first those stored, then the one it replaced.
    const before = new Map<string, Omit<ChangeRow, 'seq'>[]>();
    for (const p of pending) before.set(p.canonicalUrl, [...(before.get(p.canonicalUrl) ?? []), p]);
    const standing = new Map<string, Omit<ChangeRow, 'seq'>>();
    for (const change of changes) {
      let fields = change.fields;
      for (const p of before.get(change.canonicalUrl) ?? []) {
        if (p.op === 'put' && change.op === 'put') fields = [...new Set([...p.fields, ...fields])];
      }
      const row = { ...change, fields };
      before.set(change.canonicalUrl, [row]);
      // Re-inserted so the rows are added in the order their last change came.
      standing.delete(change.canonicalUrl);
      standing.set(change.canonicalUrl, row);
    }
    if (pending.length > 0) await db.changes.bulkDelete(pending.map((p) => p.seq));
    await db.changes.bulkAdd([...standing.values()]);
  };
}

/**
 * Call `onChange` with the newest outbox sequence number whenever the outbox grows, in this
 * context or another (Dexie broadcasts writes between the extension's pages and its worker).
 * With `since` (the outbox's last sequence number when the caller read what it shows), a change
 * made before the subscription started counts too. Returns the unsubscribe function.
 */
export function observeChanges(
  db: QariDb,
  onChange: (lastSeq: number) => void,
  since: number | null = null,
): () => void {
  let last = since;
  const sub = liveQuery(() => db.changes.toCollection().lastKey()).subscribe({
    next: (key) => {
      const seq = typeof key === 'number' ? key : 0;
      if (last !== null && seq > last) onChange(seq);
      last = Math.max(last ?? 0, seq);
    },
    error: () => undefined,
  });
  return () => sub.unsubscribe();
}
