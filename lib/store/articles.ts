/**
 * The reading list: save (upsert by canonical URL), read, list, status, progress, tags, delete
 * with undo. Each write is a policy: it computes the entry's new row from the old one and hands
 * both to the write path (`lib/store/write.ts`), in one transaction that reports failures as
 * StoreError, so a failed write (disk full) leaves the list exactly as it was.
 */
import Dexie, { type Collection, type InsertType } from 'dexie';
import type { Article } from '../article';
import { ownSiteRule } from '../url/own-site';
import { articleKeys } from './addresses';
import { getBody } from './bodies';
import type { QariDb } from './db';
import {
  flag,
  joinArticle,
  newEntryRow,
  splitArticle,
  toEntry,
  type Entry,
  type EntryRow,
  type StatusPatch,
  type TrashRow,
} from './entry';
import { guardWrite, StoreError } from './errors';
import { findEntry } from './find';
import { analyzeAhead } from './search-terms';
import { isArticle, isTagList } from './validate';
import { writeEntries, writeEntry, writing } from './write';

/** How long a deleted entry can be brought back. */
export const UNDO_WINDOW_MS = 10 * 60_000;
export const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;
const STATUS_FIELDS = ['read', 'archived', 'favourite'] as const;

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
  /** The page's `<link rel=canonical>` when the article does not carry it (`Article.canonical`). */
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

/** Keys with the canonical link believed only for the page's own site (registrable domain). */
async function keysOf(url: string, canonical?: string | null): Promise<string[]> {
  const keys = articleKeys(url, canonical, await ownSiteRule());
  if (keys.length === 0) throw new StoreError('invalid', 'url');
  return keys;
}

/**
 * Save an article. Saving one that is already on the list (under any of its addresses: share
 * links, AMP and mobile variants, its canonical link) refreshes its article and keeps its id,
 * savedAt and status (README, "When two versions of an entry meet").
 */
export async function saveArticle(
  db: QariDb,
  article: Article,
  opts: SaveOptions = {},
): Promise<SaveResult> {
  if (!isArticle(article)) throw new StoreError('invalid', 'article');
  const keys = await keysOf(article.url, article.canonical ?? opts.canonical);
  const now = opts.now ?? Date.now();
  const { meta, body } = splitArticle(article);
  return writing(db, async () => {
    const found = findEntry(db, keys);
    // While the lookup runs: the row's terms come from the article, unless the entry has notes.
    analyzeAhead(meta, body.text);
    const old = (await found) ?? null;
    const after = old
      ? resaved(old, meta, keys, now)
      : newEntryRow(keys[0]!, meta, now, { hasBody: 1, addresses: keys });
    const row = await writeEntry(db, { before: old, after, body, origin: 'reader' }, now);
    return { entry: toEntry(row!), created: !old };
  });
}

/** A saved entry saved again: the new article, the same id, key, saved date and status. */
function resaved(old: EntryRow, meta: EntryRow['meta'], keys: string[], now: number): EntryRow {
  const row: EntryRow = {
    ...old,
    meta,
    hasBody: 1,
    updatedAt: now,
    addresses: [...old.addresses, ...keys],
  };
  delete row.importFailure;
  return row;
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
  const row = await findEntry(db, await keysOf(url, canonical));
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

/** Change an entry's row by `change` (null: nothing to change) as the reader's own edit. */
async function updateRow(
  db: QariDb,
  id: number,
  now: number,
  change: (row: EntryRow) => Partial<EntryRow> | null,
): Promise<Entry> {
  return writing(db, async () => {
    const row = await db.articles.get(id);
    if (!row) throw new StoreError('not-found');
    const patch = change(row);
    if (!patch) return toEntry(row);
    const after = { ...row, ...patch, updatedAt: now };
    return toEntry((await writeEntry(db, { before: row, after, origin: 'reader' }, now))!);
  });
}

export async function setStatus(
  db: QariDb,
  id: number,
  patch: StatusPatch,
  now = Date.now(),
): Promise<Entry> {
  return updateRow(db, id, now, (row) => {
    const changed: Partial<EntryRow> = {};
    for (const f of STATUS_FIELDS) {
      const v = patch[f];
      if (v !== undefined && flag(v) !== row[f]) changed[f] = flag(v);
    }
    return Object.keys(changed).length > 0 ? changed : null;
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
  return updateRow(db, id, now, (row) => (row.progress === p ? null : { progress: p }));
}

export async function setTags(
  db: QariDb,
  id: number,
  tags: string[],
  now = Date.now(),
): Promise<Entry> {
  if (!isTagList(tags)) throw new StoreError('invalid', 'tags');
  const clean = [...new Set(tags.map((t) => t.trim()))];
  return updateRow(db, id, now, (row) =>
    clean.length === row.tags.length && clean.every((t, i) => t === row.tags[i])
      ? null
      : { tags: clean },
  );
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
  return writing(db, async () => {
    const rows = (await db.articles.bulkGet([...new Set(ids)])).filter((r) => r !== undefined);
    if (rows.length === 0) throw new StoreError('not-found');
    await purgeExpired(db, now, UNDO_WINDOW_MS);
    const batch = newToken();
    for (const entry of rows) {
      const id = entry.id;
      const [body, terms] = await Promise.all([getBody(db, id), db.terms.get(id)]);
      await db.trash.put({ id, batch, deletedAt: now, entry, body, terms: terms ?? null });
    }
    const deletes = rows.map((entry) => ({
      before: entry,
      after: null,
      origin: 'reader' as const,
    }));
    await writeEntries(db, deletes, now);
    return { undoToken: batch, count: rows.length };
  }, [db.trash]);
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
  return writing(db, async () => {
    const items = await db.trash.where('batch').equals(undoToken).toArray();
    const live = items.filter((t) => t.deletedAt >= now - UNDO_WINDOW_MS);
    if (live.length === 0) throw new StoreError('undo-expired');
    for (const t of live) await restore(db, t, now);
    return live.map((t) => toEntry(t.entry));
  }, [db.trash]);
}

async function restore(db: QariDb, t: TrashRow, now: number): Promise<void> {
  const clash = await db.articles.where('canonicalUrl').equals(t.entry.canonicalUrl).first();
  const body = t.body && { content: t.body.content, text: t.body.text, sections: t.body.sections };
  await writeEntry(db, { before: clash ?? null, after: t.entry, body, origin: 'reader' }, now);
  await db.trash.delete(t.id);
}
