import { readFirstPage } from '@/lib/popup/first-page';
import { listEntries, saveArticle, setStatus } from '@/lib/store/articles';
import { observeChanges } from '@/lib/store/changes';
import { QariDb } from '@/lib/store/db';
import { DB_VERSION, IDB_VERSION } from '@/lib/store/db-version';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

const T0 = Date.UTC(2025, 2, 1);

async function fill(db: QariDb, savedAt: number[]): Promise<void> {
  for (const [i, at] of savedAt.entries()) {
    await saveArticle(db, makeArticle({ url: `https://example.com/${i}`, title: `مقال ${i}` }), {
      now: T0 + at,
    });
  }
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

describe('the popup first page read raw', () => {
  let db: QariDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => dropDb(db));

  it('gives the same entries, in the same order, as the Dexie store', async () => {
    // Ties in savedAt (ids 2, 3 and 5) must come in the order Dexie gives them.
    await fill(db, [5, 9, 3, 3, 1, 3, 12, 0]);
    await setStatus(db, 2, { read: true, favourite: true });
    const walk = vi.spyOn(IDBIndex.prototype, 'openCursor');
    for (const limit of [1, 3, 5, 8, 20]) {
      const raw = await readFirstPage(limit, { name: db.name });
      const dexie = await listEntries(db, { filter: 'all', offset: 0, limit });
      expect(raw?.items.map((r) => r.entry)).toEqual(dexie.entries);
      expect(raw?.items.length).toBe(Math.min(limit, 8));
    }
    // Read backwards in one request where the browser can (no cursor walked row by row).
    expect(walk).not.toHaveBeenCalled();
    walk.mockRestore();
  });

  it('walks a cursor to the same entries where getAll cannot read backwards', async () => {
    await fill(db, [5, 9, 3, 3, 1, 3, 12, 0]);
    const proto = IDBIndex.prototype as unknown as Record<string, unknown>;
    const had = Object.getOwnPropertyDescriptor(proto, 'getAllRecords');
    delete proto.getAllRecords;
    const walk = vi.spyOn(IDBIndex.prototype, 'openCursor');
    try {
      for (const limit of [1, 3, 8, 20]) {
        const raw = await readFirstPage(limit, { name: db.name });
        const dexie = await listEntries(db, { filter: 'all', offset: 0, limit });
        expect(raw?.items.map((r) => r.entry)).toEqual(dexie.entries);
      }
      expect(walk).toHaveBeenCalled();
    } finally {
      walk.mockRestore();
      if (had) Object.defineProperty(proto, 'getAllRecords', had);
    }
  });

  it('tells the last change it saw, so a change made before the store loads is not missed', async () => {
    await fill(db, [1, 2]);
    const seen = await readFirstPage(10, { name: db.name });
    expect(seen?.since).toBe(await db.changes.toCollection().lastKey());
    const changed: number[] = [];
    // A change between the early read and the subscription: reported once subscribed.
    await setStatus(db, 1, { read: true });
    const stop = observeChanges(db, (seq) => changed.push(seq), seen?.since ?? null);
    await vi.waitFor(() => expect(changed).toHaveLength(1));
    stop();
    const quiet: number[] = [];
    const stopQuiet = observeChanges(db, (seq) => quiet.push(seq));
    await new Promise((r) => setTimeout(r, 50));
    stopQuiet();
    expect(quiet).toEqual([]);
  });

  it('counts after the rows when there may be more than a page', async () => {
    await fill(db, [1, 2, 3, 4, 5]);
    const short = await readFirstPage(3, { name: db.name });
    expect(short?.total).toBe(3);
    expect(await short?.counting).toBe(5);
    const whole = await readFirstPage(6, { name: db.name });
    expect(whole).toMatchObject({ total: 5 });
    expect(whole?.counting).toBeUndefined();
  });

  it('reads an empty list', async () => {
    await db.open();
    expect(await readFirstPage(10, { name: db.name })).toEqual({ items: [], total: 0, since: 0 });
  });

  it('opens the database at the version Dexie gives it', async () => {
    await db.open();
    expect(db.backendDB().version).toBe(IDB_VERSION);
    expect(db.verno).toBe(DB_VERSION);
  });

  it('creates no database when there is none, and Dexie then opens it as usual', async () => {
    const name = `${db.name}-absent`;
    expect(await readFirstPage(10, { name })).toBeNull();
    expect(await databaseNames()).not.toContain(name);
    const later = new QariDb(name);
    try {
      await saveArticle(later, makeArticle(), { now: T0 });
      expect((await listEntries(later)).total).toBe(1);
      expect((await readFirstPage(10, { name }))?.total).toBe(1);
    } finally {
      await dropDb(later);
    }
  });

  it('leaves a database at another schema version to Dexie', async () => {
    // Written by Dexie's version 1: the list's index is there, but its rows are not current ones.
    const name = `${db.name}-v1`;
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 10);
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore('articles', {
          keyPath: 'id',
          autoIncrement: true,
        });
        store.createIndex('savedAt', 'savedAt');
        store.add({ savedAt: T0, read: true });
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    try {
      expect(await readFirstPage(10, { name })).toBeNull();
    } finally {
      await new Promise((resolve) => {
        const del = indexedDB.deleteDatabase(name);
        del.onsuccess = del.onerror = resolve;
      });
    }
  });
});
