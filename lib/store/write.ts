/**
 * The only code that writes an entry's rows: `articles`, `bodies`, `texts`, `terms` (and through
 * them the title postings) and the sync outbox `changes`. Every other module says what an entry
 * was, what it becomes, its new body if it has one and where the change came from; this module
 * works out the rest from the difference, so the recipe exists once:
 *
 * - the body goes to `bodies` and `texts` when one is given;
 * - the search terms are rebuilt when the body or a searched field (title, site, byline) changed;
 * - the outbox records the sync fields that changed, in the vocabulary of `SYNC_FIELDS`, for the
 *   reader's own changes only (`WriteOrigin`);
 * - the list's revision (`lib/store/revision.ts`) is bumped, whoever changed the list, so an open
 *   popup shows a synced change, a fetched body or an import failure as it happens.
 *
 * An entry's offline images (`images`) are written here too: put beside an entry that still
 * exists (`putEntryImages`), deleted with it.
 *
 * The lint rule in `eslint.config.js` holds every other module to reading these tables.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import { addressesOf } from './addresses';
import { prepareChanges } from './changes';
import type { QariDb } from './db';
import {
  SYNC_FIELDS,
  type ArticleBody,
  type ChangeRow,
  type EntryRow,
  type SyncField,
  type TermsRow,
} from './entry';
import { guardWrite } from './errors';
import type { ImageRow } from './images';
import { REVISION } from './revision';
import { termsRow } from './search-terms';
import { markCreated } from './title-postings';
import { highlightSearchText } from '../highlights/search-text';
import { INDEX_VERSION } from '../text/terms';

/** The `listState` key holding the INDEX_VERSION every entry's search row was last built with. */
export const INDEX_BUILT = 'indexVersion';

/**
 * Where a change came from. The reader's own doings (saves, status, delete; a link import and
 * the articles it fetches; a backup restore) reach the outbox. A body fetched for an entry known
 * from another browser, or an import failure noted, changes nothing the reader did, and a sync
 * peer's change came from another browser's outbox: those do not.
 */
export type WriteOrigin = 'reader' | 'import' | 'backup' | 'fetched' | 'peer';

const UNSENT: ReadonlySet<WriteOrigin> = new Set(['fetched', 'peer']);

/** An entry's row as a policy computes it; the id is kept from `before` unless given (undo). */
export type NextRow = Omit<EntryRow, 'id'> & { id?: number };

export interface EntryWrite {
  /** The row as read in this transaction, or null for a new entry. */
  before: EntryRow | null;
  /** The row it becomes, or null to delete the entry. */
  after: NextRow | null;
  body?: ArticleBody | null;
  origin: WriteOrigin;
}

const SEARCHED = ['title', 'siteName', 'byline'] as const;

/** The tables a write covers; extra tables (the trash, the sync metadata) come after. */
export const entryTables = (db: QariDb): Table[] => [
  db.articles,
  db.bodies,
  db.texts,
  db.terms,
  db.changes,
  db.listState,
  db.images,
];

/** Run `run` in one read-write transaction over the entry tables and `more`, failures as StoreError. */
export function writing<T>(db: QariDb, run: () => Promise<T>, more: Table[] = []): Promise<T> {
  return guardWrite(() => db.transaction('rw', [...entryTables(db), ...more], run));
}

/** JSON with sorted keys: equal for equal data whatever the key order. */
export function stable(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(
          Object.keys(val)
            .sort()
            .map((k) => [k, (val as Record<string, unknown>)[k]]),
        )
      : val,
  );
}

function syncValue(r: NextRow, f: SyncField): unknown {
  return f === 'url' || f === 'title' || f === 'siteName' ? r.meta[f] : r[f];
}

/** The sync fields whose values differ between two rows of one entry. */
export function changedSyncFields(a: NextRow, b: NextRow): SyncField[] {
  return SYNC_FIELDS.filter((f) => stable(syncValue(a, f)) !== stable(syncValue(b, f)));
}

/** The row the write puts: `after` with its id and every address it is known by. */
function finalRow(w: EntryWrite): NextRow {
  const after = w.after!;
  const id = after.id ?? w.before?.id;
  const addresses = addressesOf(after.canonicalUrl, after.meta.url, ...(after.addresses ?? []));
  return id === undefined ? { ...after, addresses } : { ...after, id, addresses };
}

/** A write that changes nothing: same row, no body. */
const isNoop = (w: EntryWrite, row: NextRow | null): boolean =>
  w.before !== null && row !== null && !w.body && stable(row) === stable(w.before);

