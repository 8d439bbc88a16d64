/** Simulated browsers with a sync engine each, for the sync tests. */
import type { SyncArea } from '@/lib/sync/area';
import {
  createSyncEngine,
  type EngineConfig,
  type SyncEngine,
  type SyncState,
} from '@/lib/sync/engine';
import type { AreaLimits } from '@/lib/sync/encode';
import { createClock } from '@/lib/sync/hlc';
import { createMemoryAdapter, type MemoryAdapter } from '@/lib/sync/local';
import { SimSync, type SimBrowser } from '../support/sync-sim';

export const START = Date.UTC(2025, 0, 1);
export const DAY = 24 * 3_600_000;

export interface TestBrowser {
  sim: SimBrowser;
  local: MemoryAdapter;
  engine: SyncEngine;
  /** Every state the engine reported. */
  states: SyncState[];
}

export function addBrowser(
  sim: SimSync,
  name: string,
  opts: {
    syncOff?: boolean;
    limits?: AreaLimits;
    config?: Partial<EngineConfig>;
    wrap?: (area: SyncArea) => SyncArea;
    enabled?: boolean;
    skewMs?: number;
    /** The list of a browser that restarts (a new engine over the same list). */
    local?: MemoryAdapter;
  } = {},
): TestBrowser {
  const b = sim.browser(name, { syncOff: opts.syncOff, skewMs: opts.skewMs });
  const clock = createClock(name, () => b.timers.now());
  const local = opts.local ?? createMemoryAdapter(clock);
  const states: SyncState[] = [];
  const engine = createSyncEngine({
    area: opts.wrap ? opts.wrap(b.area) : b.area,
    local,
    clock,
    nodeId: name,
    timers: b.timers,
    limits: opts.limits,
    config: opts.config,
    enabled: opts.enabled,
    onState: (s) => states.push(s),
  });
  engine.start();
  return { sim: b, local, engine, states };
}

/** A title of about 90 characters, different for each i. */
export const title = (i: number): string =>
  `تقرير رقم ${i} عن تطورات الأحداث في المنطقة وتأثيرها على الاقتصاد والسياسة والمجتمع ${i * 7}`;

export const urlOf = (i: number): string => `https://news.example/2025/01/article-${i}`;
