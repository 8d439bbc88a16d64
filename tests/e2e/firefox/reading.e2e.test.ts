/**
 * The reader's path in Firefox: the shared scenario (../scenarios/reading.ts) on the built Firefox
 * extension (.output/firefox-mv2) in an Arabic Firefox. Makes the README's Firefox reader
 * screenshot (the popup's: ./window.e2e.test.ts).
 */
import { firefoxDriver } from '../scenarios/firefox';
import type { Driver } from '../scenarios/driver';
import { readingScenarios } from '../scenarios/reading';

let d: Driver;
beforeAll(async () => {
  d = await firefoxDriver({ locale: 'ar' });
});
afterAll(async () => {
  await d?.close();
});

describe('the reader, the list and backups in Firefox', () =>
  readingScenarios(() => d, { readerShot: 'firefox-reader.png' }));
