/**
 * A simulated `storage.sync` shared by several simulated browsers, on a fake clock, for tests and
 * the benchmark. Modelled on how Chrome Sync behaves:
 *
 * - Each browser has its own replica of the area; calls read and write the replica and enforce
 *   the real quotas there (total bytes, bytes per item, item count, counted as key length plus
 *   JSON length) and the write-rate limits (operations per minute and per hour), rejecting with
 *   the messages Chrome gives. A rejected call changes nothing.
 * - A write fires `onChanged` in the writing browser, then travels to a server after a delay;
 *   the server keeps the last write to arrive per key and sends it to every browser (the writer
 *   too) after a delay each. Replicas drop versions older than what they hold, so after quiescence
 *   every replica equals the server.
 * - Deliveries can be duplicated (the `onChanged` event fires again) and reordered (independent
 *   random delays); a partitioned browser keeps working on its replica while its uploads and
 *   downloads wait until the partition heals.
 * - Each browser's clock may be skewed (days or years either way) and set right or wrong while
 *   it runs; the delivery schedule runs on true time.
 * - A delivery may stall (held back far longer than the others), so a browser can hold a manifest
 *   without its shards, or shards without their manifest, for a while: partial delivery.
 * - `syncOff` browsers reject every call, like Firefox with sync storage disabled.
 * - Every write operation is counted per browser (`stats.writeOps`), the measure of quiescence.
 */
import type { StorageChange, SyncArea, Timers } from '../../lib/sync/area';
import { SYNC_LIMITS, type AreaLimits } from '../../lib/sync/encode';
import { seededRandom, type Rand } from '../../lib/random';

const MINUTE = 60_000;
const HOUR = 3_600_000;
export const CHROME_WRITE_LIMITS = { perMinute: 120, perHour: 1800 };
export const FIREFOX_SYNC_OFF_MESSAGE =
  'Please set webextensions.storage.sync.enabled to true in about:config';
const DEFAULT_MAX_EVENTS = 200_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

interface SimEvent {
  at: number;
  seq: number;
  fn: () => void;
}

/** A discrete-event clock: timers fire in time order, and promise chains settle between them. */
export class SimScheduler implements Timers {
  private heap: SimEvent[] = [];
  private seq = 0;
  private time: number;
  private cancelled = new Set<number>();

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** Like the browsers' timers, a delay past 32 bits fires at once (the cause of a spin). */
  setTimeout(fn: () => void, ms: number): number {
    const delay = ms > MAX_TIMER_MS ? 1 : Math.max(0, ms);
    const ev = { at: this.time + delay, seq: ++this.seq, fn };
    this.push(ev);
    return ev.seq;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.cancelled.add(handle);
  }

  get pending(): number {
    return this.heap.length - this.cancelled.size;
  }

  /**
   * Run events until none are left (or `until` is reached), letting promise continuations run
   * after each. Throws after `maxEvents`, which catches an engine that never goes quiet.
   */
  async run(opts: { until?: number; maxEvents?: number } = {}): Promise<number> {
    const max = opts.maxEvents ?? DEFAULT_MAX_EVENTS;
    let n = 0;
    await settle();
    for (;;) {
      const ev = this.heap[0];
      if (!ev || (opts.until !== undefined && ev.at > opts.until)) break;
      this.pop();
      if (this.cancelled.delete(ev.seq)) continue;
      this.time = Math.max(this.time, ev.at);
      ev.fn();
      await settle();
      if (++n > max) throw new Error(`simulation did not settle within ${max} events`);
    }
    if (opts.until !== undefined) this.time = Math.max(this.time, opts.until);
    return n;
  }

  private push(ev: SimEvent): void {
    const h = this.heap;
    h.push(ev);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l]!, h[m]!)) m = l;
      if (r < h.length && before(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

const before = (a: SimEvent, b: SimEvent): boolean =>
  a.at < b.at || (a.at === b.at && a.seq < b.seq);

type Immediate = (fn: () => void) => unknown;

/** Resolve after every queued promise continuation has run (a macrotask turn). */
function settle(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: Immediate }).setImmediate;
  return new Promise((resolve) =>
    immediate ? immediate(resolve) : globalThis.setTimeout(resolve, 0),
  );
}

export interface SimOptions {
  seed?: number;
  limits?: AreaLimits;
  /** Write operations allowed per minute and hour; null for none (Firefox). */
  writeLimits?: { perMinute: number; perHour: number } | null;
  /** Delay of an API call's answer, ms. */
  latency?: [number, number];
  /** Delay of each hop (browser → server, server → browser), ms. */
  delay?: [number, number];
  /** Probability that a delivery fires its `onChanged` event twice. */
  duplicate?: number;
  /** Probability that a delivery is held back, and for how long, ms (partial delivery). */
  stall?: number;
  stallMs?: [number, number];
  start?: number;
}

interface Versioned {
  json: string | undefined;
  ver: number;
}

