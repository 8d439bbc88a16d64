/**
 * Three simulated browsers share one simulated storage.sync (real quotas and write-rate limits,
 * fake clock). Random saves, edits and deletes run on random browsers while deliveries are
 * delayed, duplicated, reordered and stalled (partial delivery) and browsers are partitioned off;
 * clocks are skewed within a minute either way (DAY_SKEWS=1: up to 400 days) and set right or
 * wrong mid-run; some runs use a short tombstone lifetime so pruning happens mid-run (TIGHT=1:
 * some a quota too small for the list). The run itself is `runScenario`
 * (tests/support/sync-sim-scenario.ts). NOSHRINK=1 reports a counterexample unshrunk.
 * After healing and quiescence, every browser must hold exactly the list that merging every write
 * ever made gives (over the quota: every entry the area carries, with its newest values, on all
 * three), and every replica of the area the same bytes: no deleted entry back, no write lost
 * unless a later write to the same field replaced it. The writes after the heal are bounded,
 * and then the browsers must be quiet: five more minutes of live relay, alarms ticking, and not
 * one write.
 */
import fc from 'fast-check';
import {
  DAY,
  runScenario,
  URLS,
  TITLES,
  type Scenario,
  type Step,
} from '../support/sync-sim-scenario';
import type { EntryFields } from '@/lib/sync/record';

const browserIx = fc.integer({ min: 0, max: 2 });
// Clocks within a minute by default. Clocks days off (±90, ±400 days, set right or wrong
// mid-run) still find counterexamples (kept as failing examples in sync-scenarios.test.ts; issue
// 22 stays open on them), so DAY_SKEWS=1 puts them in.
const skewMs = process.env.DAY_SKEWS
  ? fc.constantFrom(0, 0, -3000, 3000, 90 * DAY, -90 * DAY, 400 * DAY, -400 * DAY)
  : fc.constantFrom(0, 0, -3000, 3000, 60_000, -60_000);
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
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('clock' as const), b: browserIx, skew: skewMs }),
  },
);

/** Virtual ms to run after a step: often too short for a sync, sometimes past a tombstone's life. */
const pause = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 500 }) },
  { weight: 3, arbitrary: fc.integer({ min: 500, max: 6000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 20_000, max: 40_000 }) },
);

const scenario: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.integer(),
  delay: fc.constantFrom<[number, number]>([1, 30], [10, 400], [50, 4000]),
  duplicate: fc.constantFrom(0, 0.3),
  skew: fc.tuple(skewMs, skewMs, skewMs),
  stall: fc.constantFrom(0, 0.05),
  shortTombstones: fc.boolean(),
  // Over-quota runs (three writers over a 400-byte budget) still find areas that take turns
  // before they settle (sync-scenarios.test.ts keeps them); TIGHT=1 puts them in.
  tight: process.env.TIGHT ? fc.boolean() : fc.constant(false),
  steps: fc.array(fc.tuple(step, pause), { minLength: 4, maxLength: 24, size: 'max' }),
});

test('three browsers converge on the merge of every write', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, (sc) => runScenario(sc)),
    {
      numRuns: Number(process.env.RUNS ?? 500),
      // NOSHRINK=1: report the first counterexample as found (shrinking a loop takes minutes).
      endOnFailure: Boolean(process.env.NOSHRINK),
      ...(process.env.SEED ? { seed: Number(process.env.SEED), path: process.env.FCPATH } : {}),
    },
  );
}, 900_000);
