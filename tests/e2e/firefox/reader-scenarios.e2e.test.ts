/** The reader's controls in Firefox: the scenarios shared with Chromium (../scenarios/reader.ts). */
import { driven } from '../scenarios/driver';
import { firefoxDriver } from '../scenarios/firefox';
import { readerScenarios } from '../scenarios/reader';

describe('the reader’s controls in Firefox', () =>
  readerScenarios(driven(() => firefoxDriver({ locale: 'ar' }))));
