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
  // Both lookups at once, one request per key: a save waits for one round trip to the
  // database instead of two, and a key read costs less than a cursor over several keys.
  const [keyed, listed] = await Promise.all([
    Promise.all(keys.map((k) => db.articles.where('canonicalUrl').equals(k).first())),
    Promise.all(keys.map((k) => db.articles.where('addresses').equals(k).first())),
  ]);
  return keyed.find((r) => r !== undefined) ?? listed.find((r) => r !== undefined);
}
