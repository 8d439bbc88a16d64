/**
 * Sync between two Chromium profiles: the shared scenario (./scenarios/sync.ts). B shows a window
 * (under Xvfb when there is no display): it asks for access to the article's site in the
 * browser's own prompt, which the driver answers with the keyboard (refused once, then allowed).
 */
import { join } from 'node:path';
import { ROOT, SHARED_DIR } from './fixtures';
import { chromiumDriver } from './scenarios/chromium';
import { syncScenarios, type SyncPair } from './scenarios/sync';
import { startServer, type PageServer } from './server';

let server: PageServer;
let pair: SyncPair;

beforeAll(async () => {
  server = await startServer([
    { prefix: '/pages/', dir: join(ROOT, 'tests/pages') },
    { prefix: '/shared/', dir: SHARED_DIR },
  ]);
  const a = await chromiumDriver({ server });
  const b = await chromiumDriver({ server, headless: false });
  pair = {
    a,
    b,
    pageA: await a.extensionTab('options.html'),
    pageB: await b.extensionTab('options.html'),
  };
});

afterAll(async () => {
  await pair?.a.close();
  await pair?.b.close();
  await server?.close();
});

describe('sync between two browsers', () => syncScenarios(() => pair));
