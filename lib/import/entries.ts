/**
 * The reading-list side of an import: every link becomes an entry at once (body-less, so it shows
 * in the list and search finds its title), or is found among the entries already listed under
 * any of their addresses; later the fetched article is attached to that entry, or the failure
 * reason is. What an import may change on a listed entry: README, "When two versions of an
 * entry meet" — it adds its tags and nothing else: the reader's own state stays.
 */
import type { Article } from '../article';
import { articleKeys } from '../store/addresses';
import type { QariDb } from '../store/db';
import {
  flag,
  newEntryRow,
  placeholderMeta,
  splitArticle,
  type ArticleMeta,
  type EntryRow,
} from '../store/entry';
import { withFetchedArticle } from '../store/fill-body';
import { findEntry } from '../store/find';
import { writeEntries, writeEntry, writing } from '../store/write';
import { canonicalUrl } from '../url/canonical';
import type { ImportItem } from './types';

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
  return placeholderMeta(item.url, item.title || item.url, hostOf(item.url) || null);
}

/** A listed entry met again in an import: it gains the import's tags, or null when it has them. */
function withImportedTags(row: EntryRow, tags: readonly string[], now: number): EntryRow | null {
  const joined = [...new Set([...row.tags, ...tags])];
  return joined.length === row.tags.length ? null : { ...row, tags: joined, updatedAt: now };
}

async function addOrMerge(db: QariDb, item: ImportItem, now: number): Promise<LinkEntry> {
  const key = canonicalUrl(item.url);
  const old = await findEntry(db, [key]);
  if (old) {
    const after = withImportedTags(old, item.tags, now);
    if (after) await writeEntry(db, { before: old, after, origin: 'import' }, now);
    const link = { canonicalUrl: old.canonicalUrl, entryId: old.id };
    return { ...link, hasBody: old.hasBody === 1, created: false };
  }
  const after = newEntryRow(key, linkMeta(item), now, {
    savedAt: item.savedAt,
    read: flag(item.read),
    archived: flag(item.archived),
    favourite: flag(item.favourite),
    tags: item.tags,
  });
  const row = await writeEntry(db, { before: null, after, origin: 'import' }, now);
  return { canonicalUrl: key, entryId: row!.id, hasBody: false, created: true };
}

/** Create or merge the entries of a batch of links in one transaction. */
export async function addLinkEntries(
  db: QariDb,
  items: readonly ImportItem[],
  now = Date.now(),
): Promise<LinkEntry[]> {
  return writing(db, async () => {
    const out: LinkEntry[] = [];
    for (const item of items) out.push(await addOrMerge(db, item, now));
    return out;
  });
}

/**
 * Give an imported entry its fetched article. The entry keeps the URL it was imported with (the
 * redirect's end may differ) and its status. When the page turns out to be an article listed
 * already (under the fetched page's canonical link or final URL), the imported entry merges into
 * that one as any import does. False when the entry was deleted meanwhile.
 */
export async function attachArticle(
  db: QariDb,
  entryId: number,
  article: Article,
  now = Date.now(),
): Promise<boolean> {
  const { meta, body } = splitArticle(article);
  return writing(db, async () => {
    const row = await db.articles.get(entryId);
    if (!row) return false;
    const listed = await findEntry(db, articleKeys(article.url, article.canonical));
    if (listed && listed.id !== row.id) {
      await mergeInto(db, row, listed, article, now);
      return true;
    }
    const next: EntryRow = {
      ...withFetchedArticle(row, article),
      meta: { ...meta, url: row.meta.url, title: meta.title || row.meta.title },
      updatedAt: now,
    };
    await writeEntry(db, { before: row, after: next, body, origin: 'import' }, now);
    return true;
  });
}

/** The imported entry `dup` is the listed entry `listed`: one entry remains, the listed one. */
async function mergeInto(
  db: QariDb,
  dup: EntryRow,
  listed: EntryRow,
  article: Article,
  now: number,
): Promise<void> {
  const tagged = withImportedTags(listed, dup.tags, now) ?? listed;
  const filled = listed.hasBody === 1 ? tagged : withFetchedArticle(tagged, article);
  const after = { ...filled, addresses: [...filled.addresses, ...dup.addresses] };
  const body = listed.hasBody === 1 ? null : splitArticle(article).body;
  await writeEntries(
    db,
    [
      { before: dup, after: null, origin: 'import' },
      { before: listed, after, body, origin: 'import' },
    ],
    now,
  );
}

/** Mark an imported entry with why its page could not be saved (or clear it with null). */
export async function setImportFailure(
  db: QariDb,
  entryId: number,
  code: string | null,
): Promise<void> {
  await writing(db, async () => {
    const row = await db.articles.get(entryId);
    if (!row || row.hasBody === 1) return;
    const after: EntryRow = { ...row };
    if (code) after.importFailure = code;
    else delete after.importFailure;
    await writeEntry(db, { before: row, after, origin: 'fetched' });
  });
}