const replaces = (w: EntryWrite, row: NextRow | null): boolean =>
  w.before !== null && (row === null || row.id !== w.before.id);

function outboxChange(
  w: EntryWrite,
  row: NextRow | null,
  at: number,
): Omit<ChangeRow, 'seq'> | null {
  if (UNSENT.has(w.origin)) return null;
  if (!row)
    return { canonicalUrl: w.before!.canonicalUrl, op: 'delete', fields: [...SYNC_FIELDS], at };
  const fields =
    w.before && !replaces(w, row) ? changedSyncFields(w.before, row) : [...SYNC_FIELDS];
  return fields.length > 0 ? { canonicalUrl: row.canonicalUrl, op: 'put', fields, at } : null;
}

const needsTerms = (w: EntryWrite, row: NextRow): boolean =>
  !w.before ||
  replaces(w, row) ||
  !!w.body ||
  SEARCHED.some((f) => row.meta[f] !== w.before!.meta[f]) ||
  stable(row.highlights) !== stable(w.before.highlights);

/** An entry's search row: its fields, its text and the notes of its highlights. */
function searchRow(row: EntryRow, text: string | null): TermsRow {
  const notes = highlightSearchText(row);
  return termsRow(row.id, row.meta, notes ? `${text ?? ''}\n\n${notes}` : text);
}

/** The search rows of the written entries, with their body text (read back when not given). */
async function termsOf(db: QariDb, items: { w: EntryWrite; row: EntryRow }[]): Promise<TermsRow[]> {
  const lookup = items
    .filter(({ w, row }) => !w.body && row.hasBody === 1)
    .map(({ row }) => row.id);
  const texts = lookup.length ? await db.texts.bulkGet(lookup) : [];
  const textOf = new Map(lookup.map((id, i) => [id, texts[i]?.text ?? null]));
  return items.map(({ w, row }) =>
    searchRow(row, w.body ? w.body.text : (textOf.get(row.id) ?? null)),
  );
}

/**
 * The analyzer version whose rows differ from this one's only by the title's terms stored again
 * in `all`: taking them out gives the row this analyzer makes, with no text read or analyzed.
 */
const TITLE_IN_ALL = 2;

function withoutTitleTerms(row: TermsRow): TermsRow {
  const title = new Set(row.title);
  return { ...row, all: row.all.filter((t) => !title.has(t)), version: INDEX_VERSION };
}

/**
 * Rebuild, from their stored text, the search rows made by an older analyzer (INDEX_VERSION)
 * among the `limit` entries after `afterId`. Returns the id to go on from, or null at the end of
 * the list, which is then marked built with this analyzer. Search keeps answering from the old
 * rows meanwhile; nothing else of an entry changes.
 */
export function rebuildOldTerms(
  db: QariDb,
  afterId: number,
  limit: number,
): Promise<number | null> {
  return writing(db, async () => {
    const rows = await db.terms.where(':id').above(afterId).limit(limit).toArray();
    const trimmed = rows.filter((r) => r.version === TITLE_IN_ALL).map(withoutTitleTerms);
    if (trimmed.length) await db.terms.bulkPut(trimmed);
    const old = rows
      .filter((r) => r.version !== INDEX_VERSION && r.version !== TITLE_IN_ALL)
      .map((r) => r.id);
    if (old.length) {
      const entries = (await db.articles.bulkGet(old)).filter((e): e is EntryRow => !!e);
      const texts = await db.texts.bulkGet(entries.map((e) => e.id));
      await db.terms.bulkPut(entries.map((e, i) => searchRow(e, texts[i]?.text ?? null)));
    }
    if (rows.length === limit) return rows[rows.length - 1]!.id;
    await db.listState.put({ id: INDEX_BUILT, value: INDEX_VERSION });
    return null;
  });
}

async function putBodies(
  db: QariDb,
  items: readonly { id: number; body: ArticleBody }[],
): Promise<void> {
  await Promise.all([
    db.bodies.bulkPut(
      items.map(({ id, body }) => ({ id, content: body.content, sections: body.sections })),
    ),
    db.texts.bulkPut(items.map(({ id, body }) => ({ id, text: body.text }))),
  ]);
}

// Transactions whose revision was bumped already: a batch of writes counts as one change.
const bumped = new WeakSet<Transaction>();

/**
 * Read the revision now and return what bumps it: issued at the start of a write, the read is
 * answered beside the entry's own requests, and the bump at the end is one request, not two.
 */
