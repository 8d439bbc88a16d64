/**
 * The saved entries newest first, cached per database while nothing changes: ranking a search
 * needs the recency of every match, and reading the `savedAt` index for each keystroke would cost
 * more than the search itself at 10,000 entries. The cache is dropped when Dexie reports a write
 * to `articles` (in any context: Dexie broadcasts between the extension's pages and its worker),
 * and rebuilt when the newest id differs, which covers a save whose event has not arrived yet.
 */
import type { QariDb } from '../store/db';
import { cachesClearedOnWrite } from './db-caches';

export interface Recency {
  /** Entry ids, newest saved first. */
  ids: number[];
  /** Position of each id in `ids` (0 is the newest). */
  rank: Map<number, number>;
  maxId: number;
}

const caches = cachesClearedOnWrite<Recency>('articles');

export async function recencyOrder(db: QariDb): Promise<Recency> {
  const newest = ((await db.articles.toCollection().lastKey()) as number | undefined) ?? 0;
  const cached = caches.get(db.name);
  if (cached && cached.maxId === newest) return cached;
  const ids = (await db.articles.orderBy('savedAt').primaryKeys()).reverse();
  const fresh: Recency = { ids, rank: new Map(ids.map((id, i) => [id, i])), maxId: newest };
  caches.set(db.name, fresh);
  return fresh;
}
