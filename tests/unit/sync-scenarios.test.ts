/**
 * Counterexamples fast-check found in the three-browser property test
 * (`sync-convergence.test.ts`), shrunk and kept as examples, each named for what it protects.
 * Each run asserts what every property run does: convergence and quiet (`runScenario`).
 * `test.fails` marks a counterexample that is still open (issue 22): it must keep failing until
 * the engine is fixed, and then turns into a plain test.
 */
import { DAY, runScenario, type Scenario } from '../support/sync-sim-scenario';

const calm: Pick<Scenario, 'seed' | 'delay' | 'duplicate' | 'stall'> = {
  seed: 0,
  delay: [1, 30],
  duplicate: 0,
  stall: 0,
};

// Open again: the engine change that settled this run (an area holding our whole cut plus more is
// left as it is) made two real Chromium profiles take turns after a storm of status changes over the
// quota (tests/e2e/sync-relay.e2e.test.ts), so it was taken back; the random runs do not find this.
test.fails(
  'over the quota, three browsers agree on the cut when one browser edits carried and uncarried entries',
  async () => {
    const sc: Scenario = {
      ...calm,
      delay: [1, 30],
      skew: [0, 0, 0],
      shortTombstones: false,
      tight: true,
      steps: [
        [{ kind: 'edit', b: 1, u: 1, patch: { favourite: true } }, 500],
        [{ kind: 'save', b: 0, u: 2, t: 0 }, 20000],
        [{ kind: 'edit', b: 0, u: 0, patch: { archived: false } }, 1181],
        [{ kind: 'save', b: 0, u: 1, t: 1 }, 0],
        [{ kind: 'edit', b: 0, u: 0, patch: { tags: [] } }, 0],
        [{ kind: 'edit', b: 0, u: 0, patch: { tags: [] } }, 20000],
        [{ kind: 'edit', b: 0, u: 1, patch: { read: true } }, 0],
        [{ kind: 'edit', b: 0, u: 0, patch: { archived: false } }, 0],
      ],
    };
    await runScenario(sc);
  },
);

// Open: with an entry archived on one browser and a tombstone first in the cut, the stale-copy
// rule writes the newest values and the next writer's cut drops them before the browser with the
// stale copy has read them; three writers take turns (18 writes) before timing lets it settle.
test.fails(
  'over the quota, a status change reaches a browser with a stale copy before the cut drops it again',
  async () => {
    const sc: Scenario = {
      ...calm,
      skew: [0, 0, 0],
      shortTombstones: false,
      tight: true,
      steps: [
        [{ kind: 'save', b: 0, u: 2, t: 0 }, 0],
        [{ kind: 'edit', b: 0, u: 2, patch: { read: false, progress: 0 } }, 20000],
        [{ kind: 'remove', b: 0, u: 2 }, 49],
        [{ kind: 'edit', b: 1, u: 0, patch: { archived: true } }, 2073],
        [{ kind: 'remove', b: 2, u: 2 }, 0],
        [{ kind: 'edit', b: 0, u: 2, patch: { archived: false } }, 500],
        [{ kind: 'edit', b: 0, u: 2, patch: { archived: false } }, 0],
        [{ kind: 'edit', b: 0, u: 2, patch: { tags: [] } }, 500],
      ],
    };
    await runScenario(sc);
  },
);

// Open: a browser deletes an entry while cut off, its clock is then set 400 days ahead, and after
// the heal the entry is back on every browser (the brief's "a delete comes back once a clock is
// put right", found again with DAY_SKEWS=1).
test.fails(
  'a delete made while cut off survives the clock being set 400 days ahead before the heal',
  async () => {
    const sc: Scenario = {
      seed: -1890896008,
      delay: [10, 400],
      duplicate: 0.3,
      stall: 0,
      skew: [-400 * DAY, 3000, -3000],
      shortTombstones: false,
      tight: false,
      steps: [
        [{ kind: 'edit', b: 1, u: 0, patch: { archived: true } }, 356],
        [{ kind: 'partition', b: 2, cut: true }, 3208],
        [{ kind: 'edit', b: 2, u: 4, patch: { read: true } }, 133],
        [{ kind: 'partition', b: 1, cut: false }, 456],
        [{ kind: 'remove', b: 2, u: 0 }, 31651],
        [{ kind: 'clock', b: 2, skew: 400 * DAY }, 2573],
        [{ kind: 'partition', b: 2, cut: false }, 29072],
        [{ kind: 'edit', b: 2, u: 4, patch: { title: 'مباراة الليلة' } }, 276],
        [{ kind: 'edit', b: 2, u: 4, patch: { title: 'مباراة الليلة' } }, 37363],
        [{ kind: 'edit', b: 1, u: 2, patch: { archived: true } }, 282],
        [{ kind: 'partition', b: 1, cut: false }, 5357],
        [{ kind: 'edit', b: 0, u: 3, patch: { tags: [] } }, 3783],
        [{ kind: 'remove', b: 0, u: 2 }, 278],
        [{ kind: 'edit', b: 1, u: 1, patch: { archived: false } }, 395],
      ],
    };
    await runScenario(sc);
  },
);
