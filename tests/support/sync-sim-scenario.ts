/**
 * One run of the three-browser property test (`tests/unit/sync-convergence.test.ts`), also used
 * by the example-based tests that replay the counterexamples fast-check found
 * (`tests/unit/sync-scenarios.test.ts`). Three simulated browsers share one simulated
 * storage.sync; steps save, edit and delete on random browsers, cut them off, and set their clocks
 * wrong or right, with pauses between. After healing, the run must converge (every browser holds
 * the merge of every write, or over the quota every carried entry with its newest values; every
 * replica of the area holds the same bytes) and go quiet (a bounded number of writes after the
 * last change, then five minutes of live relay, alarms ticking, and not one write).
 */
import { expect } from 'vitest';
import { createSyncEngine, type SyncEngine } from '@/lib/sync/engine';
import { MANIFEST_KEY, readArea, type AreaLimits } from '@/lib/sync/encode';
import { compareHlc, createClock } from '@/lib/sync/hlc';
import { createMemoryAdapter, type MemoryAdapter } from '@/lib/sync/local';
import { toMap } from '@/lib/sync/merge';
import {
  entryOf,
  FIELD_NAMES,
  isLive,
  sameRecord,
  type EntryFields,
  type LiveRecord,
  type SyncRecord,
} from '@/lib/sync/record';
import { SimSync, type SimBrowser } from './sync-sim';

export const START = Date.UTC(2025, 0, 1);
export const URLS = [0, 1, 2, 3, 4].map((i) => `https://example.com/news/${i}`);
export const TITLES = [
  'عاجل: اجتماع القمة',
  'تقرير عن الاقتصاد',
  'مباراة الليلة',
  'حوار مع الوزير',
];
export const NODES = ['nodea', 'nodeb', 'nodec'];
export const DAY = 86_400_000;
/**
 * A budget for about three of the five entries (quota less the engine's margin), in an area that
 * still holds two generations, as the real one does for the cut of a long list.
 */
export const TIGHT: AreaLimits = { quotaBytes: 1_400, perItemBytes: 300, maxItems: 512 };
export const TIGHT_MARGIN = 1_000;
/**
 * A budget 93 bytes larger: still too small for the list in about a quarter of the runs that use it,
 * but large enough for every tombstone and the newest copy of what the area carries stale. (75 bytes
 * larger until each manifest named the document it replaced: that field, `p`, takes 18 bytes of the
 * budget, and here the records keep the room they had. The far too small budget above is left as it
 * was: its runs fail either way, an open case.)
 */
export const SNUG_MARGIN = 907;
export const QUIET_MS = 5 * 60_000;
/** Rounds of 30 s a run may take to settle after its last change (a short tombstone's life is 20 s). */
export const SETTLE_ROUNDS = 6;
/** A run that has not gone quiet after this many events is writing in a loop. */
export const MAX_EVENTS = 20_000;
/**
 * Writes all three browsers may make between the heal and the quiet window: four each (what it
 * holds and the others lack; a retry after a quota error or a stalled, torn read).
 */
export const MAX_WRITES_AFTER_HEAL = 12;

export type Step =
  | { kind: 'save'; b: number; u: number; t: number }
  | { kind: 'edit'; b: number; u: number; patch: Partial<EntryFields> }
  | { kind: 'remove'; b: number; u: number }
  | { kind: 'partition'; b: number; cut: boolean }
  | { kind: 'clock'; b: number; skew: number };

export interface Scenario {
  seed: number;
  delay: [number, number];
  duplicate: number;
  skew: [number, number, number];
  stall: number;
  shortTombstones: boolean;
  /** A list over the quota: far too small for it, or `snug` (over it, but tombstones fit). */
  tight: boolean;
  snug?: boolean;
  /** Over the quota: the engine's margin, for a named case kept at the budget it was found with. */
  marginBytes?: number;
  steps: [Step, number][];
}

interface Browser {
  local: MemoryAdapter;
  engine: SyncEngine;
  /** Manifests written: one per write of the list. */
  writes: { n: number };
  sim: SimBrowser;
}

/** The same write: a re-published tombstone (`kept`) is still the delete that was written. */
const sameWrite = (a: SyncRecord, b: SyncRecord): boolean =>
  isLive(a) || isLive(b) ? sameRecord(a, b) : compareHlc(a.del, b.del) === 0;

const entriesOf = (records: Iterable<SyncRecord>) =>
  [...records]
    .filter(isLive)
    .map(entryOf)
    .sort((a, b) => (a.url < b.url ? -1 : 1));

