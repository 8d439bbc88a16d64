/**
 * The reading list in the sync area: the encoded list (`codec.ts`) cut into shard items under the
 * per-item limit, and a manifest item naming the generation, shard set, count and checksum.
 *
 *   q:m              {"v":1,"g":41,"s":"k7b","n":11,"x":"<hash of the joined shards>","w":"<node>"}
 *   q:k7b0 … q:k7b10 consecutive pieces of one base64 string
 *
 * A shard set is named by two characters of the writer's node id and a slot letter, so each
 * writer alternates between its own two sets and two browsers writing at once never overwrite
 * each other's shards: whichever manifest lands last points to intact shards. Every write puts
 * the new generation in a set the manifest does not point to, then writes the manifest, then
 * removes the stale shards, so a manifest never points at half-written shards. When the quota
 * cannot hold both generations, the writer first removes the manifest with every shard (the
 * area then holds no list, which readers take as "nothing there yet", never as a torn list),
 * then writes the new shards and the manifest. A reader that receives a manifest before its
 * shards (or shards of another generation) sees the checksum fail and treats the area as "torn":
 * it never mixes shards of two generations and never takes a torn area for an empty list.
 * Items outside the `q:` namespace belong to someone else and are never touched; items inside it
 * that are not ours are left alone and counted as ignored.
 */
import { hash53String } from './hash';
import { isNodeId } from './hlc';
import { decodeDocument, type Pushes } from './codec';
import type { SyncRecord } from './record';

export const NAMESPACE = 'q:';
export const MANIFEST_KEY = 'q:m';
export const FORMAT_VERSION = 1;
/** Shard set: two characters naming the writer, then slot `a` or `b`. */
export type ShardSet = string;
const SET_RE = /^[0-9a-z]{2}[ab]$/;
const SHARD_RE = /^q:[0-9a-z]{2}[ab](?:0|[1-9]\d{0,2})$/;
const CHECKSUM_RE = /^[0-9a-z]{1,11}$/;
const MAX_SHARDS = 500;

/** The quotas of `storage.sync` (Chrome's; Firefox enforces the same sizes). */
export interface AreaLimits {
  quotaBytes: number;
  perItemBytes: number;
  maxItems: number;
}
export const SYNC_LIMITS: AreaLimits = { quotaBytes: 102_400, perItemBytes: 8_192, maxItems: 512 };

export interface Manifest {
  v: number;
  /** Generation: one more than the generation the writer replaced. */
  g: number;
  s: ShardSet;
  n: number;
  /** hash53 of the joined shards. */
  x: string;
  /** Node id of the writer, for diagnosis. */
  w: string;
  /**
   * The checksum (`x`) of the document this one replaced: a browser that finds its own there knows
   * the writer read it (a tombstone it carried reached another browser).
   */
  p?: string;
}

export type StoredValue = string | Manifest;

const encoder = new TextEncoder();

/**
 * Bytes an item counts against the quota: key plus JSON of the value. Chrome counts UTF-8 bytes;
 * our items are ASCII, and counting bytes for foreign items errs on the safe side.
 */
export function itemSize(key: string, value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  return encoder.encode(key).length + encoder.encode(json).length;
}

export const shardKey = (set: ShardSet, i: number): string => `${NAMESPACE}${set}${i}`;

/**
 * The writer's set that `current` does not use. Two browsers share a tag once in 1,296 pairs;
 * then concurrent writes can tear each other's shards, which readers detect and repair.
 */
export function freshSet(writer: string, current: ShardSet | null): ShardSet {
  const tag = hash53String(writer).slice(-2).padStart(2, '0');
  return current === `${tag}a` ? `${tag}b` : `${tag}a`;
}

/** Longest shard value that fits an item, for the longest key we use. */
export function shardLength(limits: AreaLimits): number {
  return limits.perItemBytes - shardKey('zza', MAX_SHARDS).length - 2;
}

export function splitShards(
  encoded: string,
  set: ShardSet,
  limits: AreaLimits,
): Map<string, string> {
  const len = shardLength(limits);
  const out = new Map<string, string>();
  for (let i = 0, k = 0; i < encoded.length || k === 0; i += len, k++)
    out.set(shardKey(set, k), encoded.slice(i, i + len));
  return out;
}

/** Quota bytes a document of `encodedLength` characters takes with its keys and manifest. */
export function documentBytes(encodedLength: number, limits: AreaLimits): number {
  const shards = Math.max(1, Math.ceil(encodedLength / shardLength(limits)));
  const manifest: Manifest = {
    v: FORMAT_VERSION,
    g: Number.MAX_SAFE_INTEGER,
    s: 'zza',
    n: shards,
    x: 'zzzzzzzzzzz',
    w: 'zzzzzzzzzzzzzzzz',
    p: 'zzzzzzzzzzz',
  };
  const keys = shards * (shardKey('zza', MAX_SHARDS).length + 2);
  return encodedLength + keys + itemSize(MANIFEST_KEY, manifest);
}

export function isManifest(v: unknown): v is Manifest {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m = v as Record<string, unknown>;
  return (
    Number.isSafeInteger(m.v) &&
    (m.v as number) >= 1 &&
    Number.isSafeInteger(m.g) &&
    (m.g as number) >= 0 &&
    typeof m.s === 'string' &&
    SET_RE.test(m.s) &&
    Number.isSafeInteger(m.n) &&
    (m.n as number) >= 1 &&
    (m.n as number) <= MAX_SHARDS &&
    typeof m.x === 'string' &&
    CHECKSUM_RE.test(m.x) &&
    isNodeId(m.w) &&
    (m.p === undefined || (typeof m.p === 'string' && CHECKSUM_RE.test(m.p)))
  );
}

