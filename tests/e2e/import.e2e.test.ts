/**
 * Importing a Pocket export in Chromium: the shared scenario (./scenarios/import.ts) on 50 links,
 * with a browser restart over the same profile mid-queue. A visible window (under Xvfb when there
 * is no display): the import asks for site access in the browser's own prompt, which the driver
 * answers with the keyboard.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumDriver } from './scenarios/chromium';
import type { Driver } from './scenarios/driver';
import {
  importScenarios,
  importWorld,
  type ImportOptions,
  type ImportWorld,
} from './scenarios/import';

const OPTIONS: ImportOptions = { articles: 45, slowMs: 4000, restartAfter: 10 };

let w: ImportWorld;
let d: Driver;
let profile: string;
beforeAll(async () => {
  w = await importWorld(OPTIONS);
  profile = mkdtempSync(join(tmpdir(), 'qari-import-e2e-'));
  d = await chromiumDriver({ server: w.main, userDataDir: profile, headless: false });
});
afterAll(async () => {
  await d?.close();
  await w?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('importing a Pocket export in Chromium', () =>
  importScenarios(
    () => d,
    () => w,
    OPTIONS,
  ));
