/** Hostile pages against the reader in Chromium: the scenarios shared with Firefox (./scenarios/hostile.ts). */
import type { Driver } from './scenarios/driver';
import { chromiumDriver } from './scenarios/chromium';
import { hostileScenarios } from './scenarios/hostile';

let d: Driver;
beforeAll(async () => {
  // A window on a display: headless Chromium does not compute what covers the button.
  d = await chromiumDriver({ headless: false });
});
afterAll(async () => {
  await d?.close();
});

describe('a page that goes after the reader, in Chromium', () => hostileScenarios(() => d));
