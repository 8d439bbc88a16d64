/**
 * The background's part of reading-list sync: the engine (`lib/sync/engine.ts`) wired to the
 * real `browser.storage.sync`, `storage.onChanged`, an alarm, the saved on/off setting and the
 * `sync:*` messages. Listeners are registered synchronously, as an MV3 service worker must for
 * events that wake it; the node id and setting are read from `storage.local` afterwards.
 */
import browser from 'webextension-polyfill';
import type { StorageChange, SyncArea, Timers } from '../sync/area';
import {
  createSyncEngine,
  type EngineConfig,
  type SyncEngine,
  type SyncState,
} from '../sync/engine';
import { createClock, isNodeId, newNodeId } from '../sync/hlc';
import type { LocalAdapter } from '../sync/local';
import type { Handlers } from '../messaging';

export const SYNC_ALARM = 'qari-sync';
const ALARM_PERIOD_MINUTES = 15;
export const NODE_ID_KEY = 'sync.nodeId';
export const ENABLED_KEY = 'sync.enabled';
const UNAVAILABLE = 'storage.sync is unavailable';

export interface SyncServiceDeps {
  /**
   * This browser's reading list (the Dexie adapter in the extension), or a function making it
   * once this browser's node id is known (the adapter stamps local edits with it).
   */
  local: LocalAdapter | ((ctx: { nodeId: string }) => LocalAdapter);
  /** Defaults to `browser.storage.sync`. */
  area?: SyncArea;
  timers?: Timers;
  config?: Partial<EngineConfig>;
  onState?: (state: SyncState) => void;
}

export interface SyncService {
  /** The sync messages' handlers, for the background's router. */
  handlers: ReturnType<typeof syncHandlers>;
  /** Resolves once the engine exists (node id and setting loaded). */
  ready: Promise<SyncEngine>;
  state(): Promise<SyncState>;
  stop(): Promise<void>;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** `browser.storage.sync` as a SyncArea; every call rejects when the API is missing. */
export function browserSyncArea(): SyncArea {
  const sync = browser.storage?.sync;
  const missing = (): Promise<never> => Promise.reject(new Error(UNAVAILABLE));
  return {
    getAll: () => (sync ? sync.get(null) : missing()),
    set: (items) => (sync ? sync.set(items) : missing()),
    remove: (keys) => (sync ? sync.remove(keys) : missing()),
    onChanged(listener) {
      const l = (changes: Record<string, StorageChange>, areaName: string): void => {
        if (areaName === 'sync') listener(changes);
      };
      browser.storage.onChanged.addListener(l);
      return () => browser.storage.onChanged.removeListener(l);
    },
  };
}

function randomUnit(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
}

async function loadSettings(): Promise<{ nodeId: string; enabled: boolean }> {
  const got = await browser.storage.local.get([NODE_ID_KEY, ENABLED_KEY]);
  let nodeId = got[NODE_ID_KEY];
  if (!isNodeId(nodeId)) {
    nodeId = newNodeId(randomUnit);
    await browser.storage.local.set({ [NODE_ID_KEY]: nodeId });
  }
  return { nodeId: nodeId as string, enabled: got[ENABLED_KEY] !== false };
}

/** Answers to the `sync:*` messages. */
export function syncHandlers(ready: Promise<SyncEngine>) {
  return {
    'sync:state': async () => (await ready).state(),
    'sync:setEnabled': async ({ enabled }: { enabled: boolean }) => {
      const engine = await ready;
      await browser.storage.local.set({ [ENABLED_KEY]: enabled });
      await engine.setEnabled(enabled);
      return engine.state();
    },
    'sync:now': async () => {
      const engine = await ready;
      await engine.syncNow();
      return engine.state();
    },
  } satisfies Handlers;
}

export function registerSyncService(deps: SyncServiceDeps): SyncService {
  const area = deps.area ?? browserSyncArea();
  const timers = deps.timers ?? realTimers;
  const ready = loadSettings().then(({ nodeId, enabled }) => {
    const engine = createSyncEngine({
      area,
      local: typeof deps.local === 'function' ? deps.local({ nodeId }) : deps.local,
      clock: createClock(nodeId, timers.now),
      nodeId,
      timers,
      enabled,
      config: deps.config,
      onState: deps.onState,
    });
    engine.start();
    return engine;
  });

  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void ready.then((e) => e.tick());
  });

  return {
    handlers: syncHandlers(ready),
    ready,
    state: async () => (await ready).state(),
    stop: async () => (await ready).stop(),
  };
}
