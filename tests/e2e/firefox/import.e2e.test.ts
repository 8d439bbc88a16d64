/**
 * Importing a Pocket export in Firefox: the shared scenario (../scenarios/import.ts) on the
 * built Firefox extension, with fewer links than Chromium's run. The site access is an optional
 * permission of Firefox's Manifest V2, granted by the profile without the doorhanger (BiDi cannot
 * reach Firefox's own prompts); the links are fetched and parsed in the background page itself
 * (no offscreen document). No restart mid-queue: the temporary add-on goes with its browser.
 */
import { firefoxDriver } from '../scenarios/firefox';
import type { Driver } from '../scenarios/driver';
import {
  importScenarios,
  importWorld,
  type ImportOptions,
  type ImportWorld,
} from '../scenarios/import';

const OPTIONS: ImportOptions = { articles: 15, slowMs: 3000, restartAfter: 0 };

let w: ImportWorld;
let d: Driver;
beforeAll(async () => {
  w = await importWorld(OPTIONS);
  d = await firefoxDriver({ server: w.main, fetchLoopback: true });
});
afterAll(async () => {
  await d?.close();
  await w?.close();
});

describe('importing a Pocket export in Firefox', () =>
  importScenarios(
    () => d,
    () => w,
    OPTIONS,
  ));
