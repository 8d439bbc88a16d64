/**
 * Sync between two Firefox profiles: the shared scenario (../scenarios/sync.ts). Firefox keeps
 * `storage.sync` in its own local store when no account is signed in, with the same quotas as
 * Chrome's; its background is a page, which parses the fetched article itself (no offscreen
 * document). The profiles grant an optional permission without the doorhanger (BiDi cannot reach
 * Firefox's own prompts), so the refusal is Chromium's alone; only B may fetch from loopback.
 */
import { firefoxDriver } from '../scenarios/firefox';
import { syncScenarios } from '../scenarios/sync';

describe('sync between two Firefox profiles', () =>
  syncScenarios((server, which) => firefoxDriver({ server, fetchLoopback: which === 'b' })));