export interface SimBrowserStats {
  writeOps: number;
  rejected: number;
  reads: number;
}

export interface SimBrowser {
  readonly name: string;
  readonly area: SyncArea;
  /** Timers whose `now()` includes this browser's clock skew. */
  readonly timers: Timers;
  readonly stats: SimBrowserStats;
  /** A copy of this browser's replica. */
  items(): Record<string, unknown>;
  /** Set this browser's clock this far from true time (a clock set wrong, or put right). */
  setSkew(ms: number): void;
}

type Listener = (changes: Record<string, StorageChange>) => void;
const parse = (json: string | undefined): unknown =>
  json === undefined ? undefined : JSON.parse(json);

export class SimSync {
  readonly scheduler: SimScheduler;
  private readonly rand: Rand;
  private readonly limits: AreaLimits;
  private readonly writeLimits: { perMinute: number; perHour: number } | null;
  private readonly latency: [number, number];
  private readonly delay: [number, number];
  private readonly duplicate: number;
  private readonly stall: number;
  private readonly stallMs: [number, number];
  private readonly server = new Map<string, Versioned>();
  private version = 0;
  private readonly browsers = new Map<string, BrowserState>();

  constructor(opts: SimOptions = {}) {
    this.scheduler = new SimScheduler(opts.start ?? 0);
    this.rand = seededRandom(opts.seed ?? 1);
    this.limits = opts.limits ?? SYNC_LIMITS;
    this.writeLimits = opts.writeLimits === undefined ? CHROME_WRITE_LIMITS : opts.writeLimits;
    this.latency = opts.latency ?? [0, 2];
    this.delay = opts.delay ?? [10, 200];
    this.duplicate = opts.duplicate ?? 0;
    this.stall = opts.stall ?? 0;
    this.stallMs = opts.stallMs ?? [5_000, 60_000];
  }

  /** Add a browser (or get the one with this name). */
  browser(name: string, opts: { syncOff?: boolean; skewMs?: number } = {}): SimBrowser {
    const existing = this.browsers.get(name);
    if (existing) return existing.handle;
    const state = new BrowserState(this, name, opts.syncOff ?? false, opts.skewMs ?? 0);
    // A browser joining sync starts with what the server has.
    if (!state.syncOff) for (const [k, v] of this.server) state.replica.set(k, { ...v });
    this.browsers.set(name, state);
    return state.handle;
  }

  /** Cut a browser off from the server (its replica keeps working) or reconnect it. */
  partition(name: string, cut: boolean): void {
    const b = this.mustGet(name);
    b.partitioned = cut;
    if (!cut) b.flush();
  }

  heal(): void {
    for (const name of this.browsers.keys()) this.partition(name, false);
  }

  /** Another device writes (or with undefined, removes) an item; it reaches everyone via the server. */
  inject(key: string, value: unknown): void {
    this.arrive(key, value === undefined ? undefined : JSON.stringify(value));
  }

  serverItems(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.server) if (v.json !== undefined) out[k] = parse(v.json);
    return out;
  }

  /** @internal */
  random(range: [number, number]): number {
    return range[0] + Math.floor(this.rand() * (range[1] - range[0] + 1));
  }

  /** @internal */
  chance(p: number): boolean {
    return p > 0 && this.rand() < p;
  }

  /** @internal A hop's delay: usually `delay`, sometimes a stall. */
  hopDelay(): number {
    return this.chance(this.stall) ? this.random(this.stallMs) : this.random(this.delay);
  }

  /** @internal */
  config(): {
    limits: AreaLimits;
    writeLimits: { perMinute: number; perHour: number } | null;
    latency: [number, number];
    delay: [number, number];
  } {
    return {
      limits: this.limits,
      writeLimits: this.writeLimits,
      latency: this.latency,
      delay: this.delay,
    };
  }

  /** @internal An upload reaches the server: it takes the next version and goes to everyone. */
  arrive(key: string, json: string | undefined): void {
    const ver = ++this.version;
    this.server.set(key, { json, ver });
    for (const b of this.browsers.values()) {
      if (b.syncOff) continue;
      b.download(key, { json, ver }, false);
      if (this.chance(this.duplicate)) b.download(key, { json, ver }, true);
    }
  }

  private mustGet(name: string): BrowserState {
    const b = this.browsers.get(name);
    if (!b) throw new Error(`no simulated browser ${name}`);
    return b;
  }
}

class BrowserState {
  readonly replica = new Map<string, Versioned>();
  readonly listeners = new Set<Listener>();
  readonly ops: number[] = [];
  readonly stats: SimBrowserStats = { writeOps: 0, rejected: 0, reads: 0 };
  partitioned = false;
  private outbox: (() => void)[] = [];
  private inbox: (() => void)[] = [];
  readonly handle: SimBrowser;

