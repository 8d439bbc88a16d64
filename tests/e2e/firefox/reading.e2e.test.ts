/**
 * The reader's path in Firefox: the shared scenario (../scenarios/reading.ts) on the built Firefox
 * extension (.output/firefox-mv2) in an Arabic Firefox. Makes the README's Firefox reader
 * screenshot (the popup's: ./window.e2e.test.ts).
 */
import { driven } from '../scenarios/driver';
import { firefoxDriver } from '../scenarios/firefox';
import { readingScenarios } from '../scenarios/reading';

describe('the reader, the list and backups in Firefox', () =>
  readingScenarios(
    driven(() => firefoxDriver({ locale: 'ar' })),
    { readerShot: 'firefox-reader.png' },
  ));
