/**
 * What syncs for one reading-list entry, keyed by its canonical URL (`lib/url/canonical.ts`).
 * Article bodies stay on the browser that saved them; the sync area carries only the list.
 *
 * An entry's history is a series of lives. Saving an entry that is absent or deleted starts a
 * life, stamped `born`; every field is set at that moment, so a life never inherits a value from
 * an earlier one. Edits stamp single fields. Deleting ends the life with a tombstone stamped `del`.
 * Whatever is latest by HLC wins: a delete beats every edit of the life it ends (even an edit
 * stamped after it, made by a browser that had not heard of the delete yet), and only a save
 * stamped after the delete brings the URL back, as a new life with fresh fields.
 *
 * Tombstones: the sync area keeps one for SYNC_TOMBSTONE_TTL_MS (60 days) after each browser
 * received it (or it was last re-published), then writers prune it to save quota. Each browser keeps its
 * own copy much longer (LOCAL_TOMBSTONE_TTL_MS, a year): the tombstone is that entry's "deleted
 * before" watermark. A browser that comes back after months with the old life still alive would
 * otherwise bring it back into the sync area; the other browsers' merge sees the old life lose to
 * their local tombstone and re-publishes the tombstone (with a fresh `kept` time) so the stale
 * browser deletes its copy too. A tombstone carries the entry id (a hash of the URL), not the URL.
 */
import { compareHlc, isHlc, MAX_COUNTER, type Hlc, type HlcClock } from './hlc';
import { hash53String } from './hash';

export const SYNC_TOMBSTONE_TTL_MS = 60 * 24 * 3600_000;
export const LOCAL_TOMBSTONE_TTL_MS = 365 * 24 * 3600_000;

export const MAX_URL = 2048;
export const MAX_TITLE = 512;
export const MAX_SITE = 200;
export const MAX_TAGS = 20;
export const MAX_TAG = 40;
/** Progress is kept in thousandths so that it survives the sync encoding exactly. */
export const PROGRESS_STEPS = 1000;

const ID_RE = /^[0-9a-z]{1,11}$/;

export interface EntryFields {
  title: string;
  site: string;
  savedAt: number;
  read: boolean;
  archived: boolean;
  favourite: boolean;
  /** Reading position, 0..1. */
  progress: number;
  tags: string[];
}

export type FieldName = keyof EntryFields;
export const FIELD_NAMES: readonly FieldName[] = [
  'title',
  'site',
  'savedAt',
  'read',
  'archived',
  'favourite',
  'progress',
  'tags',
];

export interface Stamped<T> {
  v: T;
  h: Hlc;
}
export type StampedFields = { [K in FieldName]: Stamped<EntryFields[K]> };

/** An entry that exists: its URL, the start of its current life and each field's last write. */
export interface LiveRecord {
  id: string;
  url: string;
  born: Hlc;
  f: StampedFields;
}

/**
 * A deleted entry. `url` is known locally but never sent; `kept` marks a re-publication (a
 * larger `kept` restarts the tombstone's life on every browser that receives it). `at` is when
 * this browser received (or made) this version of the tombstone, by its own clock, and is never
 * sent: lifetimes count from it, so a deleting browser's wrong clock cannot age a delete.
 * `pruned` (local too) is the generation of the sync area this browser wrote without it when its
 * life here ended. `shared` (local too) says another browser is known to have this version: an
 * area it wrote carried it, or was written over a document of ours that carried it (`sent`, the
 * checksum of the last such document, local too). Until then no other browser is known to have the
 * delete, so it neither ages nor is forgotten: a browser that deleted while cut off, its clock then
 * set a year ahead, would otherwise drop the delete before anyone heard of it, and the others' copy
 * of the life it ended would come back.
 */
export interface DeadRecord {
  id: string;
  url?: string;
  del: Hlc;
  kept?: number;
  at?: number;
  pruned?: number;
  shared?: true;
  sent?: string;
}

export type SyncRecord = LiveRecord | DeadRecord;

/** An entry's values without sync metadata, as the list shows them. */
export interface SyncEntry extends EntryFields {
  id: string;
  url: string;
}

export const isLive = (r: SyncRecord): r is LiveRecord => 'born' in r;

