/**
 * Three simulated browsers share one simulated storage.sync (real quotas and write-rate limits,
 * fake clock). Random saves, edits and deletes run on random browsers while deliveries are
 * delayed, duplicated and reordered and browsers are partitioned off; some runs use a short
 * tombstone lifetime so pruning happens mid-run. After healing and quiescence, every browser must
 * hold exactly the list that merging every write ever made gives: the same on all three, no
 * deleted entry back, and no write lost unless a later write to the same field replaced it.
 */
import fc from 'fast-check';
import { createSyncEngine, type SyncEngine } from '@/lib/sync/engine';
import { readArea } from '@/lib/sync/encode';
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
import { SimSync } from '../support/sync-sim';

const START = Date.UTC(2025, 0, 1);
const URLS = [0, 1, 2, 3, 4].map((i) => `https://example.com/news/${i}`);
const TITLES = ['عاجل: اجتماع القمة', 'تقرير عن الاقتصاد', 'مباراة الليلة', 'حوار مع الوزير'];
const NODES = ['nodea', 'nodeb', 'nodec'];
/** A run that has not gone quiet after this many events is writing in a loop. */
const MAX_EVENTS = 20_000;

type Step =
  | { kind: 'save'; b: number; u: number; t: number }
  | { kind: 'edit'; b: number; u: number; patch: Partial<EntryFields> }
  | { kind: 'remove'; b: number; u: number }
  | { kind: 'partition'; b: number; cut: boolean };

const browserIx = fc.integer({ min: 0, max: 2 });
const urlIx = fc.integer({ min: 0, max: URLS.length - 1 });
const patch: fc.Arbitrary<Partial<EntryFields>> = fc.oneof(
  fc.record({ read: fc.boolean() }),
  fc.record({ archived: fc.boolean() }),
  fc.record({ favourite: fc.boolean() }),
  fc.record({ progress: fc.integer({ min: 0, max: 1000 }).map((p) => p / 1000) }),
  fc.record({ title: fc.constantFrom(...TITLES) }),
  fc.record({ tags: fc.constantFrom<string[]>([], ['سياسة'], ['اقتصاد', 'لاحقًا']) }),
  fc.record({ read: fc.boolean(), progress: fc.constantFrom(0, 0.5, 1) }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('save' as const),
      b: browserIx,
      u: urlIx,
      t: fc.nat(3),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), b: browserIx, u: urlIx, patch }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('remove' as const), b: browserIx, u: urlIx }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('partition' as const),
      b: browserIx,
      cut: fc.boolean(),
    }),
  },
);

/** Virtual ms to run after a step: often too short for a sync, sometimes past a tombstone's life. */
const pause = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 500 }) },
  { weight: 3, arbitrary: fc.integer({ min: 500, max: 6000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 20_000, max: 40_000 }) },
);

const scenario = fc.record({
  seed: fc.integer(),
  delay: fc.constantFrom<[number, number]>([1, 30], [10, 400], [50, 4000]),
  duplicate: fc.constantFrom(0, 0.3),
  skew: fc.tuple(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -3000, max: 3000 })),
  shortTombstones: fc.boolean(),
  steps: fc.array(fc.tuple(step, pause), { minLength: 4, maxLength: 24, size: 'max' }),
});

interface Browser {
  local: MemoryAdapter;
  engine: SyncEngine;
}

const entriesOf = (records: Iterable<SyncRecord>) =>
  [...records]
    .filter(isLive)
    .map(entryOf)
    .sort((a, b) => (a.url < b.url ? -1 : 1));

test('three browsers converge on the merge of every write', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async (sc) => {
      const sim = new SimSync({
        seed: sc.seed,
        start: START,
        delay: sc.delay,
        duplicate: sc.duplicate,
      });
      const written: SyncRecord[] = [];
      const config = sc.shortTombstones
        ? { syncTombstoneTtlMs: 20_000, tombstoneSlackMs: 5_000 }
        : {};
      const browsers: Browser[] = NODES.map((node, i) => {
        const b = sim.browser(node, { skewMs: i === 0 ? 0 : sc.skew[i - 1] });
        const clock = createClock(node, () => b.timers.now());
        const local = createMemoryAdapter(clock, (r) => written.push(r));
        const engine = createSyncEngine({
          area: b.area,
          local,
          clock,
          nodeId: node,
          timers: b.timers,
          config,
        });
        engine.start();
        return { local, engine };
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
        else sim.partition(NODES[s.b]!, s.cut);
        await sim.scheduler.run({ until: sim.scheduler.now() + wait });
      }
      sim.heal();
      await sim.scheduler.run({ maxEvents: MAX_EVENTS });

      const oracle = toMap(written);
      const expected = entriesOf(oracle.values());
      for (const { local } of browsers) {
        expect(local.entries()).toEqual(expected);
        for (const r of local.records().filter(isLive))
          expect(sameRecord(r, oracle.get(r.id)!)).toBe(true);
      }
      const area = readArea(sim.serverItems());
      expect(area.status).toBe(written.length ? 'ok' : 'empty');
      expect(entriesOf(area.records)).toEqual(expected);

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
    }),
    { numRuns: 500 },
  );
}, 120_000);
