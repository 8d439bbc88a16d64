/**
 * Applying merged remote state to the reading list: what the sync adapter (`sync-local.ts`)
 * writes once it has merged another browser's records, keyed by canonical URL. The updates are
 * checked, then written through the write path as a peer's change: nothing reaches the outbox
 * (it came from sync), and bodies stay local: an entry first known from another browser is
 * created without one (`hasBody: false`) and gets it when the reader opens or saves it here.
 */
import { canonicalUrl } from '../url/canonical';
import type { QariDb } from './db';
import { newEntryRow, placeholderMeta, type EntryRow, type SyncField } from './entry';
import { StoreError } from './errors';
import { isPlainObject, isString, isTagList, isWebUrl, LIMITS } from './validate';
import { changedSyncFields, writeEntry, writing, type NextRow } from './write';

export interface SyncValues {
  url: string;
  title: string;
  siteName: string | null;
  savedAt: number;
  read: boolean;
  archived: boolean;
  favourite: boolean;
  progress: number;
  tags: string[];
}

export interface RemoteUpdate {
  canonicalUrl: string;
  /** The merged state says the entry is deleted. */
  deleted?: boolean;
  /** Fields to set; the others stay as they are. */
  fields?: Partial<SyncValues>;
}

export interface ApplyReport {
  created: number;
  updated: number;
  deleted: number;
}

const isTime = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const FIELD_GUARDS: Record<SyncField, (v: unknown) => boolean> = {
  url: isWebUrl,
  title: (v) => isString(v, LIMITS.title),
  siteName: (v) => v === null || isString(v, LIMITS.short),
  savedAt: isTime,
  read: (v) => typeof v === 'boolean',
  archived: (v) => typeof v === 'boolean',
  favourite: (v) => typeof v === 'boolean',
  progress: (v) => typeof v === 'number' && v >= 0 && v <= 1,
  tags: isTagList,
};

function isRemoteUpdate(u: unknown): u is RemoteUpdate {
  if (!isPlainObject(u) || !isWebUrl(u.canonicalUrl)) return false;
  if (u.deleted !== undefined && typeof u.deleted !== 'boolean') return false;
  if (u.fields === undefined) return true;
  if (!isPlainObject(u.fields)) return false;
  return Object.entries(u.fields).every(
    ([k, v]) => Object.hasOwn(FIELD_GUARDS, k) && FIELD_GUARDS[k as SyncField](v),
  );
}

function patchRow(row: NextRow, f: Partial<SyncValues>): NextRow {
  const next: NextRow = {
    ...row,
    meta: {
      ...row.meta,
      url: f.url ?? row.meta.url,
      title: f.title ?? row.meta.title,
      siteName: f.siteName !== undefined ? f.siteName : row.meta.siteName,
    },
  };
  if (f.savedAt !== undefined) next.savedAt = f.savedAt;
  if (f.read !== undefined) next.read = f.read ? 1 : 0;
  if (f.archived !== undefined) next.archived = f.archived ? 1 : 0;
  if (f.favourite !== undefined) next.favourite = f.favourite ? 1 : 0;
  if (f.progress !== undefined) next.progress = f.progress;
  if (f.tags !== undefined) next.tags = [...f.tags];
  return next;
}

/** The row a peer's update makes of the listed one (null: delete; undefined: nothing to do). */
function peerRow(
  key: string,
  old: EntryRow | undefined,
  u: RemoteUpdate,
  now: number,
): NextRow | null | undefined {
  if (u.deleted) return old ? null : undefined;
  const f = u.fields ?? {};
  if (old) {
    // A peer's update that changes nothing here is no change: the list (and the popup) stay put.
    const next = patchRow(old, f);
    return changedSyncFields(old, next).length > 0 ? { ...next, updatedAt: now } : undefined;
  }
  const meta = placeholderMeta(f.url ?? key, f.title ?? '', f.siteName ?? null);
  return patchRow(newEntryRow(key, meta, now, { savedAt: f.savedAt ?? now }), f);
}

async function applyOne(
  db: QariDb,
  u: RemoteUpdate,
  now: number,
): Promise<keyof ApplyReport | null> {
  const key = canonicalUrl(u.canonicalUrl);
  const old = await db.articles.where('canonicalUrl').equals(key).first();
  const after = peerRow(key, old, u, now);
  if (after === undefined) return null;
  await writeEntry(db, { before: old ?? null, after, origin: 'peer' }, now);
  return after === null ? 'deleted' : old ? 'updated' : 'created';
}

/**
 * Apply merged remote state in one transaction. Nothing is recorded in the outbox (it came from
 * sync). Throws StoreError `invalid` without writing if any update is malformed.
 */
export async function applyRemote(
  db: QariDb,
  updates: RemoteUpdate[],
  now = Date.now(),
): Promise<ApplyReport> {
  if (!updates.every(isRemoteUpdate)) throw new StoreError('invalid', 'remote update');
  const report: ApplyReport = { created: 0, updated: 0, deleted: 0 };
  await writing(db, async () => {
    for (const u of updates) {
      const what = await applyOne(db, u, now);
      if (what) report[what] += 1;
    }
  });
  return report;
}