  constructor(
    private readonly sim: SimSync,
    readonly name: string,
    readonly syncOff: boolean,
    private skewMs: number,
  ) {
    const sched = sim.scheduler;
    const timers: Timers = {
      now: () => sched.now() + this.skewMs,
      setTimeout: (fn, ms) => sched.setTimeout(fn, ms),
      clearTimeout: (h) => sched.clearTimeout(h),
    };
    const area: SyncArea = {
      getAll: () => this.call(() => this.getAll()),
      set: (items) => this.call(() => this.write(items, 'set')),
      remove: (keys) =>
        this.call(() => this.write(Object.fromEntries(keys.map((k) => [k, undefined])), 'remove')),
      onChanged: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
    };
    this.handle = {
      name,
      area,
      timers,
      stats: this.stats,
      items: () => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of this.replica) if (v.json !== undefined) out[k] = parse(v.json);
        return out;
      },
      setSkew: (ms) => {
        this.skewMs = ms;
      },
    };
  }

  /** Run `op` now (so calls apply in call order) and answer after the simulated latency. */
  private call<T>(op: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let result: { ok: true; value: T } | { ok: false; error: unknown };
      try {
        if (this.syncOff) throw new Error(FIREFOX_SYNC_OFF_MESSAGE);
        result = { ok: true, value: op() };
      } catch (error) {
        result = { ok: false, error };
      }
      this.sim.scheduler.setTimeout(
        () => (result.ok ? resolve(result.value) : reject(result.error)),
        this.sim.random(this.sim.config().latency),
      );
    });
  }

  private getAll(): Record<string, unknown> {
    this.stats.reads += 1;
    return this.handle.items();
  }

  private checkRate(): void {
    const limits = this.sim.config().writeLimits;
    if (!limits) return;
    const now = this.sim.scheduler.now();
    while (this.ops.length && this.ops[0]! <= now - HOUR) this.ops.shift();
    const lastMinute = this.ops.filter((t) => t > now - MINUTE).length;
    if (lastMinute >= limits.perMinute)
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    if (this.ops.length >= limits.perHour)
      throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
  }

  private checkQuota(next: Map<string, string | undefined>): void {
    const { limits } = this.sim.config();
    let total = 0;
    let count = 0;
    const merged = new Map<string, string | undefined>();
    for (const [k, v] of this.replica) merged.set(k, v.json);
    for (const [k, v] of next) merged.set(k, v);
    for (const [k, json] of merged) {
      if (json === undefined) continue;
      const size = k.length + json.length;
      if (next.has(k) && size > limits.perItemBytes)
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      total += size;
      count += 1;
    }
    if (count > limits.maxItems) throw new Error('MAX_ITEMS quota exceeded');
    if (total > limits.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
  }

  private write(items: Record<string, unknown>, kind: 'set' | 'remove'): void {
    try {
      this.checkRate();
      const next = new Map<string, string | undefined>();
      for (const [k, v] of Object.entries(items))
        next.set(k, v === undefined ? undefined : JSON.stringify(v));
      if (kind === 'set') this.checkQuota(next);
      this.ops.push(this.sim.scheduler.now());
      this.stats.writeOps += 1;
      const changes: Record<string, StorageChange> = {};
      for (const [k, json] of next) {
        const prev = this.replica.get(k);
        if (prev?.json === json) continue;
        this.replica.set(k, { json, ver: prev?.ver ?? 0 });
        changes[k] = { oldValue: parse(prev?.json), newValue: parse(json) };
        this.upload(k, json);
      }
      this.fire(changes);
    } catch (err) {
      this.stats.rejected += 1;
      throw err;
    }
  }

  private fire(changes: Record<string, StorageChange>): void {
    if (Object.keys(changes).length === 0) return;
    this.sim.scheduler.setTimeout(() => {
      for (const l of [...this.listeners]) l(structuredClone(changes));
    }, 0);
  }

  private upload(key: string, json: string | undefined): void {
    const send = (): void => {
      this.sim.scheduler.setTimeout(() => this.sim.arrive(key, json), this.sim.hopDelay());
    };
    if (this.partitioned) this.outbox.push(send);
    else send();
  }

  /** A server version on its way to this browser. */
  download(key: string, v: Versioned, duplicate: boolean): void {
    const deliver = (): void => {
      this.sim.scheduler.setTimeout(() => this.receive(key, v, duplicate), this.sim.hopDelay());
    };
    if (this.partitioned) this.inbox.push(deliver);
    else deliver();
  }

  private receive(key: string, v: Versioned, duplicate: boolean): void {
    const prev = this.replica.get(key);
    if (prev && prev.ver >= v.ver) {
      if (duplicate) this.fire({ [key]: { oldValue: parse(prev.json), newValue: parse(v.json) } });
      return;
    }
    this.replica.set(key, v);
    if (prev?.json !== v.json || duplicate)
      this.fire({ [key]: { oldValue: parse(prev?.json), newValue: parse(v.json) } });
  }

  flush(): void {
    const out = this.outbox;
    const inb = this.inbox;
    this.outbox = [];
    this.inbox = [];
    for (const f of out) f();
    for (const f of inb) f();
  }
}
