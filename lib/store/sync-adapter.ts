/**
 * What a sync engine needs from the reading list, keyed by canonical URL: the entries' sync
 * fields, the outbox of local changes (read, then acknowledge), a signal when it grows, and a
 * way to apply merged remote state without it echoing back into the outbox. Bodies stay local:
 * an entry first known from another browser is created without one (`hasBody: false`) and
 * gets it when the reader saves the page here.
 *
 * Contract for the engine: read `changesSince` before merging; a change recorded after that is
 * a newer local edit and must not be dropped. `fieldTimes` are wall-clock times of local edits
 * only; remote updates leave them as they are.
 */
import { canonicalUrl } from '../url/canonical';
import { deleteEntryData } from './bodies';
import { ackChanges, changesSince, observeChanges } from './changes';
import type { QariDb } from './db';
import {
  newEntryRow,
  toEntry,
  type ArticleMeta,
  type ChangeRow,
  type EntryRow,
  type SyncField,
} from './entry';
import { guardWrite, StoreError } from './errors';
import { termsRow } from './search-terms';
import { isPlainObject, isString, isTagList, isWebUrl, LIMITS } from './validate';

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

export interface LocalSyncEntry extends SyncValues {
  canonicalUrl: string;
  updatedAt: number;
  hasBody: boolean;
  fieldTimes: Partial<Record<SyncField, number>>;
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

function toSyncEntry(row: EntryRow): LocalSyncEntry {
  const e = toEntry(row);
  return {
    canonicalUrl: e.canonicalUrl,
    url: e.article.url,
    title: e.article.title,
    siteName: e.article.siteName,
    savedAt: e.savedAt,
    updatedAt: e.updatedAt,
    read: e.read,
    archived: e.archived,
    favourite: e.favourite,
    progress: e.progress,
    tags: e.tags,
    hasBody: e.hasBody,
    fieldTimes: row.fieldTimes,
  };
}

export async function listSyncEntries(db: QariDb): Promise<LocalSyncEntry[]> {
  return (await db.articles.toArray()).map(toSyncEntry);
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

function stubMeta(key: string, f: Partial<SyncValues>): ArticleMeta {
  return {
    url: f.url ?? key,
    title: f.title ?? '',
    byline: null,
    siteName: f.siteName ?? null,
    published: null,
    lang: 'ar',
    dir: 'rtl',
    excerpt: '',
    leadImage: null,
    wordCount: 0,
    readingMinutes: 0,
  };
}

function patchRow(row: Omit<EntryRow, 'id'>, f: Partial<SyncValues>): void {
  row.meta = {
    ...row.meta,
    url: f.url ?? row.meta.url,
    title: f.title ?? row.meta.title,
    siteName: f.siteName !== undefined ? f.siteName : row.meta.siteName,
  };
  if (f.savedAt !== undefined) row.savedAt = f.savedAt;
  if (f.read !== undefined) row.read = f.read ? 1 : 0;
  if (f.archived !== undefined) row.archived = f.archived ? 1 : 0;
  if (f.favourite !== undefined) row.favourite = f.favourite ? 1 : 0;
  if (f.progress !== undefined) row.progress = f.progress;
  if (f.tags !== undefined) row.tags = [...f.tags];
}

async function applyOne(
  db: QariDb,
  u: RemoteUpdate,
  now: number,
): Promise<keyof ApplyReport | null> {
  const key = canonicalUrl(u.canonicalUrl);
  const old = await db.articles.where('canonicalUrl').equals(key).first();
  if (u.deleted) {
    if (!old) return null;
    await deleteEntryData(db, old.id);
    return 'deleted';
  }
  const f = u.fields ?? {};
  if (!old) {
    const row = newEntryRow(key, stubMeta(key, f), now, { savedAt: f.savedAt ?? now });
    patchRow(row, f);
    const id = await db.articles.add(row);
    await db.terms.put(termsRow(id, row.meta, null));
    return 'created';
  }
  const row = { ...old, updatedAt: now };
  patchRow(row, f);
  await db.articles.put(row);
  if (row.meta.title !== old.meta.title || row.meta.siteName !== old.meta.siteName) {
    const text = await db.texts.get(old.id);
    await db.terms.put(termsRow(old.id, row.meta, text?.text ?? null));
  }
  return 'updated';
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
  await guardWrite(() =>
    db.transaction('rw', [db.articles, db.bodies, db.texts, db.terms], async () => {
      for (const u of updates) {
        const what = await applyOne(db, u, now);
        if (what) report[what] += 1;
      }
    }),
  );
  return report;
}

/** The reading list as a sync engine's local side, bound to one database. */
export interface StoreSyncSource {
  list(): Promise<LocalSyncEntry[]>;
  changesSince(seq: number, limit?: number): Promise<ChangeRow[]>;
  ack(seq: number): Promise<void>;
  apply(updates: RemoteUpdate[]): Promise<ApplyReport>;
  /** Called with the newest outbox sequence number when a local change is recorded. */
  observe(onChange: (lastSeq: number) => void): () => void;
}

export function createStoreSyncSource(db: QariDb): StoreSyncSource {
  return {
    list: () => listSyncEntries(db),
    changesSince: (seq, limit) => changesSince(db, seq, limit),
    ack: (seq) => ackChanges(db, seq),
    apply: (updates) => applyRemote(db, updates),
    observe: (onChange) => observeChanges(db, onChange),
  };
}
