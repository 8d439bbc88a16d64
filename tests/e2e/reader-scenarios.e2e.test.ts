/** The reader's controls in Chromium: the scenarios shared with Firefox (./scenarios/reader.ts). */
import type { Driver } from './scenarios/driver';
import { chromiumDriver } from './scenarios/chromium';
import { readerScenarios } from './scenarios/reader';

let d: Driver;
beforeAll(async () => {
  d = await chromiumDriver();
});
afterAll(async () => {
  await d?.close();
});

describe('the reader’s controls in Chromium', () => readerScenarios(() => d));
