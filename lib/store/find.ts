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
  // Every entry lists its key among its addresses (the write path adds it), so one read of the
  // address index answers both questions: a save waits for one round trip instead of two. One
  // key is a key read; several, a cursor over them.
  const byAddress = db.articles.where('addresses');
  const rows = await (
    keys.length === 1 ? byAddress.equals(keys[0]!) : byAddress.anyOf(keys)
  ).toArray();
  for (const k of keys) {
    const hit = rows.find((r) => r.canonicalUrl === k);
    if (hit) return hit;
  }
  for (const k of keys) {
    const hit = rows.find((r) => r.addresses.includes(k));
    if (hit) return hit;
  }
  return undefined;
}
