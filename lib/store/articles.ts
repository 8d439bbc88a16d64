/**
 * The reading list: save (upsert by canonical URL), read, list, status, progress, tags, delete
 * with undo. Every write is one transaction and reports failures as StoreError, so a failed
 * write (disk full) leaves the list exactly as it was.
 */
import Dexie, { type Collection, type InsertType } from 'dexie';
import type { Article } from '../article';
import { ownSiteKey } from '../url/own-site';
import { deleteEntryData, getBody, putBody } from './bodies';
import { recordChange, stamp } from './changes';
import type { QariDb } from './db';
import {
  flag,
  joinArticle,
  newEntryRow,
  splitArticle,
  SYNC_FIELDS,
  toEntry,
  type Entry,
  type EntryRow,
  type StatusPatch,
  type SyncField,
  type TrashRow,
} from './entry';
import { guardWrite, StoreError } from './errors';
import { termsRow } from './search-terms';
import { isArticle, isTagList } from './validate';

/** How long a deleted entry can be brought back. */
export const UNDO_WINDOW_MS = 10 * 60_000;
export const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;
const STATUS_FIELDS = ['read', 'archived', 'favourite'] as const;
const META_SYNC_FIELDS = ['url', 'title', 'siteName'] as const;

export type ListFilter = 'all' | 'inbox' | 'unread' | 'archived' | 'favourites';

export interface ListOptions {
  filter?: ListFilter;
  offset?: number;
  limit?: number;
}

export interface ListPage {
  entries: Entry[];
  /** How many entries the filter holds in all (for paging). */
  total: number;
}

export interface SaveOptions {
  /** The page's `<link rel=canonical>`, preferred for dedupe when usable. */
  canonical?: string | null;
  now?: number;
}