/**
 * What a read of the sync area found. `empty`: nothing of ours. `ok`: a complete list. `torn`:
 * a manifest whose shards are missing or from another generation (a write in progress or still
 * arriving). `corrupt`: our items exist but cannot be read. `newer`: written by a newer format.
 */
export type RemoteStatus = 'empty' | 'ok' | 'torn' | 'corrupt' | 'newer';

export interface RemoteState {
  status: RemoteStatus;
  records: SyncRecord[];
  manifest: Manifest | null;
  /** The joined shards as read, when `ok` (lets a writer skip an identical write). */
  encoded: string | null;
  /** Quota bytes of every item present. */
  sizes: Map<string, number>;
  /** Keys of our shards, in any shard set. */
  shardKeys: string[];
  /** Bytes of items that are not ours (other settings, unknown `q:` items). */
  foreignBytes: number;
  /** Unknown items in our namespace, left alone. */
  ignored: number;
  /** Entries whose newest values a writer pushed over a stale copy, and in which generation. */
  pushes: Pushes;
}

function joinShards(items: Record<string, unknown>, m: Manifest): string | null {
  const parts: string[] = [];
  for (let i = 0; i < m.n; i++) {
    const v = items[shardKey(m.s, i)];
    if (typeof v !== 'string') return null;
    parts.push(v);
  }
  const joined = parts.join('');
  return hash53String(joined) === m.x ? joined : null;
}

/** Classify and decode the whole area; never throws. */
export function readArea(items: Record<string, unknown>): RemoteState {
  const sizes = new Map<string, number>();
  const shardKeys: string[] = [];
  let foreignBytes = 0;
  let ignored = 0;
  for (const [key, value] of Object.entries(items)) {
    const size = itemSize(key, value);
    sizes.set(key, size);
    if (SHARD_RE.test(key)) shardKeys.push(key);
    else if (key !== MANIFEST_KEY) {
      foreignBytes += size;
      if (key.startsWith(NAMESPACE)) ignored += 1;
    }
  }
  const base = {
    records: [],
    manifest: null,
    encoded: null,
    sizes,
    shardKeys,
    foreignBytes,
    ignored,
    pushes: new Map<string, number>(),
  };
  const raw = items[MANIFEST_KEY];
  // Shards without a manifest: a first write still arriving, or one cut short. Nothing points
  // at them, so the area holds no list yet.
  if (raw === undefined) return { ...base, status: 'empty' };
  if (!isManifest(raw)) return { ...base, status: 'corrupt' };
  if (raw.v > FORMAT_VERSION) return { ...base, manifest: raw, status: 'newer' };
  const joined = joinShards(items, raw);
  if (joined === null) return { ...base, manifest: raw, status: 'torn' };
  const doc = decodeDocument(joined);
  if (!doc) return { ...base, manifest: raw, status: 'corrupt' };
  const { records, pushes } = doc;
  return { ...base, manifest: raw, records, pushes, encoded: joined, status: 'ok' };
}

export type WriteStep = { set: Record<string, StoredValue> } | { remove: string[] };

/**
 * The storage calls that replace whatever is in the area with `encoded`, in an order where every
 * intermediate state fits the quota and is either a whole list or no list: into a fresh shard set
 * (after removing shards nothing points to, if needed), otherwise by removing the old list first.
 * Returns null when the new document cannot fit at all.
 */
export function planWrites(
  remote: RemoteState,
  encoded: string,
  writer: string,
  limits: AreaLimits,
  checksum = hash53String(encoded),
): WriteStep[] | null {
  const current = remote.manifest;
  const fresh = freshSet(writer, current?.s ?? null);
  const manifest: Manifest = {
    v: FORMAT_VERSION,
    g: (current?.g ?? 0) + 1,
    s: fresh,
    n: 0,
    x: checksum,
    w: writer,
  };
  if (current) manifest.p = current.x;
  const shards = splitShards(encoded, fresh, limits);
  manifest.n = shards.size;
  const tryPlan = (removeFirst: string[]): WriteStep[] | null => {
    const sizes = new Map(remote.sizes);
    const steps: WriteStep[] = [];
    const fits = (): boolean => {
      let total = 0;
      for (const s of sizes.values()) total += s;
      return total <= limits.quotaBytes && sizes.size <= limits.maxItems;
    };
    if (removeFirst.length) {
      for (const k of removeFirst) sizes.delete(k);
      steps.push({ remove: removeFirst });
    }
    for (const [k, v] of shards) sizes.set(k, itemSize(k, v));
    if (!fits()) return null;
    steps.push({ set: Object.fromEntries(shards) });
    sizes.set(MANIFEST_KEY, itemSize(MANIFEST_KEY, manifest));
    if (!fits()) return null;
    steps.push({ set: { [MANIFEST_KEY]: manifest } });
    const stale = [...sizes.keys()].filter((k) => SHARD_RE.test(k) && !shards.has(k));
    if (stale.length) steps.push({ remove: stale });
    return steps;
  };
  const live = new Set(
    current && remote.status !== 'newer'
      ? [...Array(current.n).keys()].map((i) => shardKey(current.s, i))
      : [],
  );
  const spare = remote.shardKeys.filter((k) => !live.has(k));
  const everything = remote.manifest ? [MANIFEST_KEY, ...remote.shardKeys] : remote.shardKeys;
  return tryPlan([]) ?? tryPlan(spare) ?? tryPlan(everything);
}