/** The sync id of a canonical URL. */
export const entryId = (url: string): string => hash53String(url);

const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

const FIELD_CHECKS: { [K in FieldName]: (v: unknown) => v is EntryFields[K] } = {
  title: (v): v is string => isStr(v, MAX_TITLE),
  site: (v): v is string => isStr(v, MAX_SITE),
  savedAt: (v): v is number => Number.isSafeInteger(v) && (v as number) >= 0,
  read: (v): v is boolean => typeof v === 'boolean',
  archived: (v): v is boolean => typeof v === 'boolean',
  favourite: (v): v is boolean => typeof v === 'boolean',
  progress: (v): v is number =>
    typeof v === 'number' &&
    v >= 0 &&
    v <= 1 &&
    Math.round(v * PROGRESS_STEPS) / PROGRESS_STEPS === v,
  tags: (v): v is string[] =>
    Array.isArray(v) &&
    v.length <= MAX_TAGS &&
    v.every((t) => isStr(t, MAX_TAG) && t.length > 0) &&
    new Set(v).size === v.length,
};

export function isFieldValue<K extends FieldName>(name: K, v: unknown): v is EntryFields[K] {
  return FIELD_CHECKS[name](v);
}

/** Bring a value within what the sync format carries (lengths, progress steps). */
export function cleanField<K extends FieldName>(name: K, v: EntryFields[K]): EntryFields[K] {
  switch (name) {
    case 'title':
      return (v as string).trim().slice(0, MAX_TITLE) as EntryFields[K];
    case 'site':
      return (v as string).trim().slice(0, MAX_SITE) as EntryFields[K];
    case 'savedAt':
      return Math.max(0, Math.floor(v as number)) as EntryFields[K];
    case 'progress': {
      const p = Number.isFinite(v) ? Math.min(1, Math.max(0, v as number)) : 0;
      return (Math.round(p * PROGRESS_STEPS) / PROGRESS_STEPS) as EntryFields[K];
    }
    case 'tags': {
      const tags = (v as string[]).map((t) => t.trim().slice(0, MAX_TAG)).filter(Boolean);
      return [...new Set(tags)].slice(0, MAX_TAGS) as EntryFields[K];
    }
    default:
      return v;
  }
}

export interface NewEntry {
  title: string;
  site: string;
  savedAt?: number;
  read?: boolean;
  archived?: boolean;
  favourite?: boolean;
  progress?: number;
  tags?: string[];
}

/** Start a life for `url` at `h`: every field is stamped with `h`. */
export function newRecord(url: string, init: NewEntry, h: Hlc): LiveRecord {
  if (url.length === 0 || url.length > MAX_URL) throw new Error('url length out of range');
  const values: EntryFields = {
    title: init.title,
    site: init.site,
    savedAt: init.savedAt ?? h.w,
    read: init.read ?? false,
    archived: init.archived ?? false,
    favourite: init.favourite ?? false,
    progress: init.progress ?? 0,
    tags: init.tags ?? [],
  };
  const f = {} as Record<FieldName, Stamped<unknown>>;
  for (const name of FIELD_NAMES) f[name] = { v: cleanField(name, values[name] as never), h };
  return { id: entryId(url), url, born: h, f: f as StampedFields };
}

/** Stamp the patched fields with `h` (even when the value is unchanged: this write is newer). */
export function editRecord(rec: LiveRecord, patch: Partial<EntryFields>, h: Hlc): LiveRecord {
  const f = { ...rec.f } as Record<FieldName, Stamped<unknown>>;
  for (const name of FIELD_NAMES) {
    const v = patch[name];
    if (v !== undefined) f[name] = { v: cleanField(name, v as never), h };
  }
  return { ...rec, f: f as StampedFields };
}

export function deleteRecord(rec: SyncRecord, h: Hlc): DeadRecord {
  return rec.url === undefined ? { id: rec.id, del: h } : { id: rec.id, url: rec.url, del: h };
}

export function entryOf(rec: LiveRecord): SyncEntry {
  const out = { id: rec.id, url: rec.url } as SyncEntry;
  for (const name of FIELD_NAMES) (out as unknown as Record<string, unknown>)[name] = rec.f[name].v;
  return out;
}

