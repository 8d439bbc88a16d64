/**
 * Reading-list sync in the background: the sync engine over `storage.sync` with the Dexie list as
 * its local side, and fetching the bodies of entries that came from another browser.
 */
import { openDb } from '../store/db';
import { createDexieSyncAdapter } from '../store/sync-local';
import { fetchBodyHandlers } from './fetch-body';
import { registerSyncService, type SyncService } from './sync';

/** Start sync; answers the sync messages and `library:fetchBody`. */
export function registerReadingListSync() {
  const sync: SyncService = registerSyncService({
    local: ({ nodeId }) => createDexieSyncAdapter(openDb(), { nodeId }),
  });
  return { ...sync.handlers, ...fetchBodyHandlers() };
}
