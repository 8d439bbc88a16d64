/**
 * Three simulated browsers share one simulated storage.sync (real quotas and write-rate limits,
 * fake clock). Random saves, edits and deletes run on random browsers while deliveries are
 * delayed, duplicated, reordered and stalled (partial delivery) and browsers are partitioned off;
 * clocks are skewed up to 400 days either way (DAY_SKEWS=0: within a minute) and set right or
 * wrong mid-run; some runs use a short tombstone lifetime so pruning happens mid-run; half keep
 * the list over the quota (TIGHT=1: some with a quota far too small for it). The run itself is `runScenario`
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

// `npm test` runs one fixed set of scenarios, on CI and on a newcomer's machine alike (whether a
// change lands must not depend on a roll of the dice, nor on CI setting an environment variable).
// RANDOM=1 draws a seed of its own and prints it with a counterexample, which is then kept by
// name in sync-scenarios.test.ts. SEED=n (and FCPATH) replays one.
const FIXED_SEED = 20261207;
const browserIx = fc.integer({ min: 0, max: 2 });
// Clocks up to 400 days off either way, set right or wrong mid-run (what a machine with a wrong
// date or time zone does). DAY_SKEWS=0 keeps them within a minute, to tell a clock-made
// counterexample from another.
const skewMs =
  process.env.DAY_SKEWS === '0'
    ? fc.constantFrom(0, 0, -3000, 3000, 60_000, -60_000)
    : fc.constantFrom(
        0,
        0,
        -3000,
        3000,
        60_000,
        -60_000,
        90 * DAY,
        -90 * DAY,
        400 * DAY,
        -400 * DAY,
      );
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
  // Half the runs use a quota the list can outgrow (about a quarter of them do), which still holds
  // every tombstone and the newest copy of what the area carries stale; TIGHT=1 adds runs with a
  // quota far too small for that (an open case: sync-scenarios.test.ts keeps one).
  tight: fc.boolean(),
  snug: process.env.TIGHT ? fc.boolean() : fc.constant(true),
  steps: fc.array(fc.tuple(step, pause), { minLength: 4, maxLength: 24, size: 'max' }),
});

test('three browsers converge on the merge of every write', async () => {
  await fc.assert(
    fc.asyncProperty(scenario, (sc) => runScenario(sc)),
    {
      numRuns: Number(process.env.RUNS ?? 500),
      // NOSHRINK=1: report the first counterexample as found (shrinking a loop takes minutes).
      endOnFailure: Boolean(process.env.NOSHRINK),
      ...(process.env.SEED
        ? { seed: Number(process.env.SEED), path: process.env.FCPATH }
        : process.env.RANDOM
          ? {}
          : { seed: FIXED_SEED }),
    },
  );
}, 900_000);