export interface SaveResult {
  entry: Entry;
  created: boolean;
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function keyOf(url: string, hint?: string | null): Promise<string> {
  try {
    return await ownSiteKey(url, hint);
  } catch {
    throw new StoreError('invalid', 'url');
  }
}

/**
 * Save an article. Saving one that is already on the list (same canonical URL: share links,
 * AMP and mobile variants included) refreshes its article and keeps its id, savedAt and status.
 */
export async function saveArticle(
  db: QariDb,
  article: Article,
  opts: SaveOptions = {},
): Promise<SaveResult> {
  if (!isArticle(article)) throw new StoreError('invalid', 'article');
  const key = await keyOf(article.url, opts.canonical);
  const now = opts.now ?? Date.now();
  const { meta, body } = splitArticle(article);
  return guardWrite(() =>
    db.transaction('rw', [db.articles, db.bodies, db.texts, db.terms, db.changes], async () => {
      const old = await db.articles.where('canonicalUrl').equals(key).first();
      let row: EntryRow;
      let fields: SyncField[];
      if (old) {
        fields = META_SYNC_FIELDS.filter((f) => meta[f] !== old.meta[f]);
        row = {
          ...old,
          meta,
          hasBody: 1,
          updatedAt: now,
          fieldTimes: { ...old.fieldTimes, ...stamp(fields, now) },
        };
        await db.articles.put(row);
      } else {
        fields = [...SYNC_FIELDS];
        const fresh = newEntryRow(key, meta, now, { hasBody: 1, fieldTimes: stamp(fields, now) });
        row = { ...fresh, id: await db.articles.add(fresh) };
      }
      const id = row.id;
      await putBody(db, id, body);
      await db.terms.put(termsRow(id, meta, body.text));
      if (fields.length > 0)
        await recordChange(db, { canonicalUrl: key, op: 'put', fields, at: now });
      return { entry: toEntry(row), created: !old };
    }),
  );
}

export async function getEntry(db: QariDb, id: number): Promise<Entry | null> {
  const row = await db.articles.get(id);
  return row ? toEntry(row) : null;
}

/** The entry saved for a URL (any variant of it), or null. */
export async function getEntryByUrl(
  db: QariDb,
  url: string,
  canonical?: string | null,
): Promise<Entry | null> {
  const row = await db.articles
    .where('canonicalUrl')
    .equals(await keyOf(url, canonical))
    .first();
  return row ? toEntry(row) : null;
}

/** The whole saved article for the reader, or null (unknown id, or no body on this device). */
export async function getArticle(db: QariDb, id: number): Promise<Article | null> {
  return db.transaction('r', [db.articles, db.bodies, db.texts], async () => {
    const [row, body] = await Promise.all([db.articles.get(id), getBody(db, id)]);
    if (!row || !body) return null;
    return joinArticle(row.meta, body);
  });
}

/** The entries of a filter ordered by an index on [flags…, savedAt], so paging stays fast. */
function filtered(
  db: QariDb,
  filter: ListFilter,
): Collection<EntryRow, number, InsertType<EntryRow, 'id'>> {
  const { minKey, maxKey } = Dexie;
  switch (filter) {
    case 'all':
      return db.articles.orderBy('savedAt');
    case 'inbox':
      return db.articles.where('[archived+savedAt]').between([0, minKey], [0, maxKey]);
    case 'unread':
      return db.articles.where('[archived+read+savedAt]').between([0, 0, minKey], [0, 0, maxKey]);
    case 'archived':
      return db.articles.where('[archived+savedAt]').between([1, minKey], [1, maxKey]);
    case 'favourites':
      return db.articles.where('[favourite+savedAt]').between([1, minKey], [1, maxKey]);
  }
}

/**
 * A page of the list, newest first. Filters: `all`; `inbox` (not archived); `unread` (neither
 * read nor archived); `archived`; `favourites`.
 */
export async function listEntries(db: QariDb, opts: ListOptions = {}): Promise<ListPage> {
  const filter = opts.filter ?? 'all';
  const offset = Math.max(0, Math.trunc(opts.offset ?? 0));
  const limit = Math.min(MAX_PAGE, Math.max(1, Math.trunc(opts.limit ?? DEFAULT_PAGE)));
  return db.transaction('r', db.articles, async () => {
    const [total, rows] = await Promise.all([
      filtered(db, filter).count(),
      filtered(db, filter).reverse().offset(offset).limit(limit).toArray(),
    ]);
    return { entries: rows.map(toEntry), total };
  });
}

export async function countEntries(db: QariDb, filter: ListFilter = 'all'): Promise<number> {
  return filtered(db, filter).count();
}

/** Change an entry's row in one transaction and record the sync fields that changed. */
async function updateRow(
  db: QariDb,
  id: number,
  now: number,
  change: (row: EntryRow) => SyncField[],
): Promise<Entry> {
  return guardWrite(() =>
    db.transaction('rw', [db.articles, db.changes], async () => {
      const row = await db.articles.get(id);
      if (!row) throw new StoreError('not-found');
      const fields = change(row);
      if (fields.length === 0) return toEntry(row);
      row.updatedAt = now;
      row.fieldTimes = { ...row.fieldTimes, ...stamp(fields, now) };
      await db.articles.put(row);
      await recordChange(db, { canonicalUrl: row.canonicalUrl, op: 'put', fields, at: now });
      return toEntry(row);
    }),
  );
}

export async function setStatus(
  db: QariDb,
  id: number,
  patch: StatusPatch,
  now = Date.now(),
): Promise<Entry> {
  return updateRow(db, id, now, (row) => {
    const changed: SyncField[] = [];
    for (const f of STATUS_FIELDS) {
      const v = patch[f];
      if (v === undefined || flag(v) === row[f]) continue;
      row[f] = flag(v);
      changed.push(f);
    }
    return changed;
  });
}

/** Record the reading position (0..1; out-of-range values are clamped). */
export async function setProgress(
  db: QariDb,
  id: number,
  progress: number,
  now = Date.now(),
): Promise<Entry> {
  if (!Number.isFinite(progress)) throw new StoreError('invalid', 'progress');
  const p = Math.min(1, Math.max(0, progress));
  return updateRow(db, id, now, (row) => {
    if (row.progress === p) return [];
    row.progress = p;
    return ['progress'];
  });
}

export async function setTags(
  db: QariDb,
  id: number,
  tags: string[],
  now = Date.now(),
): Promise<Entry> {
  if (!isTagList(tags)) throw new StoreError('invalid', 'tags');
  const clean = [...new Set(tags.map((t) => t.trim()))];
  return updateRow(db, id, now, (row) => {
    if (clean.length === row.tags.length && clean.every((t, i) => t === row.tags[i])) return [];
    row.tags = clean;
    return ['tags'];
  });
}

async function purgeExpired(db: QariDb, now: number, maxAgeMs: number): Promise<number> {
  return db.trash
    .where('deletedAt')
    .below(now - maxAgeMs)
    .delete();
}

/** Forget deleted entries older than the undo window; returns how many. */
export async function purgeTrash(
  db: QariDb,
  now = Date.now(),
  maxAgeMs = UNDO_WINDOW_MS,
): Promise<number> {
  return guardWrite(() => db.transaction('rw', db.trash, () => purgeExpired(db, now, maxAgeMs)));
}

/**
 * Delete entries. They move to the trash whole (entry, body, search terms), so `undoDelete`
 * with the returned token restores them exactly within the undo window.
 */
export async function deleteEntries(
  db: QariDb,
  ids: number[],
  now = Date.now(),
): Promise<{ undoToken: string; count: number }> {
  const tables = [db.articles, db.bodies, db.texts, db.terms, db.trash, db.changes];
  return guardWrite(() =>
    db.transaction('rw', tables, async () => {
      const rows = (await db.articles.bulkGet([...new Set(ids)])).filter((r) => r !== undefined);
      if (rows.length === 0) throw new StoreError('not-found');
      await purgeExpired(db, now, UNDO_WINDOW_MS);
      const batch = newToken();
      for (const entry of rows) {
        const id = entry.id;
        const [body, terms] = await Promise.all([getBody(db, id), db.terms.get(id)]);
        const item: TrashRow = { id, batch, deletedAt: now, entry, body, terms: terms ?? null };
        await db.trash.put(item);
        await deleteEntryData(db, id);
        await recordChange(db, {
          canonicalUrl: entry.canonicalUrl,
          op: 'delete',
          fields: [...SYNC_FIELDS],
          at: now,
        });
      }
      return { undoToken: batch, count: rows.length };
    }),
  );
}

/**
 * Bring back the entries of a delete. An entry saved again meanwhile under the same canonical
 * URL gives way to the restored one, which is what the reader asked for.
 */
export async function undoDelete(
  db: QariDb,
  undoToken: string,
  now = Date.now(),
): Promise<Entry[]> {
  const tables = [db.articles, db.bodies, db.texts, db.terms, db.trash, db.changes];
  return guardWrite(() =>
    db.transaction('rw', tables, async () => {
      const items = await db.trash.where('batch').equals(undoToken).toArray();
      const live = items.filter((t) => t.deletedAt >= now - UNDO_WINDOW_MS);
      if (live.length === 0) throw new StoreError('undo-expired');
      for (const t of live) {
        const clash = await db.articles.where('canonicalUrl').equals(t.entry.canonicalUrl).first();
        if (clash && clash.id !== t.id) await deleteEntryData(db, clash.id);
        await db.articles.put(t.entry);
        if (t.body) await putBody(db, t.id, t.body);
        await db.terms.put(t.terms ?? termsRow(t.id, t.entry.meta, t.body?.text ?? null));
        await db.trash.delete(t.id);
        await recordChange(db, {
          canonicalUrl: t.entry.canonicalUrl,
          op: 'put',
          fields: [...SYNC_FIELDS],
          at: now,
        });
      }
      return live.map((t) => toEntry(t.entry));
    }),
  );
}
