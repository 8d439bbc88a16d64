/**
 * Backups: the whole reading list as versioned JSON, and importing one back. An import is
 * validated completely before anything is written, then written in one transaction: a corrupt
 * file imports nothing. Entries merge with the listed entry under any of its addresses, so
 * importing twice duplicates nothing; what a backup may change on a listed entry is the README's
 * "When two versions of an entry meet".
 */
import { joinHighlights } from '../highlights/model';
import { mayShowImage } from '../extract/images';
import { canonicalUrl, type SiteRule } from '../url/canonical';
import { ownSiteRule } from '../url/own-site';
import { getBodies, getBody } from './bodies';
import type { QariDb } from './db';
import type { ArticleBody, ArticleMeta, FullBodyRow, EntryRow } from './entry';
import { StoreError } from './errors';
import { findEntry } from './find';
import { stable, writeEntries, writeEntry, writing, type EntryWrite, type NextRow } from './write';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  parseInstant,
  validateBackup,
  type Backup,
  type BackupEntry,
} from './backup-format';

export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_IMPORT_CHARS,
  MAX_IMPORT_ENTRIES,
  validateBackup,
  type Backup,
  type BackupEntry,
} from './backup-format';

// Entries written per bulk request: bounds what one request holds while a large import runs.
const IMPORT_CHUNK = 500;
// Bodies handed to the sanitizer at once (it may split them again into messages).
const SANITIZE_BATCH = 500;

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
}

/** A backup body to sanitize, with the address of its article. */
export interface RestoredBody {
  html: string;
  url: string;
}

export interface ImportOptions {
  /**
   * Sanitizer for the imported bodies' HTML, each with its article's address, a batch at a time;
   * it answers the cleaned HTML in the same order (the background passes
   * `lib/import/restored-body.ts`: DOMPurify and the image policy); the file is untrusted.
   */
  sanitize?: (bodies: readonly RestoredBody[]) => string[] | Promise<string[]>;
  now?: number;
}

const EXPORT_PAGE = 200;

function toBackupEntry(row: EntryRow, body: FullBodyRow | null): BackupEntry {
  return {
    canonicalUrl: row.canonicalUrl,
    savedAt: new Date(row.savedAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    read: row.read === 1,
    archived: row.archived === 1,
    favourite: row.favourite === 1,
    progress: row.progress,
    tags: row.tags,
    article: row.meta,
    body: body ? { content: body.content, text: body.text, sections: body.sections } : null,
    ...(row.highlights?.length ? { highlights: row.highlights } : {}),
  };
}

/** The whole list as a backup object, oldest saved first. */
export async function exportLibrary(db: QariDb, now = Date.now()): Promise<Backup> {
  return db.transaction('r', [db.articles, db.bodies, db.texts], async () => {
    const ids = await db.articles.orderBy('savedAt').primaryKeys();
    const entries: BackupEntry[] = [];
    for (let i = 0; i < ids.length; i += EXPORT_PAGE) {
      const page = ids.slice(i, i + EXPORT_PAGE);
      const [rows, bodies] = await Promise.all([db.articles.bulkGet(page), getBodies(db, page)]);
      rows.forEach((row, j) => {
        if (row) entries.push(toBackupEntry(row, bodies[j] ?? null));
      });
    }
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      entries,
    };
  });
}

export async function exportLibraryJson(db: QariDb, now = Date.now()): Promise<string> {
  return JSON.stringify(await exportLibrary(db, now));
}

interface Incoming {
  row: Omit<EntryRow, 'id'>;
  body: ArticleBody | null;
}

/**
 * The lead image only where the image policy would show it for a page nobody loaded: its own
 * site's. A backup has no page behind it; a hand-made one could name a tracker or the router.
 */
function restoredMeta(meta: ArticleMeta): ArticleMeta {
  const lead = meta.leadImage;
  return lead && !mayShowImage(lead, meta.url, null) ? { ...meta, leadImage: null } : meta;
}

/** Each entry's body HTML as the sanitizer gives it back (null without a body), in batches. */
async function cleanContents(
  entries: readonly BackupEntry[],
  sanitize: ImportOptions['sanitize'],
): Promise<(string | null)[]> {
  const out = entries.map((e) => e.body?.content ?? null);
  if (!sanitize) return out;
  const withBody = entries.flatMap((e, i) => (e.body ? [i] : []));
  for (let at = 0; at < withBody.length; at += SANITIZE_BATCH) {
    const idx = withBody.slice(at, at + SANITIZE_BATCH);
    const clean = await sanitize(
      idx.map((i) => ({ html: entries[i]!.body!.content, url: entries[i]!.article.url })),
    );
    if (clean.length !== idx.length) throw new StoreError('import-entry', 'sanitizer answer');
    idx.forEach((i, j) => (out[i] = clean[j]!));
  }
  return out;
}

