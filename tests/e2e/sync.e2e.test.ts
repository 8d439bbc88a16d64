/**
 * Sync between two Chromium profiles: the shared scenario (./scenarios/sync.ts). B shows a window
 * (under Xvfb when there is no display): it asks for access to the article's site in the
 * browser's own prompt, which the driver answers with the keyboard (refused once, then allowed).
 */
import { chromiumDriver } from './scenarios/chromium';
import { syncScenarios } from './scenarios/sync';

describe('sync between two browsers', () =>
  syncScenarios((server, which) => chromiumDriver({ server, headless: which === 'a' })));