function startBump(db: QariDb): () => Promise<void> {
  const tx = Dexie.currentTransaction;
  if (tx && bumped.has(tx)) return () => Promise.resolve();
  if (tx) bumped.add(tx);
  const cur = db.listState.get(REVISION);
  // Awaited below; a failure before then aborts the transaction and is reported there.
  cur.catch(() => undefined);
  return async () => {
    await db.listState.put({ id: REVISION, value: ((await cur)?.value ?? 0) + 1 });
  };
}

/**
 * Write entries, in order, inside a transaction over `entryTables` (see `writing`); returns each
 * entry's row as written, or null for a delete. The entry's writes go one after another: run
 * side by side, the transaction committed early (see lib/store/title-postings.ts); only the
 * small reads of the revision and the outbox are issued beside them.
 */
export async function writeEntries(
  db: QariDb,
  writes: readonly EntryWrite[],
  now = Date.now(),
): Promise<(EntryRow | null)[]> {
  const rows = writes.map((w) => (w.after ? finalRow(w) : null));
  const live = writes.map((w, i) => !isNoop(w, rows[i]!));
  if (!live.some(Boolean)) return writes.map((w) => w.before);
  // The revision's read goes out first: it needs no id, and is answered while the entry's rows
  // are written.
  const bump = startBump(db);
  const gone = writes.flatMap((w, i) => (live[i] && replaces(w, rows[i]!) ? [w.before!.id] : []));
  if (gone.length) {
    await db.articles.bulkDelete(gone);
    await db.bodies.bulkDelete(gone);
    await db.texts.bulkDelete(gone);
    await db.terms.bulkDelete(gone);
    // An entry's offline images go with it (an undo brings back its text; its photos load
    // online and are kept again when it is saved again).
    await db.images.where('entry').anyOf(gone).delete();
  }
  const fresh = rows.filter((r, i): r is NextRow => live[i]! && r !== null && r.id === undefined);
  const ids = fresh.length ? await db.articles.bulkAdd(fresh, { allKeys: true }) : [];
  fresh.forEach((r, i) => (r.id = ids[i]));
  if (ids.length) markCreated(Dexie.currentTransaction, ids);
  const kept = rows.filter((r, i): r is EntryRow => live[i]! && r !== null && !fresh.includes(r));
  if (kept.length) await db.articles.bulkPut(kept);
  const written = writes.flatMap((w, i) =>
    live[i] && rows[i] ? [{ w, row: rows[i] as EntryRow }] : [],
  );
  const bodies = written.flatMap(({ w, row }) => (w.body ? [{ id: row.id, body: w.body }] : []));
  if (bodies.length) await putBodies(db, bodies);
  const terms = await termsOf(
    db,
    written.filter(({ w, row }) => needsTerms(w, row)),
  );
  const changes = writes.flatMap((w, i) => {
    const c = live[i] ? outboxChange(w, rows[i]!, now) : null;
    return c ? [c] : [];
  });
  // The outbox's read goes out beside the terms write, not sooner: issued before the entry's
  // rows, with a middleware that awaits a native promise in its reads (a test's counter), the
  // rest of the write ran outside the transaction, which committed early.
  const finishOutbox = prepareChanges(db, changes);
  if (terms.length) await db.terms.bulkPut(terms);
  // Two small tables apart from the terms: side by side, one round trip to the database fewer.
  await Promise.all([finishOutbox(), bump()]);
  return writes.map((w, i) => (live[i] ? (rows[i] as EntryRow | null) : w.before));
}

export async function writeEntry(
  db: QariDb,
  w: EntryWrite,
  now = Date.now(),
): Promise<EntryRow | null> {
  return (await writeEntries(db, [w], now))[0]!;
}

/**
 * Keep `images` as entry `id`'s offline images, replacing those it had; nothing when the entry
 * is gone by now (deleted while its images were being fetched). Not a change of the list: the
 * revision and the outbox are left alone. Returns whether they were written.
 */
export function putEntryImages(
  db: QariDb,
  id: number,
  images: readonly ImageRow[],
): Promise<boolean> {
  return guardWrite(() =>
    db.transaction('rw', [db.articles, db.images], async () => {
      if (!(await db.articles.get(id))) return false;
      await db.images.where('entry').equals(id).delete();
      await db.images.bulkPut(images.map((row) => ({ ...row, entry: id })));
      return true;
    }),
  );
}
