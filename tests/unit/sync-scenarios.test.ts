/**
 * Counterexamples fast-check found in the three-browser property test
 * (`sync-convergence.test.ts`), shrunk and kept as examples, each named for what it protects.
 * Each run asserts what every property run does: convergence and quiet (`runScenario`).
 */
import { runScenario, type Scenario } from '../support/sync-sim-scenario';

const calm = { seed: 0, delay: [1, 30], duplicate: 0, stall: 0 } as const;

test('over the quota, three browsers agree on the cut when one browser edits carried and uncarried entries', async () => {
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
});
