import { fakeBrowser } from 'wxt/testing/fake-browser';
import browser from 'webextension-polyfill';
import {
  browserSyncArea,
  ENABLED_KEY,
  NODE_ID_KEY,
  registerSyncService,
  SYNC_ALARM,
  syncHandlers,
} from '@/lib/background/sync';
import { readArea } from '@/lib/sync/encode';
import { createClock } from '@/lib/sync/hlc';
import { createMemoryAdapter } from '@/lib/sync/local';
import { parseMessage } from '@/lib/messages';

beforeEach(() => fakeBrowser.reset());

test('the service wires the engine to storage.sync, an alarm and a saved node id', async () => {
  const local = createMemoryAdapter(createClock('page'));
  local.save('https://example.com/a', { title: 'مقال', site: 'موقع' });
  const service = registerSyncService({ local });
  const engine = await service.ready;
  const nodeId = (await fakeBrowser.storage.local.get(NODE_ID_KEY))[NODE_ID_KEY];
  expect(nodeId).toMatch(/^[0-9a-z]{10}$/);
  expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 15 });

  await engine.syncNow();
  const area = readArea(await fakeBrowser.storage.sync.get(null));
  expect(area.status).toBe('ok');
  expect(area.records.map((r) => r.url)).toEqual(['https://example.com/a']);
  expect(area.manifest?.w).toBe(nodeId);

  const handlers = syncHandlers(service.ready);
  expect(await handlers['sync:state']()).toMatchObject({ enabled: true, lastError: null });
  expect(await handlers['sync:setEnabled']({ enabled: false })).toMatchObject({ enabled: false });
  expect((await fakeBrowser.storage.local.get(ENABLED_KEY))[ENABLED_KEY]).toBe(false);
  await service.stop();
});

test('the saved setting keeps sync off after a restart', async () => {
  await fakeBrowser.storage.local.set({ [ENABLED_KEY]: false, [NODE_ID_KEY]: 'abcdef1234' });
  const local = createMemoryAdapter(createClock('page'));
  local.save('https://example.com/a', { title: 'مقال', site: 'موقع' });
  const service = registerSyncService({ local });
  const engine = await service.ready;
  await engine.syncNow();
  expect(engine.state()).toMatchObject({ enabled: false });
  expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  await service.stop();
});

test('the area wrapper only reports changes of the sync area', async () => {
  const area = browserSyncArea();
  const seen: string[] = [];
  const off = area.onChanged((changes) => seen.push(...Object.keys(changes)));
  await browser.storage.local.set({ notSync: 1 });
  await area.set({ 'q:x': 1 });
  off();
  await area.set({ 'q:y': 1 });
  expect(seen).toEqual(['q:x']);
});

test('sync messages are validated strictly', () => {
  expect(parseMessage({ type: 'sync:state', payload: {} })).not.toBeNull();
  expect(parseMessage({ type: 'sync:now', payload: { x: 1 } })).toBeNull();
  expect(parseMessage({ type: 'sync:setEnabled', payload: { enabled: true } })).not.toBeNull();
  expect(parseMessage({ type: 'sync:setEnabled', payload: { enabled: 'yes' } })).toBeNull();
  expect(parseMessage({ type: 'sync:setEnabled', payload: { enabled: true, x: 1 } })).toBeNull();
});
