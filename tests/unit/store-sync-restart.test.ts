/**
 * A worker start after the first sync cycle: the adapter finds out from one mark that every entry
 * saved before sync existed has its record, instead of reading every article row and every
 * sync-meta key again (10,000 each at the README's scale).
 */
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { saveArticle } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { createDexieSyncAdapter } from '@/lib/store/sync-local';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

const ENTRIES = 30;
// DBCoreRangeType.Any (a const enum in Dexie's types): a read of the whole table or index.
const ANY_RANGE = 3;
let db: QariDb;
/** Table → how many rows or keys its whole-table reads returned. */
let scanned: Map<string, number>;

/** Counts the rows (or keys) returned by reads of a table with no range: whole-table scans. */
const scanCounter: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ScanCounter',
  create: (down) => ({
    ...down,
    table: (name): DBCoreTable => {
      const t = down.table(name);
      return {
        ...t,
        query: async (req) => {
          const res = await t.query(req);
          if ((req.query.range.type as number) === ANY_RANGE)
            scanned.set(name, (scanned.get(name) ?? 0) + res.result.length);
          return res;
        },
      };
    },
  }),
};

beforeEach(() => {
  db = freshDb();
  db.use(scanCounter);
  scanned = new Map();
});
afterEach(() => dropDb(db));

describe('sync adapter across worker starts', () => {
  it('reads no article row on a worker start after the first cycle', async () => {
    for (let i = 0; i < ENTRIES; i++) {
      await saveArticle(db, makeArticle({ url: `https://news.example/${i}` }));
    }
    // Saved before sync existed: the outbox was never absorbed (as after an update from v3).
    await db.changes.clear();
    const first = createDexieSyncAdapter(db, { nodeId: 'a' });
    expect(await first.list()).toHaveLength(ENTRIES);
    expect(scanned.get('articles')).toBe(ENTRIES);

    scanned.clear();
    const restarted = createDexieSyncAdapter(db, { nodeId: 'a' });
    expect(await restarted.list()).toHaveLength(ENTRIES);
    expect(scanned.get('articles') ?? 0).toBe(0);
  });
});
