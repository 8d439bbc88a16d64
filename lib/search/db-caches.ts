/**
 * Per-database caches that search keeps for a popup session, each dropped as soon as Dexie reports a
 * write to the table it was built from — in this context or any other (Dexie broadcasts writes
 * between the extension's pages and its worker).
 */
import Dexie from 'dexie';

const watched: { caches: Map<string, unknown>; table: string }[] = [];
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts) => {
    const keys = Object.keys(parts);
    for (const { caches, table } of watched) {
      for (const name of caches.keys()) {
        if (keys.some((k) => k.startsWith(`idb://${name}/${table}/`))) caches.delete(name);
      }
    }
  });
}

/** A map from database name to a cache, emptied for a database when `table` changes there. */
export function cachesClearedOnWrite<T>(table: string): Map<string, T> {
  const caches = new Map<string, T>();
  watched.push({ caches, table });
  listen();
  return caches;
}
