/**
 * The list's revision: a number in `listState` that every write to an entry bumps (the write path,
 * `lib/store/write.ts`), whatever its origin: the reader, an import, a backup, a fetched body or
 * another browser through sync. A view showing the list watches it to know when to read again.
 */
import { liveQuery } from 'dexie';
import type { QariDb } from './db';

export const REVISION = 'revision';

export async function readRevision(db: QariDb): Promise<number> {
  return (await db.listState.get(REVISION))?.value ?? 0;
}

/**
 * Call `onChange` with the new revision whenever the list changes, in this context or another
 * (Dexie broadcasts writes between the extension's pages and its worker). With `since` (the
 * revision when the caller read what it shows), a change made before the subscription started
 * counts too. Returns the unsubscribe function.
 */
export function observeRevision(
  db: QariDb,
  onChange: (revision: number) => void,
  since: number | null = null,
): () => void {
  let last = since;
  const sub = liveQuery(() => readRevision(db)).subscribe({
    next: (rev) => {
      if (last !== null && rev !== last) onChange(rev);
      last = rev;
    },
    error: () => undefined,
  });
  return () => sub.unsubscribe();
}
