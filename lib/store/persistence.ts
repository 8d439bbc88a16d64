/**
 * Ask the browser to keep the reading list when disk space runs low (without it, an origin's
 * IndexedDB is "best effort" and may be evicted). `persist()` exists only in window contexts
 * (popup, reader, options), not in the background service worker; the extension should also
 * hold the `unlimitedStorage` permission, which exempts it from the quota in Chrome.
 */

export type Persistence = 'persisted' | 'granted' | 'denied' | 'unsupported';

interface StorageLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

export async function requestPersistence(
  storage: StorageLike | undefined = globalThis.navigator?.storage,
): Promise<Persistence> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted?.()) return 'persisted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}
