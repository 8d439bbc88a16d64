/**
 * The reader's path in Chromium: the shared scenario (./scenarios/reading.ts) on the built
 * extension, in Arabic. Chromium's README screenshots of the reader come from
 * ./reader-screens.e2e.test.ts.
 */
import { chromiumDriver } from './scenarios/chromium';
import { driven } from './scenarios/driver';
import { readingScenarios } from './scenarios/reading';

describe('the reader, the list and backups in Chromium', () =>
  readingScenarios(driven(() => chromiumDriver())));
