/** The reader's controls in Firefox: the scenarios shared with Chromium (../scenarios/reader.ts). */
import type { Driver } from '../scenarios/driver';
import { firefoxDriver } from '../scenarios/firefox';
import { readerScenarios } from '../scenarios/reader';

let d: Driver;
beforeAll(async () => {
  d = await firefoxDriver({ locale: 'ar' });
});
afterAll(async () => {
  await d?.close();
});

describe('the reader’s controls in Firefox', () => readerScenarios(() => d));
