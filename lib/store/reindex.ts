/**
 * Entries saved before the search analyzer changed (INDEX_VERSION) keep the search rows the old
 * one made, which miss what the new one finds (a query's «وزارة» is now the term وزار, an old
 * row holds only زار). Once per analyzer the worker rebuilds them, a batch per transaction so
 * saves and searches go on between batches.
 */
import type { QariDb } from './db';
import { INDEX_VERSION } from '../text/terms';
import { INDEX_BUILT, rebuildOldTerms } from './write';

const BATCH = 200;

/** Rebuild every search row an older analyzer made; how many batches it took (0: none needed). */
export async function reindexOldTerms(
  db: QariDb,
  { batch = BATCH, pause = () => new Promise<void>((r) => setTimeout(r, 0)) } = {},
): Promise<number> {
  if ((await db.listState.get(INDEX_BUILT))?.value === INDEX_VERSION) return 0;
  let batches = 0;
  for (let next: number | null = 0; next !== null; batches++) {
    next = await rebuildOldTerms(db, next, batch);
    await pause();
  }
  return batches;
}
