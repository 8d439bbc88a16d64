/** The reader's controls in Chromium: the scenarios shared with Firefox (./scenarios/reader.ts). */
import { chromiumDriver } from './scenarios/chromium';
import { driven } from './scenarios/driver';
import { readerScenarios } from './scenarios/reader';

describe('the reader’s controls in Chromium', () =>
  readerScenarios(driven(() => chromiumDriver())));
