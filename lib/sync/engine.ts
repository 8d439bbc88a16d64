/**
 * The sync loop. A cycle reads the whole sync area, merges it with this browser's list, applies
 * what changed to the local list, and writes the area back only when the merged list (cut to the
 * quota) differs from what is there. Cycles run after local changes (debounced), when the area
 * changes (another browser wrote, or this one, which is recognised and ignored), on the alarm and
 * at start-up; one at a time, a request during a cycle runs one more after it.
 *
 * What is written is a function of the merged list alone (the cut to the quota included), so two
 * browsers that hold the same list find the area already as they would write it and stay quiet.
 *
 * Local data is never at risk: the local list only ever grows by merges, a failed or partial
 * write leaves the previous generation readable (or no list at all, never a torn one that reads
 * as empty), a torn area is never written over except by the browser that tore it, and entries
 * that do not fit the quota stay local and are counted in the state. Write operations are
 * budgeted below Chrome's per-minute and per-hour limits; errors back off and retry (rate limits
 * wait for the window, quota errors shrink the budget for the retry).
 */
import {
  classifyError,
  isHourlyLimit,
  syncError,
  type SyncArea,
  type SyncError,
  type SyncErrorCode,
  type StorageChange,
  type Timers,
} from './area';
import {
  NAMESPACE,
  planWrites,
  readArea,
  SYNC_LIMITS,
  type AreaLimits,
  type RemoteState,
} from './encode';
import { hash53String } from './hash';
import { MAX_OFFSET_MS, type HlcClock } from './hlc';
import type { LocalAdapter } from './local';
import { mergeMaps, toMap, type RecordMap } from './merge';
import { planDocument } from './plan';
import {
  isLive,
  LOCAL_TOMBSTONE_TTL_MS,
  recordHlcs,
  sameLocalState,
  sameRecord,
  SYNC_TOMBSTONE_TTL_MS,
  tombstoneTime,
  type DeadRecord,
  type SyncRecord,
} from './record';

export interface SyncState {
  enabled: boolean;
  /** Wall time of the last cycle that left the area and this browser in agreement. */
  lastSyncedAt: number | null;
  /** Entries changed here and not yet written to the sync area. */
  pending: number;
  /** Live entries that do not fit the sync quota and exist on this browser only. */
  localOnly: number;
  lastError: SyncError | null;
  /**
   * How far the newest stamp in the sync area leads this browser's clock, ms, when that is more
   * than the clocks' allowed offset (one of the two clocks is wrong); null otherwise.
   */
  clockAheadMs: number | null;
}

export interface EngineConfig {
  localDebounceMs: number;
  /** A stream of local changes still syncs this long after the first one. */
  localMaxWaitMs: number;
  remoteDebounceMs: number;
  /** A torn area is read again this many times, this far apart, before it is rewritten. */
  tornRetryMs: number;
  tornRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Our own write budget, below Chrome's 120 per minute and 1800 per hour. */
  writesPerMinute: number;
  writesPerHour: number;
  /** Quota bytes left free for other items appearing meanwhile. */
  marginBytes: number;
  syncTombstoneTtlMs: number;
  localTombstoneTtlMs: number;
  /**
   * A life a tombstone ended that comes back into the area this close to the tombstone's expiry
   * makes it re-published with a fresh lifetime.
   */
  tombstoneSlackMs: number;
}

