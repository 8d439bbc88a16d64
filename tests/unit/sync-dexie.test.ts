import { afterEach, describe, expect, it } from 'vitest';
import {
  deleteEntries,
  getEntryByUrl,
  listEntries,
  saveArticle,
  setProgress,
  setStatus,
} from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { createDexieSyncAdapter, type DexieSyncAdapter } from '@/lib/store/sync-local';
import { createSyncEngine, type SyncEngine } from '@/lib/sync/engine';
import { createClock } from '@/lib/sync/hlc';
import type { LocalAdapter } from '@/lib/sync/local';
import { SimSync, type SimBrowser } from '../support/sync-sim';
import { dropDb, freshDb, makeArticle, outbox } from './store-fixtures';

const START = Date.UTC(2025, 0, 1);
const CONFIG = { localDebounceMs: 200, localMaxWaitMs: 1_000, remoteDebounceMs: 100 };

interface Peer {
  name: string;
  db: QariDb;
  sim: SimBrowser;
  adapter: DexieSyncAdapter;
  engine: SyncEngine;
  /** Runs once, right after the engine's next `list()` (a reader's edit during a cycle). */
  afterList: (() => Promise<void>) | null;
}

const dbs: QariDb[] = [];
const engines: SyncEngine[] = [];

afterEach(async () => {
  engines.splice(0).forEach((e) => e.stop());
  await Promise.all(dbs.splice(0).map(dropDb));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function peer(sim: SimSync, name: string): Peer {
  const db = freshDb();
  dbs.push(db);
  const b = sim.browser(name);
  const adapter = createDexieSyncAdapter(db, { nodeId: name, now: () => b.timers.now() });
  const p = { name, db, sim: b, adapter, afterList: null } as unknown as Peer;
  const local: LocalAdapter = {
    async list() {
      const records = await adapter.list();
      const hook = p.afterList;
      p.afterList = null;
      if (hook) await hook();
      return records;
    },
    apply: (put, forget) => adapter.apply(put, forget),
    subscribe: (fn) => adapter.subscribe(fn),
  };
  p.engine = createSyncEngine({
    area: b.area,
    local,
    clock: createClock(name, () => b.timers.now()),
    nodeId: name,
    timers: b.timers,
    config: CONFIG,
  });
  engines.push(p.engine);
  p.engine.start();
  return p;
}

/**
 * Run the simulation until nothing is left to do. Dexie (fake-indexeddb) works on real macrotasks
 * while the simulation runs on a fake clock, so both are turned until neither has work for a while.
 */
async function quiesce(sim: SimSync): Promise<void> {
  let idle = 0;
  for (let i = 0; i < 400 && idle < 4; i++) {
    const n = await sim.scheduler.run();
    await sleep(15);
    idle = n === 0 && sim.scheduler.pending === 0 ? idle + 1 : 0;
  }
}

async function syncBoth(sim: SimSync, a: Peer, b: Peer): Promise<void> {
  await quiesce(sim);
  for (const p of [a, b, a]) {
    const done = p.engine.syncNow();
    let settled = false;
    void done.finally(() => (settled = true));
    while (!settled) {
      await sim.scheduler.run();
      await sleep(5);
    }
    await quiesce(sim);
  }
}

const url = (n: number) => `https://news.example/2025/article-${n}`;
const article = (n: number) =>
  makeArticle({ url: url(n), title: `عنوان الخبر رقم ${n}`, siteName: 'أخبار' });

async function snapshot(db: QariDb) {
  const { entries } = await listEntries(db, { limit: 500 });
  return entries
    .map((e) => ({
      url: e.canonicalUrl,
      title: e.article.title,
      site: e.article.siteName,
      read: e.read,
      archived: e.archived,
      favourite: e.favourite,
      progress: e.progress,
      savedAt: e.savedAt,
    }))
    .sort((x, y) => (x.url < y.url ? -1 : 1));
}

async function idOf(db: QariDb, n: number): Promise<number> {
  const e = await getEntryByUrl(db, url(n));
  if (!e) throw new Error(`no entry ${n}`);
  return e.id;
}

function newSim(): SimSync {
  return new SimSync({ seed: 7, start: START, delay: [10, 80] });
}

describe('Dexie-backed sync between two browsers', () => {
  it('brings entries saved on one to the other, body-less, with their status', async () => {
    const sim = newSim();
    const a = peer(sim, 'a');
    const b = peer(sim, 'b');
    const t = () => a.sim.timers.now();
    for (const n of [1, 2, 3]) await saveArticle(a.db, article(n), { now: t() });
    await setStatus(a.db, await idOf(a.db, 2), { read: true, favourite: true }, t());
    await setProgress(a.db, await idOf(a.db, 3), 0.42, t());
    await syncBoth(sim, a, b);

    const want = await snapshot(a.db);
    expect(want).toHaveLength(3);
    expect(await snapshot(b.db)).toEqual(want);
    const onB = (await listEntries(b.db)).entries;
    expect(onB.every((e) => !e.hasBody)).toBe(true);
    expect(onB.find((e) => e.canonicalUrl === url(2))).toMatchObject({ read: true });
    // Remote writes do not go back into B's outbox.
    expect(await outbox(b.db)).toEqual([]);
  });

  it('propagates a delete, and the entry does not come back', async () => {
    const sim = newSim();
    const a = peer(sim, 'a');
    const b = peer(sim, 'b');
    for (const n of [1, 2]) await saveArticle(a.db, article(n), { now: a.sim.timers.now() });
    await syncBoth(sim, a, b);
    expect(await snapshot(b.db)).toHaveLength(2);

    await deleteEntries(a.db, [await idOf(a.db, 1)], a.sim.timers.now());
    await syncBoth(sim, a, b);
    expect((await snapshot(b.db)).map((e) => e.url)).toEqual([url(2)]);

    // More cycles on both, and a new save on B: the deleted entry stays deleted.
    await saveArticle(b.db, article(3), { now: b.sim.timers.now() });
    await syncBoth(sim, a, b);
    await syncBoth(sim, a, b);
    expect((await snapshot(a.db)).map((e) => e.url)).toEqual([url(2), url(3)]);
    expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
  });

  it('lets a delete beat an older edit made on the other browser while apart', async () => {
    const sim = newSim();
    const a = peer(sim, 'a');
    const b = peer(sim, 'b');
    await saveArticle(a.db, article(1), { now: a.sim.timers.now() });
    await syncBoth(sim, a, b);
    sim.partition('a', true);
    sim.partition('b', true);
    await setProgress(b.db, await idOf(b.db, 1), 0.3, b.sim.timers.now());
    await sim.scheduler.run({ until: b.sim.timers.now() + 5_000 });
    await deleteEntries(a.db, [await idOf(a.db, 1)], a.sim.timers.now());
    await quiesce(sim);
    sim.heal();
    await syncBoth(sim, a, b);
    expect(await snapshot(a.db)).toEqual([]);
    expect(await snapshot(b.db)).toEqual([]);
  });

  it('keeps concurrent edits to different fields of one entry', async () => {
    const sim = newSim();
    const a = peer(sim, 'a');
    const b = peer(sim, 'b');
    await saveArticle(a.db, article(1), { now: a.sim.timers.now() });
    await syncBoth(sim, a, b);
    sim.partition('a', true);
    sim.partition('b', true);
    await setStatus(a.db, await idOf(a.db, 1), { read: true }, a.sim.timers.now());
    await setStatus(b.db, await idOf(b.db, 1), { favourite: true }, b.sim.timers.now());
    await quiesce(sim);
    sim.heal();
    await syncBoth(sim, a, b);
    for (const p of [a, b])
      expect((await snapshot(p.db))[0]).toMatchObject({ read: true, favourite: true });
  });

  it('never overwrites a local edit made while a remote state is being applied', async () => {
    const sim = newSim();
    const a = peer(sim, 'a');
    const b = peer(sim, 'b');
    await saveArticle(a.db, article(1), { now: a.sim.timers.now() });
    await syncBoth(sim, a, b);

    // A moves the reading position; B's reader moves it too, after B's engine has listed its
    // records for the cycle that brings A's change, before it applies A's state.
    await sim.scheduler.run({ until: b.sim.timers.now() + 10_000 });
    let remoteSeen = false;
    b.afterList = async () => {
      remoteSeen = Object.keys(b.sim.items()).length > 0;
      const id = await idOf(b.db, 1);
      await setProgress(b.db, id, 0.8, b.sim.timers.now());
      await setStatus(b.db, id, { archived: true }, b.sim.timers.now());
    };
    await setProgress(a.db, await idOf(a.db, 1), 0.5, a.sim.timers.now());
    await syncBoth(sim, a, b);
    expect(b.afterList).toBeNull();
    expect(remoteSeen).toBe(true);
    for (const p of [a, b])
      expect((await snapshot(p.db))[0]).toMatchObject({ progress: 0.8, archived: true });
  });

  it('syncs entries saved before sync existed, and stamps a re-save after a delete as new', async () => {
    const sim = newSim();
    const a = peer(sim, 'a');
    // Saved with the outbox since emptied (as if by an older version): only the rows are there.
    await saveArticle(a.db, article(9), { now: a.sim.timers.now() });
    const [last] = (await outbox(a.db)).slice(-1);
    await a.db.changes.where('seq').belowOrEqual(last!.seq).delete();
    const b = peer(sim, 'b');
    await syncBoth(sim, a, b);
    expect((await snapshot(b.db)).map((e) => e.url)).toEqual([url(9)]);

    await deleteEntries(b.db, [await idOf(b.db, 9)], b.sim.timers.now());
    await syncBoth(sim, a, b);
    expect(await snapshot(a.db)).toEqual([]);
    await sim.scheduler.run({ until: a.sim.timers.now() + 60_000 });
    await saveArticle(a.db, article(9), { now: a.sim.timers.now() });
    await syncBoth(sim, a, b);
    expect((await snapshot(b.db)).map((e) => e.url)).toEqual([url(9)]);
  });
});
