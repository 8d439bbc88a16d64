/**
 * The popup's first screen read straight from IndexedDB, without Dexie: the newest entries of the
 * reading list, by the same `savedAt` index and in the same order as the Dexie store's `all` list
 * (`listEntries`). Loading Dexie, the store and search is most of the popup's code; with this
 * read the first rows are painted while that code loads.
 *
 * It only ever reads. A database that does not exist yet is left for Dexie to create (the open is
 * aborted before anything is made), and one at another schema version is left to Dexie's
 * migrations: the caller then falls back to the Dexie store.
 */
import { DB_NAME, IDB_VERSION } from '../store/db-version';
import { toEntry, type EntryRow } from '../store/entry';
import type { ListRow } from './client';
import type { Page } from './paged-list';

const STORE = 'articles';
const INDEX = 'savedAt';
// The list's revision: every write to an entry bumps it (`lib/store/revision.ts`).
const STATE = 'listState';
const REVISION = 'revision';

/** The first page, and the list's revision when it was read (0 before the first write). */
export interface FirstPage extends Page<ListRow> {
  since: number;
}

/** Open the reading list's database as it is, or null when it is missing or at another version. */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name);
    } catch {
      resolve(null);
      return;
    }
    // Only a database that does not exist yet needs an upgrade here: abort, so none is created.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = (e) => {
      e.preventDefault();
      resolve(null);
    };
    req.onblocked = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      const stores = db.objectStoreNames;
      if (db.version !== IDB_VERSION || !stores.contains(STORE) || !stores.contains(STATE)) {
        db.close();
        resolve(null);
        return;
      }
      // Never stand in the way of a schema upgrade from another page or the background.
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}

const asPromise = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

async function revisionOf(store: IDBObjectStore): Promise<number> {
  const row = (await asPromise(store.get(REVISION))) as { value?: unknown } | undefined;
  return typeof row?.value === 'number' ? row.value : 0;
}

/**
 * Whether `getAll` takes an options dictionary with a direction (Chromium 141 shipped it with
 * `getAllRecords`): one request for the page, where a cursor answers a request per row (50 rows
 * took 25–35 ms of the popup's opening at 10,000 entries, one request 1–2 ms).
 */
const hasDirectedGetAll = (index: IDBIndex): boolean => 'getAllRecords' in index;

/**
 * The newest `limit` rows, newest first: read in one request where the browser can read an index
 * backwards, else walked with a cursor (`getAll` cannot read backwards there). Ties in `savedAt`
 * come in descending id order either way, as Dexie's reversed index query gives them.
 */
function newestRows(index: IDBIndex, limit: number): Promise<EntryRow[]> {
  if (hasDirectedGetAll(index)) {
    const options = { direction: 'prev', count: limit } as unknown as IDBKeyRange;
    return asPromise(index.getAll(options)) as Promise<EntryRow[]>;
  }
  return new Promise((resolve, reject) => {
    const rows: EntryRow[] = [];
    const req = index.openCursor(null, 'prev');
    req.onerror = () => reject(req.error ?? new Error('IndexedDB cursor failed'));
    req.onsuccess = () => {
      const cursor = req.result;
      if (cursor) rows.push(cursor.value as EntryRow);
      if (cursor && rows.length < limit) cursor.continue();
      else resolve(rows);
    };
  });
}

/**
 * The first `limit` entries of the whole list, newest first, or null when the database cannot be
 * read this way. Counting every entry takes longer than reading a screenful at 10,000 entries, so
 * the rows come first: when there may be more than `limit`, `total` is the rows read and
 * `counting` brings the exact number.
 */
export async function readFirstPage(
  limit: number,
  { factory = indexedDB, name = DB_NAME }: { factory?: IDBFactory; name?: string } = {},
): Promise<FirstPage | null> {
  const db = await openExisting(factory, name);
  if (!db) return null;
  try {
    const tx = db.transaction([STORE, STATE], 'readonly');
    const index = tx.objectStore(STORE).index(INDEX);
    // Both asked at once: answered in order, in one snapshot, without a turn of the page's busy
    // thread between them.
    const [since, rows] = await Promise.all([
      revisionOf(tx.objectStore(STATE)),
      newestRows(index, limit),
    ]);
    const items = rows.map((row) => ({ entry: toEntry(row) }));
    if (rows.length < limit) return { items, total: rows.length, since };
    // Asked only now, after the cursor: requests run in order, and the rows should not wait.
    const counting = asPromise(index.count());
    counting.catch(() => undefined);
    return { items, total: rows.length, counting, since };
  } catch {
    return null;
  } finally {
    // Closes once the transaction (and its count) is done.
    db.close();
  }
}