export const DEFAULT_CONFIG: EngineConfig = {
  localDebounceMs: 2_000,
  localMaxWaitMs: 20_000,
  remoteDebounceMs: 1_000,
  tornRetryMs: 5_000,
  tornRetries: 3,
  retryBaseMs: 5_000,
  retryMaxMs: 30 * 60_000,
  writesPerMinute: 60,
  writesPerHour: 1_200,
  marginBytes: 512,
  syncTombstoneTtlMs: SYNC_TOMBSTONE_TTL_MS,
  localTombstoneTtlMs: LOCAL_TOMBSTONE_TTL_MS,
  tombstoneSlackMs: 7 * 24 * 3_600_000,
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
const RATE_RETRY_MS = MINUTE;
const HOURLY_RETRY_MS = 10 * MINUTE;
/**
 * A tombstone's version with this browser's own bookkeeping set anew; whether another browser
 * has it is kept unless `shared` says otherwise (a re-publication is a version nobody has yet).
 */
function withLocal(
  r: DeadRecord,
  at: number,
  pruned: number | undefined,
  shared: boolean | undefined = r.shared,
): DeadRecord {
  const out: DeadRecord = { id: r.id, del: r.del, at };
  if (r.url !== undefined) out.url = r.url;
  if (r.kept !== undefined) out.kept = r.kept;
  if (pruned !== undefined) out.pruned = pruned;
  if (shared) out.shared = true;
  else if (shared === undefined && r.sent !== undefined) out.sent = r.sent;
  return out;
}

/** setTimeout's largest delay (a 32-bit signed int); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Deletes no other browser is known to have, newest first, that are kept and carried whatever
 * this clock says of their age; older ones age as the rest (a bound on what a browser whose
 * others never write leaves in the area).
 */
export const UNSHARED_KEPT = 100;
/** A pushed entry stays first in the cut for writes of this many generations after its push. */
const PUSH_GENERATIONS = 4;
const QUOTA_SHRINK = 0.85;
const QUOTA_ERRORS_BEFORE_SHRINK = 3;
const MIN_BUDGET_FACTOR = 0.3;

export interface SyncEngineOptions {
  area: SyncArea;
  local: LocalAdapter;
  clock: HlcClock;
  nodeId: string;
  timers: Timers;
  onState?: (state: SyncState) => void;
  enabled?: boolean;
  limits?: AreaLimits;
  config?: Partial<EngineConfig>;
}

export interface SyncEngine {
  /** Subscribe to local and remote changes and begin the start-up cycle (not awaited). */
  start(): void;
  stop(): void;
  /** Run a cycle now (after the current one, if any) and resolve when it is done. */
  syncNow(): Promise<void>;
  /** The periodic alarm: run a cycle. */
  tick(): void;
  setEnabled(enabled: boolean): Promise<void>;
  state(): SyncState;
}

interface CycleResult {
  /** Run again this much later (torn area, rate budget, backoff); undefined when done. */
  retryInMs?: number;
}

/**
 * Whether two lists hold the same records. Equal encodings already say so; this also holds when
 * another version of the extension encodes the same list differently, so two versions do not
 * take turns rewriting the area.
 */
function sameRecords(a: readonly SyncRecord[], b: readonly SyncRecord[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(a.map((r) => [r.id, r]));
  return b.every((r) => {
    const other = byId.get(r.id);
    return other !== undefined && sameRecord(other, r);
  });
}

/**
 * Whether the area already holds everything this plan would write, as this browser has it, plus
 * live entries beyond this browser's cut that are live here too. At the edge of the cut an
 * entry's newer copy can take more bytes than the older one another browser ranked there, so two
 * browsers can each find their own cut right; rewriting the other's would go on forever, and the
 * area, which loses nothing either knows, is left as it is. An extra entry older than ours is one
 * whose newest copy did not fit even first in our cut (the area's older copies go there): keeping
 * the older copy beats dropping the entry, which the browsers holding it would only put back.
 */
function carriesMore(
  area: readonly SyncRecord[],
  plan: readonly SyncRecord[],
  merged: RecordMap,
): boolean {
  const inArea = new Map(area.map((r) => [r.id, r]));
  const planned = new Set(plan.map((r) => r.id));
  if (!plan.every((r) => inArea.has(r.id) && sameRecord(inArea.get(r.id)!, r))) return false;
  return area.every((r) => {
    if (planned.has(r.id)) return true;
    const m = merged.get(r.id);
    return isLive(r) && m !== undefined && isLive(m);
  });
}

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const { area, local, clock, nodeId, timers } = opts;
  const cfg: EngineConfig = { ...DEFAULT_CONFIG, ...opts.config };
  const limits = opts.limits ?? SYNC_LIMITS;

  let state: SyncState = {
    enabled: opts.enabled ?? true,
    lastSyncedAt: null,
    pending: 0,
    localOnly: 0,
    lastError: null,
    clockAheadMs: null,
  };
  let started = false;
  const dirty = new Set<string>();
  let firstDirtyAt: number | null = null;
  const writeLog: number[] = [];
  /** JSON of what this browser last wrote per key (null: removed), to ignore our own echoes. */
  const lastWritten = new Map<string, string | null>();
  let budgetFactor = 1;
  let failures = 0;
  let quotaErrors = 0;
  let tornReads = 0;
  /** Whether the last read found a list (a manifest): an empty area right after one is a rewrite. */
  let sawList = false;
  let blockedUntil = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let localTimer: unknown = null;
  let wakeTimer: unknown = null;
  let wakeAt = Infinity;
  const unsubscribe: (() => void)[] = [];

  const emit = (patch: Partial<SyncState>): void => {
    const next = { ...state, ...patch };
    if (JSON.stringify(next) === JSON.stringify(state)) return;
    state = next;
    opts.onState?.({ ...state });
  };

  const clearTimers = (): void => {
    if (localTimer !== null) timers.clearTimeout(localTimer);
    if (wakeTimer !== null) timers.clearTimeout(wakeTimer);
    localTimer = wakeTimer = null;
    wakeAt = Infinity;
  };

  /** Run a cycle in `delayMs` unless one is due sooner. */
  const wake = (ms: number): void => {
    if (!started) return;
    const delayMs = Math.min(MAX_TIMER_MS, Math.max(0, ms));
    const at = timers.now() + delayMs;
    if (wakeTimer !== null && wakeAt <= at) return;
    if (wakeTimer !== null) timers.clearTimeout(wakeTimer);
    wakeAt = at;
    wakeTimer = timers.setTimeout(() => {
      wakeTimer = null;
      wakeAt = Infinity;
      void run();
    }, delayMs);
  };

  const onLocalChange = (ids: string[]): void => {
    if (!started) return;
    const now = timers.now();
    for (const id of ids) dirty.add(id);
    firstDirtyAt ??= now;
    emit({ pending: dirty.size });
    if (!state.enabled) return;
    const due = Math.min(now + cfg.localDebounceMs, firstDirtyAt + cfg.localMaxWaitMs);
    if (localTimer !== null) timers.clearTimeout(localTimer);
    localTimer = timers.setTimeout(
      () => {
        localTimer = null;
        void run();
      },
      Math.max(0, due - now),
    );
  };

  /**
   * Whether every change is the arrival of what this browser last wrote there. Once another value
   * has arrived for a key, a later arrival of ours is no echo: it is our write landing late (a
   * stalled upload) over the other browser's, which can leave the area torn, and it must be read.
   */
  const isEcho = (changes: Record<string, StorageChange>): boolean => {
    let echo = true;
    for (const [key, ch] of Object.entries(changes)) {
      const value = ch.newValue === undefined ? null : JSON.stringify(ch.newValue);
      if (lastWritten.get(key) === value) continue;
      echo = false;
      lastWritten.delete(key);
    }
    return echo;
  };

  const onRemoteChange = (changes: Record<string, StorageChange>): void => {
    if (!started || !state.enabled) return;
    const ours = Object.fromEntries(
      Object.entries(changes).filter(([k]) => k.startsWith(NAMESPACE)),
    );
    if (Object.keys(ours).length === 0 || isEcho(ours)) return;
    wake(cfg.remoteDebounceMs);
  };

  /**
   * Our writes in the last minute and hour, and how long until `ops` more fit the budget. Writes
   * logged "after now" were stamped by a clock since put back: how long ago they happened is
   * unknown, and counting them as recent would wait as long as the clock jumped.
   */
  const rateWait = (ops: number): number => {
    const now = timers.now();
    while (writeLog.length && writeLog[0]! <= now - HOUR) writeLog.shift();
    while (writeLog.length && writeLog[writeLog.length - 1]! > now) writeLog.pop();
    const inMinute = writeLog.filter((t) => t > now - MINUTE);
    let wait = 0;
    if (inMinute.length + ops > cfg.writesPerMinute) {
      const freeing = inMinute[inMinute.length + ops - cfg.writesPerMinute - 1]!;
      wait = Math.max(wait, freeing + MINUTE - now);
    }
    if (writeLog.length + ops > cfg.writesPerHour) {
      const freeing = writeLog[writeLog.length + ops - cfg.writesPerHour - 1]!;
      wait = Math.max(wait, freeing + HOUR - now);
    }
    return wait;
  };

  /**
   * Tombstones kept in the document and those this browser may forget. Lifetimes count from
   * when this browser received the tombstone (`at`, stamped here on arrival), never from the
   * deleting browser's clock. One is carried while it lives here; one the area lacks is written
   * back (a writer that had not seen it replaced the area) unless its life here is nearly over
   * (another browser, which received it a little earlier, pruned it). One that comes back after
   * this browser pruned it was written back by a browser that still keeps it (this clock was set
   * ahead since it arrived): it is taken as received now, rather than pruned again and again.
   * A life the tombstone ended that is back in the area brings it back, re-published when its
   * life here is nearly over. A tombstone is forgotten only in an area another browser wrote:
   * while this browser reads nothing but its own writes (cut off, or alone) its clock alone says
   * how old a delete is, and a clock set a year ahead would forget a delete nobody else has seen.
   */
  function collectTombstones(
    merged: RecordMap,
    remote: RecordMap,
    generation: number,
    now: number,
    othersWrote: boolean,
    basedOn: string | undefined,
  ): { candidates: SyncRecord[]; forget: DeadRecord[] } {
    const candidates: SyncRecord[] = [];
    const forget: DeadRecord[] = [];
    const ttl = cfg.syncTombstoneTtlMs;
    const unshared = new Set(
      [...merged.values()]
        .filter((r): r is DeadRecord => !isLive(r) && !r.shared)
        .sort((a, b) => tombstoneTime(b) - tombstoneTime(a))
        .slice(0, UNSHARED_KEPT)
        .map((r) => r.id),
    );
    for (const [id, r] of merged) {
      if (isLive(r)) {
        candidates.push(r);
        continue;
      }
      // Received "in the future": this clock was set back since; it was received by now at most.
      let rec: DeadRecord = r.at === undefined || r.at > now ? { ...r, at: now } : r;
      const there = remote.get(id);
      const inArea = there !== undefined && !isLive(there) && sameRecord(there, rec);
      const lifeBack = there !== undefined && isLive(there);
      // Its life here starts when another browser is known to have it.
      const heard = othersWrote && (inArea || (rec.sent !== undefined && rec.sent === basedOn));
      if (heard && !rec.shared) rec = withLocal(rec, now, rec.pruned, true);
      if (inArea && rec.pruned !== undefined && generation > rec.pruned)
        rec = withLocal(rec, now, undefined);
      const unheard = !rec.shared && unshared.has(id);
      if (lifeBack && !unheard && now - rec.at! > ttl - cfg.tombstoneSlackMs) {
        // From a browser that was away longer than the tombstone lived there.
        const kept = Math.max(now, rec.del.w + 1, (rec.kept ?? 0) + 1);
        rec = withLocal({ ...rec, kept }, now, undefined, false);
      }
      // No other browser is known to have it: no clock can say how old it is to them.
      const age = unheard ? 0 : now - rec.at!;
      const nearEnd = age > ttl - cfg.tombstoneSlackMs;
      if (age <= ttl && (inArea || lifeBack || !nearEnd)) candidates.push(rec);
      else if (inArea && rec.pruned === undefined) rec = { ...rec, pruned: generation + 1 };
      if (rec !== r) merged.set(id, rec);
      // Forgotten only once the area shows neither it nor the life it ended: a clock set far
      // ahead must not forget a delete while another browser still publishes that life.
      if (othersWrote && age > cfg.localTombstoneTtlMs && !inArea && !lifeBack) forget.push(rec);
    }
    return { candidates, forget };
  }

  /** Store what the merge changed; a tombstone new here is always applied, however old. */
  async function applyLocal(
    localMap: RecordMap,
    merged: RecordMap,
    forget: DeadRecord[],
  ): Promise<void> {
    const put: SyncRecord[] = [];
    for (const [id, r] of merged) {
      const mine = localMap.get(id);
      if (!mine || !sameRecord(mine, r) || !sameLocalState(mine, r)) put.push(r);
    }
    const stale = forget.filter((r) => localMap.has(r.id));
    if (put.length || stale.length) await local.apply(put, stale);
  }

  /**
   * Records the area carries with values older than the merged ones. They are written with
   * their newest values whatever their rank, so a copy that left one browser's cut is not kept
   * stale by another; once the area holds the merged values the set is empty and the cut is the
   * merged list's alone.
   */
  function staleInArea(merged: RecordMap, remote: readonly SyncRecord[]): Set<string> {
    const out = new Set<string>();
    for (const r of remote) {
      const m = merged.get(r.id);
      if (m && !sameRecord(m, r)) out.add(r.id);
    }
    return out;
  }

  /**
   * What the next document pushes: entries the area carries stale, pushed in the generation
   * about to be written, and the area's own pushes for a few generations more. Without the
   * latter, a third browser that ranks a pushed entry out of its cut drops it on its next write,
   * before the browser holding the stale copy has read it; that browser republishes the stale
   * copy, it is pushed again, and the writers take turns.
   */
  function pushesFor(merged: RecordMap, remote: RemoteState, next: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const id of staleInArea(merged, remote.records)) out.set(id, next);
    for (const [id, g] of remote.pushes) {
      const r = merged.get(id);
      if (!out.has(id) && r && isLive(r) && next < g + PUSH_GENERATIONS) out.set(id, g);
    }
    return out;
  }

  /** How far the area's newest stamp leads this clock, when past the allowed offset. */
  function clockAhead(remote: readonly SyncRecord[], now: number): number | null {
    let newest = -Infinity;
    for (const r of remote) for (const h of recordHlcs(r)) newest = Math.max(newest, h.w);
    return newest - now > MAX_OFFSET_MS ? newest - now : null;
  }

  /**
   * The deletes no other browser is known to have, as carried by the document about to be written
   * (checksum `x`): a writer that replaces that document names it (`p`), and so has them.
   */
  async function markSent(records: readonly SyncRecord[], x: string): Promise<void> {
    const put = records
      .filter((r): r is DeadRecord => !isLive(r) && !r.shared && r.sent !== x)
      .map((r) => ({ ...r, sent: x }));
    if (put.length) await local.apply(put, []);
  }

  async function write(
    remote: RemoteState,
    plan: { encoded: string; records: readonly SyncRecord[] },
  ): Promise<CycleResult | null> {
    const x = hash53String(plan.encoded);
    const steps = planWrites(remote, plan.encoded, nodeId, limits, x);
    if (!steps) throw new Error('QUOTA_BYTES quota exceeded (no room for the list)');
    const wait = rateWait(steps.length);
    if (wait > 0) return { retryInMs: wait };
    // Only for a document that is written: a write put off by the rate limit marks nothing.
    await markSent(plan.records, x);
    for (const step of steps) {
      writeLog.push(timers.now());
      if ('set' in step) {
        for (const [k, v] of Object.entries(step.set)) lastWritten.set(k, JSON.stringify(v));
        await area.set(step.set);
      } else {
        for (const k of step.remove) lastWritten.set(k, null);
        await area.remove(step.remove);
      }
    }
    return null;
  }

  function failed(err: unknown): CycleResult {
    const code: SyncErrorCode = classifyError(err);
    failures += 1;
    const backoff = Math.min(cfg.retryMaxMs, cfg.retryBaseMs * 2 ** (failures - 1));
    let retry = backoff;
    if (code === 'rate')
      retry = Math.max(backoff, isHourlyLimit(err) ? HOURLY_RETRY_MS : RATE_RETRY_MS);
    // A quota error is most often another browser's shards landing between our read and write
    // (the next read counts them, after the backoff); only a persistent one shrinks the budget,
    // since a write cut smaller than the merged list's own cut is rewritten by the others.
    quotaErrors = code === 'quota' ? quotaErrors + 1 : 0;
    if (quotaErrors >= QUOTA_ERRORS_BEFORE_SHRINK)
      budgetFactor = Math.max(MIN_BUDGET_FACTOR, budgetFactor * QUOTA_SHRINK);
    if (code === 'unavailable') retry = cfg.retryMaxMs;
    if (code === 'rate') blockedUntil = timers.now() + retry;
    emit({ lastError: syncError(code) });
    return { retryInMs: retry };
  }

  async function cycle(): Promise<CycleResult> {
    const startedDirty = new Set(dirty);
    let remote: RemoteState;
    try {
      remote = readArea(await area.getAll());
    } catch (err) {
      return failed(err);
    }
    if (remote.status === 'newer') {
      emit({ lastError: syncError('newer') });
      return {};
    }
    if (remote.status === 'torn') {
      // Still arriving, or cut short by a worker stopped mid-write. Only the browser that wrote
      // it knows it holds nothing the others lack; everyone else waits for a whole list (the
      // rest arriving, or the alarm, runs the next cycle).
      tornReads += 1;
      if (tornReads <= cfg.tornRetries) return { retryInMs: cfg.tornRetryMs };
      if (remote.manifest?.w !== nodeId) {
        emit({ lastError: syncError('torn') });
        return {};
      }
    }
    if (remote.status === 'empty' && (sawList || remote.shardKeys.length > 0)) {
      // A list too big to keep beside its next generation is removed before the new one is
      // written: another browser is mid-write (or stopped there). Publishing our own cut into
      // that gap would make the two take turns; wait for its list as for a torn one, and only
      // after the same retries take the area as empty (its writer kept its list and republishes).
      tornReads += 1;
      if (tornReads <= cfg.tornRetries) return { retryInMs: cfg.tornRetryMs };
    }
    sawList = remote.manifest !== null;
    const repaired = remote.status === 'corrupt' || remote.status === 'torn';
    tornReads = 0;
    try {
      const localRecords = await local.list();
      for (const r of [...localRecords, ...remote.records])
        for (const h of recordHlcs(r)) clock.receive(h);
      emit({ clockAheadMs: clockAhead(remote.records, timers.now()) });
      const localMap = toMap(localRecords);
      const remoteMap = toMap(remote.records);
      const merged = mergeMaps(localMap, remoteMap);
      const generation = remote.manifest?.g ?? 0;
      const othersWrote = remote.manifest !== null && remote.manifest.w !== nodeId;
      const { candidates, forget } = collectTombstones(
        merged,
        remoteMap,
        generation,
        timers.now(),
        othersWrote,
        remote.manifest?.p,
      );
      await applyLocal(localMap, merged, forget);
      const budget =
        Math.floor(limits.quotaBytes * budgetFactor) - remote.foreignBytes - cfg.marginBytes;
      const plan = planDocument(
        candidates,
        budget,
        limits,
        pushesFor(merged, remote, generation + 1),
      );
      emit({ localOnly: plan.localOnly.length });
      if (plan.records.length === 0 && candidates.length > 0)
        throw new Error('QUOTA_BYTES quota exceeded (other items fill the sync area)');
      const same =
        remote.status === 'ok' &&
        (remote.encoded === plan.encoded ||
          sameRecords(remote.records, plan.records) ||
          carriesMore(remote.records, plan.records, merged));
      const nothing = remote.status === 'empty' && plan.records.length === 0;
      if (!same && !nothing) {
        const later = await write(remote, plan);
        if (later) return later;
      }
    } catch (err) {
      return failed(err);
    }
    for (const id of startedDirty) dirty.delete(id);
    if (dirty.size === 0) firstDirtyAt = null;
    failures = 0;
    quotaErrors = 0;
    budgetFactor = 1;
    emit({
      lastSyncedAt: timers.now(),
      pending: dirty.size,
      lastError: repaired ? syncError('corrupt') : null,
    });
    return {};
  }

  function run(): Promise<void> {
    if (!started || !state.enabled) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        // A clock put back after a rate error must not turn a minute's wait into months.
        const wait = Math.min(blockedUntil - timers.now(), cfg.retryMaxMs);
        if (wait > 0) {
          wake(wait);
          break;
        }
        const result = await cycle();
        if (result.retryInMs !== undefined) wake(result.retryInMs);
      } while (again && started && state.enabled);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    start() {
      if (started) return;
      started = true;
      unsubscribe.push(local.subscribe(onLocalChange), area.onChanged(onRemoteChange));
      void run();
    },
    stop() {
      started = false;
      clearTimers();
      unsubscribe.splice(0).forEach((u) => u());
    },
    async syncNow() {
      if (!running) return run();
      again = true;
      return running;
    },
    tick() {
      void run();
    },
    async setEnabled(enabled) {
      emit({ enabled, lastError: enabled ? state.lastError : null });
      if (!enabled) {
        clearTimers();
        return;
      }
      await run();
    },
    state: () => ({ ...state }),
  };
}
