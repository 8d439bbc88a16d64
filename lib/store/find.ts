/** Finding the entry a URL belongs to, under its key or any address it is known by. */
import type { QariDb } from './db';
import type { EntryRow } from './entry';

/**
 * The entry keyed by the first of `keys` that has one, else one listing any of them among its
 * addresses, else undefined. Call inside a transaction over `articles` when writing after.
 */
export async function findEntry(
  db: QariDb,
  keys: readonly string[],
): Promise<EntryRow | undefined> {
  if (keys.length === 0) return undefined;
  const keyed = await db.articles.where('canonicalUrl').anyOf(keys).toArray();
  for (const k of keys) {
    const hit = keyed.find((r) => r.canonicalUrl === k);
    if (hit) return hit;
  }
  return db.articles.where('addresses').anyOf(keys).first();
}
