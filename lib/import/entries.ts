/**
 * The reading-list side of an import: every link becomes an entry at once (body-less, so it shows
 * in the list and search finds its title), merged with the entry already saved for the same
 * article; later the fetched article is attached to that entry, or the failure reason is.
 */
import type { Article } from '../article';
import { putBody } from '../store/bodies';
import { recordChange, stamp } from '../store/changes';
import type { QariDb } from '../store/db';
import {
  flag,
  newEntryRow,
  splitArticle,
  SYNC_FIELDS,
  type ArticleMeta,
  type EntryRow,
  type SyncField,
} from '../store/entry';
import { guardWrite } from '../store/errors';
import { termsRow } from '../store/search-terms';
import { canonicalUrl } from '../url/canonical';
import type { ImportItem } from './types';

const STATUS = ['read', 'archived', 'favourite'] as const;

export interface LinkEntry {
  canonicalUrl: string;
  entryId: number;
  /** The entry already has its article: nothing to fetch. */
  hasBody: boolean;
  created: boolean;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The list metadata of a link whose page has not been fetched yet. */
export function linkMeta(item: ImportItem): ArticleMeta {
  return {
    url: item.url,
    title: item.title || item.url,
    byline: null,
    siteName: hostOf(item.url) || null,
    published: null,
    lang: '',
    dir: 'rtl',
    excerpt: '',
    leadImage: null,
    wordCount: 0,
    readingMinutes: 0,
  };
}

/** Fold an imported link's state into a saved entry: read/archived/favourite on either side win. */
function mergeState(row: EntryRow, item: ImportItem): SyncField[] {
  const changed: SyncField[] = [];
  for (const f of STATUS) {
    if (item[f] && row[f] === 0) {
      row[f] = flag(true);
      changed.push(f);
    }
  }
  const tags = [...new Set([...row.tags, ...item.tags])];
  if (tags.length !== row.tags.length) {
    row.tags = tags;
    changed.push('tags');
  }
  if (item.savedAt < row.savedAt) {
    row.savedAt = item.savedAt;
    changed.push('savedAt');
  }
  return changed;
}

async function addOrMerge(db: QariDb, item: ImportItem, now: number): Promise<LinkEntry> {
  const key = canonicalUrl(item.url);
  const old = await db.articles.where('canonicalUrl').equals(key).first();
  if (old) {
    const fields = mergeState(old, item);
    if (fields.length > 0) {
      old.updatedAt = now;
      old.fieldTimes = { ...old.fieldTimes, ...stamp(fields, now) };
      await db.articles.put(old);
      await recordChange(db, { canonicalUrl: key, op: 'put', fields, at: now });
    }
    return { canonicalUrl: key, entryId: old.id, hasBody: old.hasBody === 1, created: false };
  }
  const meta = linkMeta(item);
  const row = newEntryRow(key, meta, now, {
    savedAt: item.savedAt,
    read: flag(item.read),
    archived: flag(item.archived),
    favourite: flag(item.favourite),
    tags: item.tags,
    fieldTimes: stamp([...SYNC_FIELDS], now),
  });
  const id = await db.articles.add(row);
  await db.terms.put(termsRow(id, meta, null));
  await recordChange(db, { canonicalUrl: key, op: 'put', fields: [...SYNC_FIELDS], at: now });
  return { canonicalUrl: key, entryId: id, hasBody: false, created: true };
}

/** Create or merge the entries of a batch of links in one transaction. */
export async function addLinkEntries(
  db: QariDb,
  items: readonly ImportItem[],
  now = Date.now(),
): Promise<LinkEntry[]> {
  return guardWrite(() =>
    db.transaction('rw', [db.articles, db.terms, db.changes], async () => {
      const out: LinkEntry[] = [];
      for (const item of items) out.push(await addOrMerge(db, item, now));
      return out;
    }),
  );
}

/**
 * Give an imported entry its fetched article. The entry keeps the URL it was imported with (the
 * redirect's end may differ) and its status; false when the entry was deleted meanwhile.
 */
export async function attachArticle(
  db: QariDb,
  entryId: number,
  article: Article,
  now = Date.now(),
): Promise<boolean> {
  const { meta, body } = splitArticle(article);
  return guardWrite(() =>
    db.transaction('rw', [db.articles, db.bodies, db.texts, db.terms, db.changes], async () => {
      const row = await db.articles.get(entryId);
      if (!row) return false;
      const next: ArticleMeta = { ...meta, url: row.meta.url, title: meta.title || row.meta.title };
      const fields = (['title', 'siteName'] as const).filter((f) => next[f] !== row.meta[f]);
      const updated: EntryRow = { ...row, meta: next, hasBody: 1, updatedAt: now };
      delete updated.importFailure;
      if (fields.length > 0) updated.fieldTimes = { ...row.fieldTimes, ...stamp(fields, now) };
      await db.articles.put(updated);
      await putBody(db, entryId, body);
      await db.terms.put(termsRow(entryId, next, body.text));
      if (fields.length > 0)
        await recordChange(db, { canonicalUrl: row.canonicalUrl, op: 'put', fields, at: now });
      return true;
    }),
  );
}

/** Mark an imported entry with why its page could not be saved (or clear it with null). */
export async function setImportFailure(
  db: QariDb,
  entryId: number,
  code: string | null,
): Promise<void> {
  await guardWrite(() =>
    db.transaction('rw', db.articles, async () => {
      const row = await db.articles.get(entryId);
      if (!row || row.hasBody === 1) return;
      if (code) row.importFailure = code;
      else delete row.importFailure;
      await db.articles.put(row);
    }),
  );
}