function toIncoming(e: BackupEntry, content: string | null, ownSite: SiteRule): Incoming {
  const body = e.body && {
    content: content ?? '',
    text: e.body.text,
    sections: e.body.sections,
  };
  // Keys are recomputed as a save would make them (idempotent), so backups from older rules
  // dedupe under today's, and a key on another site than the article's is dropped: it would
  // retarget that site's entry.
  const key = canonicalUrl(e.article.url, e.canonicalUrl, ownSite);
  return {
    row: {
      canonicalUrl: key,
      meta: restoredMeta(e.article),
      savedAt: parseInstant(e.savedAt) as number,
      updatedAt: parseInstant(e.updatedAt) as number,
      read: e.read ? 1 : 0,
      archived: e.archived ? 1 : 0,
      favourite: e.favourite ? 1 : 0,
      progress: e.progress,
      tags: e.tags,
      hasBody: body ? 1 : 0,
      addresses: [key],
      ...(e.highlights?.length ? { highlights: e.highlights } : {}),
    },
    body,
  };
}

/**
 * A backup's entry met by the listed one: the side changed last keeps its article, status,
 * progress and saved date (never an older backup's over the reader's), tags are joined, highlights
 * are joined by id (the later edit of each), and a body missing on the listed entry is taken from
 * the backup. The entry keeps its key and id.
 */
function restoredInto(old: EntryRow, inc: Incoming, oldBody: FullBodyRow | null): Incoming {
  const newer = inc.row.updatedAt > old.updatedAt;
  const base = newer ? inc.row : old;
  const body = (newer ? (inc.body ?? oldBody) : (oldBody ?? inc.body)) ?? null;
  return {
    row: {
      ...old,
      meta: base.meta,
      savedAt: newer ? Math.min(old.savedAt, inc.row.savedAt) : old.savedAt,
      updatedAt: Math.max(old.updatedAt, inc.row.updatedAt),
      read: base.read,
      archived: base.archived,
      favourite: base.favourite,
      progress: base.progress,
      tags: [...new Set([...old.tags, ...inc.row.tags])],
      hasBody: body ? 1 : 0,
      ...highlightsOf(old, inc),
    },
    body: body && { content: body.content, text: body.text, sections: body.sections },
  };
}

function highlightsOf(old: EntryRow, inc: Incoming): Pick<EntryRow, 'highlights'> {
  const joined = joinHighlights(old.highlights ?? [], inc.row.highlights ?? []);
  return joined.length ? { highlights: joined } : {};
}

/**
 * The chunk's entries new to the list (the first of each URL not listed under any address), and
 * the rest, in order: those merge one by one, each after the ones before it.
 */
async function splitFresh(
  db: QariDb,
  chunk: readonly Incoming[],
): Promise<{ fresh: Incoming[]; rest: Incoming[] }> {
  const urls = chunk.map((inc) => inc.row.canonicalUrl);
  // Every entry lists its own key among its addresses: one keys-only read finds them all.
  const stored = new Set((await db.articles.where('addresses').anyOf(urls).keys()).map(String));
  const fresh: Incoming[] = [];
  const rest: Incoming[] = [];
  for (const inc of chunk) {
    const url = inc.row.canonicalUrl;
    if (stored.has(url)) rest.push(inc);
    else {
      fresh.push(inc);
      stored.add(url);
    }
  }
  return { fresh, rest };
}

const freshWrite = (inc: Incoming): EntryWrite => ({
  before: null,
  after: inc.row,
  body: inc.body,
  origin: 'backup',
});

async function importOne(db: QariDb, inc: Incoming, now: number): Promise<keyof ImportReport> {
  const old = await findEntry(db, [inc.row.canonicalUrl]);
  if (!old) {
    await writeEntry(db, freshWrite(inc), now);
    return 'added';
  }
  const oldBody = await getBody(db, old.id);
  const m = restoredInto(old, inc, oldBody);
  const sameBody = stable(m.body) === stable(oldBody ? { ...oldBody, id: undefined } : null);
  if (stable(m.row) === stable(old) && sameBody) return 'unchanged';
  const after: NextRow = m.row;
  await writeEntry(
    db,
    { before: old, after, body: sameBody ? null : m.body, origin: 'backup' },
    now,
  );
  return 'updated';
}

/**
 * Import a backup (its JSON text or parsed value). Throws a StoreError with an `import-*` code
 * and nothing imported when the file is not a valid backup; `disk-full` likewise.
 */
export async function importLibrary(
  db: QariDb,
  input: unknown,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const backup = validateBackup(input);
  const ownSite = await ownSiteRule();
  const contents = await cleanContents(backup.entries, opts.sanitize);
  const incoming = backup.entries.map((e, i) => toIncoming(e, contents[i] ?? null, ownSite));
  const now = opts.now ?? Date.now();
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0 };
  await writing(db, async () => {
    for (let i = 0; i < incoming.length; i += IMPORT_CHUNK) {
      const chunk = incoming.slice(i, i + IMPORT_CHUNK);
      const { fresh, rest } = await splitFresh(db, chunk);
      await writeEntries(db, fresh.map(freshWrite), now);
      report.added += fresh.length;
      for (const inc of rest) report[await importOne(db, inc, now)] += 1;
    }
  });
  return report;
}
