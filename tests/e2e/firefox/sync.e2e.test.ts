/**
 * Sync between two Firefox profiles: the shared scenario (../scenarios/sync.ts). Firefox keeps
 * `storage.sync` in its own local store when no account is signed in, with the same quotas as
 * Chrome's; its background is a page, which parses the fetched article itself (no offscreen
 * document). The profiles grant an optional permission without the doorhanger (BiDi cannot reach
 * Firefox's own prompts), so the refusal is Chromium's alone.
 */
import { join } from 'node:path';
import { ROOT, SHARED_DIR } from '../fixtures';
import { firefoxDriver } from '../scenarios/firefox';
import { syncScenarios, type SyncPair } from '../scenarios/sync';
import { startServer, type PageServer } from '../server';

let server: PageServer;
let pair: SyncPair;

beforeAll(async () => {
  server = await startServer([
    { prefix: '/pages/', dir: join(ROOT, 'tests/pages') },
    { prefix: '/shared/', dir: SHARED_DIR },
  ]);
  const a = await firefoxDriver({ server });
  const b = await firefoxDriver({ server, fetchLoopback: true });
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

describe('sync between two Firefox profiles', () => syncScenarios(() => pair));
