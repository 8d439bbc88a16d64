/**
 * Storage faults: an aborted transaction, a full disk during import, a database written by a
 * newer version, a worker stopped in the middle of a save, two saves of one article at once.
 * Each time nothing saved is lost, nothing is duplicated, and the caller gets a typed error
 * whose message key the reader can show. (Interrupted import and sync: tests/unit/import-queue
 * and sync-faults restart tests.)
 */
import Dexie from 'dexie';
import { countEntries, getArticle, listEntries, saveArticle } from '@/lib/store/articles';
import { exportLibraryJson, importLibrary } from '@/lib/store/backup';
import { DB_VERSION, QariDb } from '@/lib/store/db';
import { StoreError, toStoreError } from '@/lib/store/errors';
import ar from '@/public/_locales/ar/messages.json';
import en from '@/public/_locales/en/messages.json';
import { dropDb, freshDb, makeArticle, outbox } from './store-fixtures';

type Fault = { on: boolean; error: () => Error };

/** While `fault.on`, every write to `table` fails with `fault.error()`. */
function failWrites(db: QariDb, table: string, error: () => Error): Fault {
  const fault: Fault = { on: false, error };
  db.use({
    stack: 'dbcore',
    name: `fail-${table}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) =>
            fault.on && name === table ? Promise.reject(fault.error()) : t.mutate(req),
        };
      },
    }),
  });
  return fault;
}

/** Everything a user could lose: entries, bodies, search rows and the sync log. */
async function snapshot(db: QariDb) {
  const entries = (await listEntries(db, { limit: 1000 })).entries;
  return {
    entries,
    articles: await Promise.all(entries.map((e) => getArticle(db, e.id))),
    terms: await db.terms.count(),
    changes: await outbox(db),
  };
}

const dbs: QariDb[] = [];
const track = (db: QariDb) => (dbs.push(db), db);
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => dropDb(db).catch(() => undefined)));
});

describe('storage faults', () => {
  it('an aborted transaction in the middle of a save leaves the previous state', async () => {
    const db = track(freshDb());
    const fault = failWrites(db, 'terms', () => new DOMException('aborted', 'AbortError'));
    await saveArticle(db, makeArticle({ url: 'https://a.example/1', title: 'أول' }));
    await saveArticle(db, makeArticle({ url: 'https://a.example/2', title: 'ثان' }));
    const before = await snapshot(db);
    fault.on = true;
    // A new article (article and body rows written before terms fail) and a re-save.
    for (const a of [
      makeArticle({ url: 'https://a.example/3', title: 'ثالث' }),
      makeArticle({ url: 'https://a.example/1', title: 'أول معدل', text: 'نص آخر' }),
    ]) {
      const err = await saveArticle(db, a).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('storage');
      expect(ar).toHaveProperty((err as StoreError).messageKey);
    }
    fault.on = false;
    expect(await snapshot(db)).toEqual(before);
  });

  it('a full disk during import imports nothing and keeps everything', async () => {
    const source = track(freshDb());
    for (let i = 0; i < 5; i++)
      await saveArticle(source, makeArticle({ url: `https://b.example/${i}`, title: `م ${i}` }));
    const json = await exportLibraryJson(source);
    const db = track(freshDb());
    // Middleware goes in before the database opens (Dexie builds its stack on open).
    const fault = failWrites(
      db,
      'bodies',
      () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    await saveArticle(db, makeArticle({ url: 'https://b.example/kept', title: 'باق' }));
    const before = await snapshot(db);
    fault.on = true;
    await expect(importLibrary(db, json)).rejects.toMatchObject({
      code: 'disk-full',
      messageKey: 'libraryErrorDiskFull',
    });
    fault.on = false;
    expect(await snapshot(db)).toEqual(before);
    // And the same import succeeds once there is room, once.
    expect(await importLibrary(db, json)).toMatchObject({ added: 5 });
    expect(await importLibrary(db, json)).toMatchObject({ added: 0, unchanged: 5 });
    expect(await countEntries(db)).toBe(6);
  });

  it('a database written by a newer version opens as it is: nothing lost or downgraded', async () => {
    const name = `qari-newer-${Math.random().toString(36).slice(2)}`;
    // A later release: our schema plus a table of its own, at a higher version.
    class Newer extends QariDb {
      constructor(n: string) {
        super(n);
        this.version(DB_VERSION + 3).stores({ future: 'id' });
      }
    }
    const newer = new Newer(name);
    const saved = await saveArticle(newer, makeArticle({ url: 'https://c.example/1' }));
    await newer.table('future').put({ id: 'k', v: 1 });
    newer.close();

    const db = new QariDb(name);
    expect(await getArticle(db, saved.entry.id)).toEqual(
      makeArticle({ url: 'https://c.example/1' }),
    );
    await saveArticle(db, makeArticle({ url: 'https://c.example/2' }));
    db.close();

    const back = new Newer(name);
    await back.open();
    expect(back.verno).toBe(DB_VERSION + 3);
    expect(await back.table('future').get('k')).toEqual({ id: 'k', v: 1 });
    expect(await countEntries(back)).toBe(2);
    await dropDb(back);
  });

  it('a VersionError (the browser refusing to open a newer database) becomes a clear message', () => {
    const native = new DOMException(
      'The requested version is less than the existing one',
      'VersionError',
    );
    for (const err of [native, new Dexie.OpenFailedError(native), new Dexie.VersionError('x')]) {
      const e = toStoreError(err);
      expect(e).toMatchObject({ code: 'db-newer', messageKey: 'libraryErrorNewerVersion' });
    }
    const key = 'libraryErrorNewerVersion' as keyof typeof ar & keyof typeof en;
    expect(ar[key].message).toMatch(/[\u0600-\u06FF]/);
    expect(en[key].message).toMatch(/newer version/);
    expect(toStoreError(new Error('other'))).toMatchObject({ code: 'storage' });
  });

  it('a worker stopped in the middle of a save (the transaction never commits) loses nothing', async () => {
    const name = `qari-stop-${Math.random().toString(36).slice(2)}`;
    const db = new QariDb(name);
    let stop = false;
    // When the worker stops, the browser aborts its open transactions: here at the save's last write.
    db.use({
      stack: 'dbcore',
      name: 'worker-stop',
      create: (down) => ({
        ...down,
        table: (t) => {
          const table = down.table(t);
          return {
            ...table,
            mutate: (req) => {
              if (stop && t === 'changes') (req.trans as unknown as IDBTransaction).abort();
              return table.mutate(req);
            },
          };
        },
      }),
    });
    await saveArticle(db, makeArticle({ url: 'https://d.example/1', title: 'محفوظ' }));
    const before = await snapshot(db);
    stop = true;
    const err = await saveArticle(
      db,
      makeArticle({ url: 'https://d.example/1', title: 'نسخة لم تكتمل', text: 'نص جديد' }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    const fresh = await saveArticle(db, makeArticle({ url: 'https://d.example/2' })).catch(
      (e: unknown) => e,
    );
    expect(fresh).toBeInstanceOf(StoreError);
    db.close();

    const restarted = new QariDb(name);
    expect(await snapshot(restarted)).toEqual(before);
    await dropDb(restarted);
  });

  it('two tabs saving the same article at once make one entry', async () => {
    const name = `qari-twice-${Math.random().toString(36).slice(2)}`;
    // Two connections, as the background and an extension page would have.
    const a = track(new QariDb(name));
    const b = new QariDb(name);
    const article = makeArticle({ url: 'https://e.example/news/1?utm_source=x' });
    const twin = makeArticle({ url: 'https://www.e.example/news/1' });
    const results = await Promise.all([
      saveArticle(a, article),
      saveArticle(b, twin),
      saveArticle(a, article),
      saveArticle(b, article),
    ]);
    b.close();
    expect(await countEntries(a)).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    expect(await a.terms.count()).toBe(1);
    expect(await a.bodies.count()).toBe(1);
  });
});
