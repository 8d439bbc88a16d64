/**
 * A live relay of `chrome.storage.sync` between Chromium profiles, as a sync server carries it.
 *
 * Each profile's service worker gets a listener on `storage.onChanged` that logs every change to
 * its sync area, marking the ones the relay itself delivered. The relay keeps the server's copy
 * (one value per key, the last write to arrive wins, as a sync server resolves two browsers
 * writing the same key) and a mirror of each profile's area, and delivers to each profile what its
 * area lacks of the server's copy, with `storage.sync.set/remove` in that profile: the same calls,
 * events and quota checks as Chrome Sync's own delivery. Deliveries can be held per profile and
 * then made whole, key by key, in any order or in part. Every change a profile's engine makes is
 * counted (write operations, and manifests: one per generation written).
 */
import type { Worker } from 'playwright-core';
import type { Launched } from './fixtures';

export const MANIFEST_KEY = 'q:m';
/** How a removal is written in the logs and mirrors (JSON never produces it). */
const REMOVED = '\u0000removed';
const POLL_MS = 200;

type Json = string;

interface LoggedChange {
  relay: boolean;
  set: Record<string, Json>;
  remove: string[];
}

export interface Peer {
  name: string;
  l: Launched;
  /** The profile's current service worker (a new one after the worker was stopped). */
  worker: Worker;
  /** Write operations its engine made (a set or remove that changed the area). */
  ops: number;
  /** Manifests its engine wrote: one per generation. */
  manifests: number;
  held: boolean;
  mirror: Map<string, Json>;
}

/** Install the change log in a profile's worker (once per worker: it is gone with the worker). */
function installLog(worker: Worker): Promise<void> {
  return worker.evaluate((removed) => {
    const g = globalThis as unknown as {
      __relay?: { expected: Map<string, string>; log: unknown[] };
    };
    if (g.__relay) return;
    const expected = new Map<string, string>();
    const log: unknown[] = [];
    chrome.storage.onChanged.addListener(
      (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area !== 'sync') return;
        const entries = Object.entries(changes).map(
          ([k, c]) =>
            [k, c.newValue === undefined ? removed : JSON.stringify(c.newValue)] as [
              string,
              string,
            ],
        );
        const relay = entries.every(([k, j]) => expected.get(k) === j);
        if (relay) for (const [k] of entries) expected.delete(k);
        const set: Record<string, string> = {};
        const remove: string[] = [];
        for (const [k, j] of entries) {
          if (j === removed) remove.push(k);
          else set[k] = j;
        }
        log.push({ relay, set, remove });
      },
    );
    g.__relay = { expected, log };
  }, REMOVED);
}

async function areaJson(worker: Worker): Promise<Map<string, Json>> {
  const items = await worker.evaluate(() => chrome.storage.sync.get(null));
  return new Map(Object.entries(items).map(([k, v]) => [k, JSON.stringify(v)]));
}

/** A live service worker of the profile, woken by opening an extension page if it sleeps. */
export async function liveWorker(l: Launched): Promise<Worker> {
  const alive = async (w: Worker): Promise<boolean> =>
    w
      .evaluate(() => true)
      .then(
        () => true,
        () => false,
      );
  for (const w of l.context.serviceWorkers())
    if (w.url().startsWith(`chrome-extension://${l.extensionId}/`) && (await alive(w))) return w;
  const waiting = l.context.waitForEvent('serviceworker', { timeout: 30_000 });
  const page = await l.extensionPage('options.html');
  const w =
    l.context
      .serviceWorkers()
      .find((x) => x.url().startsWith(`chrome-extension://${l.extensionId}/`)) ?? (await waiting);
  await page.close();
  return w;
}

/** A delivery refused for the receiving area's quota waits; anything else is a failure. */
function skipQuota(err: unknown): void {
  if (!/quota/i.test(String(err))) throw err;
}

