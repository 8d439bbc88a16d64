/**
 * How much of a reading list fits `storage.sync`, and how many write operations syncing costs,
 * for the unit tests and the benchmark. Entries get realistic sync metadata: saved on one of two
 * browsers, and read or progress edits stamped hours later on the other.
 */
import { createSyncEngine, DEFAULT_CONFIG } from '../../lib/sync/engine';
import { documentBytes, SYNC_LIMITS, type AreaLimits } from '../../lib/sync/encode';
import { createClock, type Hlc } from '../../lib/sync/hlc';
import { createMemoryAdapter } from '../../lib/sync/local';
import { planDocument } from '../../lib/sync/plan';
import {
  editRecord,
  isLive,
  newRecord,
  type LiveRecord,
  type SyncEntry,
} from '../../lib/sync/record';
import { SimSync } from './sync-sim';

const NODES = ['laptop0001', 'desktop001'];
const HOUR = 3_600_000;
/** One change every 30 s: each is synced on its own (the debounce is 2 s). */
const SPACED_MS = 30_000;
/** One change every 200 ms: the debounce batches them. */
const BURST_MS = 200;
const CHANGES = 100;

export interface CapacityReport {
  /** Entries offered. */
  entries: number;
  /** Live entries that fit the quota (the rest would stay local). */
  fit: number;
  /** Quota bytes the synced document takes (shards, keys, manifest). */
  documentBytes: number;
  bytesPerEntry: number;
  /** Write operations for 100 changes made 30 s apart (each synced alone). */
  writesPer100Changes: number;
  /** Write operations for 100 changes made 200 ms apart (batched by the debounce). */
  writesPer100BurstChanges: number;
}

/** Sync records with the stamps a real list would have. */
export function recordsFor(entries: readonly SyncEntry[]): LiveRecord[] {
  return entries.map((e, i) => {
    const born: Hlc = { w: e.savedAt, c: 0, n: NODES[i % 2]! };
    let r = newRecord(e.url, e, born);
    if (e.read || e.progress > 0 || e.archived) {
      const later: Hlc = { w: e.savedAt + (1 + (i % 48)) * HOUR, c: 0, n: NODES[(i + 1) % 2]! };
      r = editRecord(r, { read: e.read, progress: e.progress, archived: e.archived }, later);
    }
    return r;
  });
}

async function writesFor(
  records: LiveRecord[],
  gapMs: number,
  limits: AreaLimits,
  start: number,
): Promise<number> {
  const sim = new SimSync({ start, limits });
  const b = sim.browser('capacity');
  const clock = createClock(NODES[0]!, () => b.timers.now());
  const local = createMemoryAdapter(clock);
  await local.apply(records, []);
  const engine = createSyncEngine({
    area: b.area,
    local,
    clock,
    nodeId: NODES[0]!,
    timers: b.timers,
    limits,
  });
  engine.start();
  await sim.scheduler.run();
  const before = b.stats.writeOps;
  for (let i = 0; i < CHANGES; i++) {
    const r = records[i % records.length]!;
    local.edit(r.url, i % 2 ? { progress: ((i * 37) % 1000) / 1000 } : { read: i % 4 === 0 });
    await sim.scheduler.run({ until: sim.scheduler.now() + gapMs });
  }
  await sim.scheduler.run();
  engine.stop();
  return b.stats.writeOps - before;
}

/**
 * `writeSample` bounds the list used to count writes: the count does not depend on the list's
 * size (a `set` of many shards is one operation), and encoding a full list 100 times is slow.
 */
export async function capacity(
  entries: readonly SyncEntry[],
  opts: { limits?: AreaLimits; writeSample?: number } = {},
): Promise<CapacityReport> {
  const limits = opts.limits ?? SYNC_LIMITS;
  const records = recordsFor(entries);
  const plan = planDocument(records, limits.quotaBytes - DEFAULT_CONFIG.marginBytes, limits);
  const fit = plan.records.filter(isLive).length;
  const bytes = documentBytes(plan.encoded.length, limits);
  const sample = plan.records.filter(isLive).slice(0, opts.writeSample ?? 200);
  const start = entries.reduce((m, e) => Math.max(m, e.savedAt), 0) + 50 * HOUR;
  return {
    entries: entries.length,
    fit,
    documentBytes: bytes,
    bytesPerEntry: fit ? Math.round((bytes / fit) * 10) / 10 : 0,
    writesPer100Changes: sample.length ? await writesFor(sample, SPACED_MS, limits, start) : 0,
    writesPer100BurstChanges: sample.length ? await writesFor(sample, BURST_MS, limits, start) : 0,
  };
}
