/**
 * Per-database caches that search keeps for a popup session, each dropped as soon as Dexie reports a
 * write to the table it was built from — in this context or any other (Dexie broadcasts writes
 * between the extension's pages and its worker).
 */
import Dexie from 'dexie';

const watched: { caches: Map<string, unknown>; tables: string[] }[] = [];
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts) => {
    const keys = Object.keys(parts);
    for (const { caches, tables } of watched) {
      for (const name of caches.keys()) {
        const hit = (t: string) => keys.some((k) => k.startsWith(`idb://${name}/${t}/`));
        if (tables.some(hit)) caches.delete(name);
      }
    }
  });
}

/** A map from database name to a cache, emptied for a database when one of `tables` changes there. */
export function cachesClearedOnWrite<T>(tables: string | string[]): Map<string, T> {
  const caches = new Map<string, T>();
  watched.push({ caches, tables: ([] as string[]).concat(tables) });
  listen();
  return caches;
}