export class Relay {
  readonly server = new Map<string, Json>();
  readonly peers: Peer[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private pumping: Promise<void> | null = null;
  /** Every write seen, in order, for a test's record (peer name, keys set, keys removed). */
  readonly history: { peer: string; set: string[]; remove: string[] }[] = [];
  /** The server's copy after each engine write, for checks on what every cut looked like. */
  readonly snapshots: Map<string, Json>[] = [];

  /** Add a profile: its area goes to the server (it was signed in), then it receives the rest. */
  async join(name: string, l: Launched, opts: { held?: boolean } = {}): Promise<Peer> {
    const worker = await liveWorker(l);
    await installLog(worker);
    const mirror = await areaJson(worker);
    const peer: Peer = {
      name,
      l,
      worker,
      ops: 0,
      manifests: 0,
      held: opts.held ?? false,
      mirror,
    };
    for (const [k, v] of mirror) if (!this.server.has(k)) this.server.set(k, v);
    this.peers.push(peer);
    return peer;
  }

  /** After a worker stopped: find the new one and listen again. */
  async reattach(peer: Peer): Promise<void> {
    peer.worker = await liveWorker(peer.l);
    await installLog(peer.worker);
    peer.mirror = await areaJson(peer.worker);
  }

  leave(peer: Peer): void {
    this.peers.splice(this.peers.indexOf(peer), 1);
  }

  /** Deliver continuously (every POLL_MS) until stop(). */
  start(): void {
    this.timer ??= setInterval(() => void this.pump().catch(() => undefined), POLL_MS);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pumping;
  }

  /** Collect every profile's changes into the server's copy, then deliver to those not held. */
  pump(): Promise<void> {
    this.pumping ??= (async () => {
      try {
        await this.collect();
        for (const p of this.peers) if (!p.held) await this.deliver(p, this.pending(p));
      } finally {
        this.pumping = null;
      }
    })();
    return this.pumping;
  }

  /** Read each profile's change log: its engine's writes go to the server. */
  async collect(): Promise<void> {
    for (const p of this.peers) {
      const log = await p.worker
        .evaluate(() => {
          const g = globalThis as unknown as { __relay?: { log: unknown[] } };
          return g.__relay ? g.__relay.log.splice(0) : null;
        })
        .catch(() => null);
      if (!log) continue;
      for (const c of log as LoggedChange[]) {
        for (const [k, v] of Object.entries(c.set)) p.mirror.set(k, v);
        for (const k of c.remove) p.mirror.delete(k);
        if (c.relay) continue;
        p.ops += 1;
        if (MANIFEST_KEY in c.set) p.manifests += 1;
        for (const [k, v] of Object.entries(c.set)) this.server.set(k, v);
        for (const k of c.remove) this.server.delete(k);
        this.history.push({ peer: p.name, set: Object.keys(c.set), remove: c.remove });
        this.snapshots.push(new Map(this.server));
      }
    }
  }

  /** Keys where the profile's area differs from the server's copy (undefined: remove). */
  pending(p: Peer): Map<string, Json | undefined> {
    const out = new Map<string, Json | undefined>();
    for (const [k, v] of this.server) if (p.mirror.get(k) !== v) out.set(k, v);
    for (const k of p.mirror.keys()) if (!this.server.has(k)) out.set(k, undefined);
    return out;
  }

  /**
   * Deliver `changes` (key → JSON, undefined to remove) to a profile: removals, then the rest in
   * one call, or key by key in the given order with `oneByOne`. Two browsers writing at once
   * can leave the server holding both their shard sets, more than one area's quota; then the
   * delivery goes key by key (removals, then what the server's manifest points to, then the
   * manifest) and what does not fit waits for the next pump, after the engines' cleanup.
   */
  async deliver(
    p: Peer,
    changes: Map<string, Json | undefined>,
    opts: { oneByOne?: boolean } = {},
  ): Promise<void> {
    if (changes.size === 0) return;
    if (opts.oneByOne) {
      for (const e of changes) await this.deliverBatch(p, new Map([e])).catch(skipQuota);
      return;
    }
    try {
      await this.deliverBatch(p, changes);
    } catch (err) {
      skipQuota(err);
      await this.deliver(p, this.ordered(changes), { oneByOne: true });
    }
  }

  /** Removals first, then the shards the server's manifest names, the manifest, the rest. */
  private ordered(changes: Map<string, Json | undefined>): Map<string, Json | undefined> {
    const m = this.server.get(MANIFEST_KEY);
    const set = m ? (JSON.parse(m) as { s?: string }).s : undefined;
    const rank = ([k, v]: [string, Json | undefined]): number =>
      v === undefined ? 0 : set && k.startsWith(`q:${set}`) ? 1 : k === MANIFEST_KEY ? 2 : 3;
    return new Map([...changes].sort((x, y) => rank(x) - rank(y)));
  }

  private async deliverBatch(p: Peer, batch: Map<string, Json | undefined>): Promise<void> {
    const set: Record<string, Json> = {};
    const remove: string[] = [];
    for (const [k, v] of batch) {
      if (v === undefined) remove.push(k);
      else set[k] = v;
    }
    const done = await p.worker.evaluate(
      async ([set, remove, removed]) => {
        const g = globalThis as unknown as { __relay: { expected: Map<string, string> } };
        for (const k of remove) g.__relay.expected.set(k, removed);
        if (remove.length) await chrome.storage.sync.remove(remove);
        for (const [k, v] of Object.entries(set)) g.__relay.expected.set(k, v);
        const items = Object.fromEntries(
          Object.entries(set).map(([k, v]) => [k, JSON.parse(v) as unknown]),
        );
        try {
          if (Object.keys(items).length) await chrome.storage.sync.set(items);
          return null;
        } catch (err) {
          for (const k of Object.keys(set)) g.__relay.expected.delete(k);
          return String(err);
        }
      },
      [set, remove, REMOVED] as const,
    );
    for (const k of remove) p.mirror.delete(k);
    if (done !== null) throw new Error(done);
    for (const [k, v] of Object.entries(set)) p.mirror.set(k, v);
  }

  /** Engine writes so far, all profiles. */
  writes(): { ops: number; manifests: number } {
    return this.peers.reduce(
      (t, p) => ({ ops: t.ops + p.ops, manifests: t.manifests + p.manifests }),
      { ops: 0, manifests: 0 },
    );
  }

  /**
   * Pump until no engine has written for `quietMs` and every profile holds the server's copy;
   * the manifests written meanwhile.
   */
  async settle(quietMs = 12_000, timeoutMs = 180_000): Promise<number> {
    const start = this.writes().manifests;
    const deadline = Date.now() + timeoutMs;
    let last = this.writes().ops;
    let since = Date.now();
    for (;;) {
      await this.pump();
      const now = this.writes().ops;
      if (now !== last) {
        last = now;
        since = Date.now();
      }
      const delivered = this.peers.every((p) => p.held || this.pending(p).size === 0);
      if (delivered && Date.now() - since >= quietMs) return this.writes().manifests - start;
      if (Date.now() > deadline) throw new Error(`no settling: ${JSON.stringify(this.writes())}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}