/** Every timestamp in a record, for catching a clock up with what it has stored. */
export function recordHlcs(r: SyncRecord): Hlc[] {
  return isLive(r) ? [r.born, ...FIELD_NAMES.map((n) => r.f[n].h)] : [r.del];
}

/**
 * The stamp for a local write to `rec`: after every stamp the record carries. A page's clock has
 * not necessarily seen what the engine merged in from a browser whose clock runs ahead; without
 * this, a reader who sees "read" and clicks "unread" could lose to the write they just undid.
 */
export function stampFor(clock: HlcClock, rec?: SyncRecord): Hlc {
  if (rec) for (const h of recordHlcs(rec)) clock.receive(h);
  const h = clock.now();
  // The clock does not follow a stamp from a clock far ahead (`hlc.ts`), but an edit of what
  // the reader sees must still come after it.
  const last = rec ? recordHlcs(rec).reduce((a, b) => (compareHlc(a, b) >= 0 ? a : b)) : null;
  if (!last || compareHlc(h, last) > 0) return h;
  return last.c < MAX_COUNTER
    ? { w: last.w, c: last.c + 1, n: h.n }
    : { w: last.w + 1, c: 0, n: h.n };
}

/** A tombstone's version in stamps (the same on every browser): its delete, then re-publication. */
export const tombstoneTime = (r: DeadRecord): number => Math.max(r.del.w, r.kept ?? 0);

function validFields(v: unknown, born: Hlc): v is StampedFields {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  if (Object.keys(f).length !== FIELD_NAMES.length) return false;
  return FIELD_NAMES.every((name) => {
    const s = f[name] as Partial<Stamped<unknown>> | undefined;
    return (
      typeof s === 'object' &&
      s !== null &&
      isHlc(s.h) &&
      compareHlc(s.h, born) >= 0 &&
      isFieldValue(name, s.v)
    );
  });
}

/** Full structural check of a record from outside (the sync area, a local store). */
export function isSyncRecord(v: unknown): v is SyncRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  if (typeof r.id !== 'string' || !ID_RE.test(r.id)) return false;
  if (
    r.url !== undefined &&
    !(isStr(r.url, MAX_URL) && r.url.length > 0 && entryId(r.url) === r.id)
  )
    return false;
  if ('born' in r) {
    return r.url !== undefined && isHlc(r.born) && !('del' in r) && validFields(r.f, r.born as Hlc);
  }
  return (
    isHlc(r.del) &&
    !('f' in r) &&
    (r.kept === undefined || (Number.isSafeInteger(r.kept) && (r.kept as number) > r.del.w)) &&
    (r.at === undefined || (Number.isSafeInteger(r.at) && (r.at as number) >= 0)) &&
    (r.pruned === undefined || (Number.isSafeInteger(r.pruned) && (r.pruned as number) >= 0)) &&
    (r.shared === undefined || r.shared === true) &&
    (r.sent === undefined || (typeof r.sent === 'string' && r.sent.length <= 16))
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * Whether two records carry the same state (a tombstone's URL, `at`, `pruned`, `shared` and `sent` are local and
 * ignored).
 */
/** Whether two versions of a tombstone differ in what only this browser knows of them. */
export const sameLocalState = (a: SyncRecord, b: SyncRecord): boolean =>
  isLive(a) ||
  isLive(b) ||
  ((a as DeadRecord).at === (b as DeadRecord).at &&
    (a as DeadRecord).pruned === (b as DeadRecord).pruned &&
    (a as DeadRecord).shared === (b as DeadRecord).shared &&
    (a as DeadRecord).sent === (b as DeadRecord).sent);

export function sameRecord(a: SyncRecord, b: SyncRecord): boolean {
  if (a.id !== b.id) return false;
  if (isLive(a) !== isLive(b)) return false;
  if (isLive(a) && isLive(b)) {
    if (a.url !== b.url || compareHlc(a.born, b.born) !== 0) return false;
    return FIELD_NAMES.every(
      (n) => compareHlc(a.f[n].h, b.f[n].h) === 0 && sameValue(a.f[n].v, b.f[n].v),
    );
  }
  const da = a as DeadRecord;
  const db = b as DeadRecord;
  return compareHlc(da.del, db.del) === 0 && da.kept === db.kept;
}