export async function runScenario(sc: Scenario): Promise<void> {
  const sim = new SimSync({
    seed: sc.seed,
    start: START,
    delay: sc.delay,
    duplicate: sc.duplicate,
    stall: sc.stall,
  });
  const written: SyncRecord[] = [];
  // A 20-second tombstone can end before a partition heals; over the quota nothing else
  // (a live copy in the area) brings it back, which the real 60 days make moot.
  const config =
    sc.shortTombstones && !sc.tight ? { syncTombstoneTtlMs: 20_000, tombstoneSlackMs: 5_000 } : {};
  if (sc.tight)
    Object.assign(config, {
      marginBytes: sc.marginBytes ?? (sc.snug ? SNUG_MARGIN : TIGHT_MARGIN),
    });
  const browsers: Browser[] = NODES.map((node, i) => {
    const b = sim.browser(node, { skewMs: sc.skew[i] });
    const clock = createClock(node, () => b.timers.now());
    const local = createMemoryAdapter(clock, (r) => written.push(r));
    const writes = { n: 0 };
    const engine = createSyncEngine({
      area: {
        ...b.area,
        set: (items) => {
          if (MANIFEST_KEY in items) writes.n += 1;
          return b.area.set(items);
        },
      },
      local,
      clock,
      nodeId: node,
      timers: b.timers,
      config,
      limits: sc.tight ? TIGHT : undefined,
    });
    engine.start();
    return { local, engine, writes, sim: b };
  });

  // Start from a shared list, so that early edits and deletes have something to change.
  browsers[0]!.local.save(URLS[0]!, { title: TITLES[0]!, site: 'مثال' });
  browsers[1]!.local.save(URLS[1]!, { title: TITLES[1]!, site: 'مثال' });
  await sim.scheduler.run({ until: START + 3_000 });
  for (const [s, wait] of sc.steps) {
    const { local } = browsers[s.b]!;
    if (s.kind === 'save') local.save(URLS[s.u]!, { title: TITLES[s.t]!, site: 'مثال' });
    else if (s.kind === 'edit') local.edit(URLS[s.u]!, s.patch);
    else if (s.kind === 'remove') local.remove(URLS[s.u]!);
    else if (s.kind === 'partition') sim.partition(NODES[s.b]!, s.cut);
    else browsers[s.b]!.sim.setSkew(s.skew);
    await sim.scheduler.run({ until: sim.scheduler.now() + wait });
  }
  sim.heal();
  const healed = browsers.map((b) => b.writes.n);
  await sim.scheduler.run({ maxEvents: MAX_EVENTS });
  // Settle first, past a short tombstone's life: what a clock set ahead or a life's end
  // changes (a tombstone pruned on one browser, then on another that received it later, and
  // written back by a browser that keeps it) is a change, not a loop. A round is 30 s, then an
  // alarm each, run until idle; rounds go on while a round writes, at most SETTLE_ROUNDS (a
  // run still writing after them is in a loop, and the quiet window below says so).
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    const before = browsers.map((b) => b.writes.n).join();
    if (sc.shortTombstones)
      await sim.scheduler.run({ until: sim.scheduler.now() + 30_000, maxEvents: MAX_EVENTS });
    for (const b of browsers) b.engine.tick();
    await sim.scheduler.run({ maxEvents: MAX_EVENTS });
    if (!sc.shortTombstones || browsers.map((b) => b.writes.n).join() === before) break;
  }

  // Quiet: five minutes of live relay, each browser's alarm firing once, and nobody writes.
  const settled = browsers.map((b) => b.writes.n);
  for (const b of browsers) b.engine.tick();
  await sim.scheduler.run({ until: sim.scheduler.now() + QUIET_MS, maxEvents: MAX_EVENTS });
  expect(browsers.map((b) => b.writes.n)).toEqual(settled);
  // Bounded: after the last change, each browser writes what it holds and the others lack, and
  // nothing more. Runs with 20-second tombstones are bounded by their settle rounds instead: each
  // browser prunes as the life ends there, and a pruned one comes back from a browser cut off.
  const after = settled.reduce((n, w, i) => n + w - healed[i]!, 0);
  if (!sc.shortTombstones) expect(after).toBeLessThanOrEqual(MAX_WRITES_AFTER_HEAL);
  // Converged bytes: every replica of the area is the server's.
  const server = sim.serverItems();
  for (const b of browsers) expect(b.sim.items()).toEqual(server);

  const oracle = toMap(written);
  const expected = entriesOf(oracle.values());
  const area = readArea(sim.serverItems());
  expect(area.status).toBe(written.length ? 'ok' : 'empty');
  if (sc.tight) {
    // Over the quota: what the area carries is the newest state, and every browser has it.
    for (const r of area.records) {
      expect(sameWrite(r, oracle.get(r.id)!)).toBe(true);
      for (const { local } of browsers) {
        const mine = local.records().find((m) => m.id === r.id);
        expect(mine && sameRecord(mine, r)).toBe(true);
      }
    }
  } else {
    for (const { local } of browsers) {
      expect(local.entries()).toEqual(expected);
      for (const r of local.records().filter(isLive))
        expect(sameRecord(r, oracle.get(r.id)!)).toBe(true);
    }
    expect(entriesOf(area.records)).toEqual(expected);
  }

  // Spelled out: a deleted entry stays deleted, and a write survives unless a later write
  // to the same field of the same life (or the end of that life) replaced it.
  for (const w of written) {
    const final = oracle.get(w.id)!;
    for (const { local } of browsers) {
      const mine = local.records().find((r) => r.id === w.id);
      if (!isLive(final)) expect(mine && isLive(mine)).toBeFalsy();
    }
    if (!isLive(w) || !isLive(final) || compareHlc(final.born, w.born) !== 0) continue;
    for (const name of FIELD_NAMES) {
      const f = (final as LiveRecord).f[name];
      if (compareHlc(f.h, w.f[name].h) === 0) expect(f.v).toEqual(w.f[name].v);
      else expect(compareHlc(f.h, w.f[name].h)).toBeGreaterThan(0);
    }
  }
}
