/**
 * The reading list's IndexedDB database, with every schema version since the first release and
 * the migrations between them. Never edit a shipped version: add a new one with an upgrade.
 *
 * Version 1 (first release): `articles` with boolean status flags, `bodies`, the sync outbox
 * `changes` and the undo `trash`. Version 2: flags become 0/1 (IndexedDB cannot index booleans)
 * so the filtered lists get compound indexes with `savedAt`; entries learn `hasBody` (entries from
 * sync may have no body); plain text moves from `bodies` to its own table `texts` (search snippets
 * read it without the HTML); the search index table `terms` is built from the saved articles; and
 * the outbox is indexed by URL so a new change to an entry replaces its unsent one. Version 3 adds
 * the import queue, version 4 the sync metadata, version 5 the title postings (see SCHEMA_V5),
 * version 6 the entries' addresses and the list's revision (see SCHEMA_V6), version 7 the saved
 * articles' offline images (see SCHEMA_V7).
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type {
  BodyRow,
  ImageRow,
  ChangeRow,
  EntryRow,
  Flag,
  FullBodyRow,
  TermsRow,
  TextRow,
  TrashRow,
} from './entry';
import type { ImportControlRow, ImportRow } from '../import/queue-row';
import type { SyncRecord } from '../sync/record';
import { addressesOf } from './addresses';
import { termsRow } from './search-terms';
import { DB_NAME } from './db-version';
import {
  buildTitlePostings,
  TITLE_POSTINGS,
  TITLE_QUEUE,
  titlePostingsMiddleware,
  type TitlePostingRow,
  type TitleQueueRow,
} from './title-postings';

export { DB_NAME, DB_VERSION } from './db-version';

export const SCHEMA_V1 = {
  articles: '++id, &canonicalUrl, savedAt, updatedAt',
  bodies: 'id',
  changes: '++seq',
  trash: 'id, batch, deletedAt',
};

export const SCHEMA_V2 = {
  articles:
    '++id, &canonicalUrl, savedAt, updatedAt, [archived+savedAt], [archived+read+savedAt], [favourite+savedAt], *tags',
  texts: 'id',
  terms: 'id, *title, *all',
  changes: '++seq, canonicalUrl',
};

/** Version 3: the import queue (links waiting to be fetched) and its pause switch. */
export const SCHEMA_V3 = {
  imports: 'canonicalUrl, [state+due], state',
  importControl: 'id',
};

/**
 * Version 4: what storage.sync needs to remember per entry (`lib/store/sync-local.ts`): the last
 * sync record, with each field's HLC stamp, the start of the entry's life and its tombstone once
 * deleted, keyed by the record id (a hash of the canonical URL). Filled lazily: no upgrade.
 */
export const SCHEMA_V4 = {
  syncMeta: 'id',
};

/**
 * Version 5: each title term's entry ids in a few rows (`lib/store/title-postings.ts`), built from
 * the terms rows; it replaces the `title` index of `terms`, which search read entry by entry.
 */
export const SCHEMA_V5 = {
  terms: 'id, *all',
  [TITLE_POSTINGS]: '[term+block]',
};

/**
 * Version 6: every address an entry is known by (`EntryRow.addresses`, indexed so an import or a
 * save finds the entry under any of them), and `listState`: the list's revision, which every
 * write bumps and the popup watches (`lib/store/revision.ts`), and the sync adapter's marks.
 * Rows lose `fieldTimes`, which nothing read.
 */
export const SCHEMA_V6 = {
  articles:
    '++id, &canonicalUrl, savedAt, updatedAt, [archived+savedAt], [archived+read+savedAt], [favourite+savedAt], *tags, *addresses',
  listState: 'id',
};

/**
 * Version 7: a saved article's images kept for reading offline (`lib/store/images.ts`), keyed by
 * entry and address, indexed by entry so they go with it. A new table: no upgrade.
 */
export const SCHEMA_V7 = {
  images: '[entry+url], entry',
};

/**
 * Version 8: title changes waiting to reach the title postings (`lib/store/title-postings.ts`),
 * by entry id. A new table, empty: the postings are whole at the upgrade.
 */
export const SCHEMA_V8 = {
  [TITLE_QUEUE]: 'id',
};

// After a failed open, the wait before the next call may open again: past the calls that
// waited on the failed one, which fail with its error.
const REVIVE_AFTER_MS = 0;
// Articles re-indexed per step of the v2 upgrade: bounds the bodies held in memory at once.
const UPGRADE_PAGE = 200;

/** A version 1 `articles` row: flags were booleans and there was no `hasBody`. */
interface EntryRowV1 extends Omit<
  EntryRow,
  'read' | 'archived' | 'favourite' | 'hasBody' | 'addresses'
> {
  read: boolean | Flag;
  archived: boolean | Flag;
  favourite: boolean | Flag;
  hasBody?: Flag;
}

function toV2(row: EntryRowV1, hasBody: boolean): void {
  const r = row as unknown as EntryRow;
  r.read = row.read ? 1 : 0;
  r.archived = row.archived ? 1 : 0;
  r.favourite = row.favourite ? 1 : 0;
  r.hasBody = hasBody ? 1 : 0;
  r.tags = row.tags ?? [];
}

/** A version 5 row: `fieldTimes` instead of `addresses`. */
type EntryRowV5 = Omit<EntryRow, 'addresses'> & { addresses?: string[]; fieldTimes?: unknown };

function toV6(row: EntryRowV5): void {
  delete row.fieldTimes;
  row.addresses = addressesOf(row.canonicalUrl, row.meta.url);
}

async function upgradeToV6(tx: Transaction): Promise<void> {
  await tx.table<EntryRowV5, number>('articles').toCollection().modify(toV6);
  await tx
    .table<TrashRow, number>('trash')
    .toCollection()
    .modify((t) => toV6(t.entry as EntryRowV5));
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  const articles = tx.table<EntryRowV1, number>('articles');
  const bodies = tx.table<FullBodyRow | BodyRow, number>('bodies');
  const texts = tx.table<TextRow, number>('texts');
  const terms = tx.table<TermsRow, number>('terms');
  const withBody = new Set(await bodies.toCollection().primaryKeys());
  await articles.toCollection().modify((row) => toV2(row, withBody.has(row.id)));
  await tx
    .table<TrashRow, number>('trash')
    .toCollection()
    .modify((t) => {
      toV2(t.entry as unknown as EntryRowV1, t.body != null);
      t.body ??= null;
      t.terms = termsRow(t.id, t.entry.meta, t.body?.text ?? null);
    });
  const ids = await articles.toCollection().primaryKeys();
  for (let i = 0; i < ids.length; i += UPGRADE_PAGE) {
    const page = ids.slice(i, i + UPGRADE_PAGE);
    const [rows, full] = await Promise.all([articles.bulkGet(page), bodies.bulkGet(page)]);
    const out: TermsRow[] = [];
    const split: BodyRow[] = [];
    const plain: TextRow[] = [];
    rows.forEach((row, j) => {
      const b = full[j] as FullBodyRow | undefined;
      if (b) {
        split.push({ id: b.id, content: b.content, sections: b.sections });
        plain.push({ id: b.id, text: b.text });
      }
      if (row) out.push(termsRow(row.id, row.meta, b?.text ?? null));
    });
    await Promise.all([bodies.bulkPut(split), texts.bulkPut(plain), terms.bulkPut(out)]);
  }
}

/** An entry's sync record (live or tombstone), by record id. */
export interface SyncMetaRow {
  id: string;
  rec: SyncRecord;
}

/** A number the list keeps about itself: its revision, or a mark of the sync adapter's. */
export interface ListStateRow {
  id: string;
  value: number;
}

export class QariDb extends Dexie {
  articles!: EntityTable<EntryRow, 'id'>;
  bodies!: Table<BodyRow, number>;
  texts!: Table<TextRow, number>;
  terms!: Table<TermsRow, number>;
  changes!: EntityTable<ChangeRow, 'seq'>;
  trash!: Table<TrashRow, number>;
  imports!: Table<ImportRow, string>;
  importControl!: Table<ImportControlRow, string>;
  syncMeta!: Table<SyncMetaRow, string>;
  titlePostings!: Table<TitlePostingRow, [string, number]>;
  titleQueue!: Table<TitleQueueRow, number>;
  listState!: Table<ListStateRow, string>;
  images!: Table<ImageRow, [number, string]>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    // New tables only: existing rows need no change.
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5).upgrade(buildTitlePostings);
    this.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6);
    this.version(7).stores(SCHEMA_V7);
    this.version(8).stores(SCHEMA_V8);
    this.use(titlePostingsMiddleware(this));
  }

  /**
   * Open, and after a failed open let the next call try again (`reviveIfFailed`) instead of
   * failing with the remembered error: the services hold this object for the worker's life, so
   * after a full disk the first save once space is back must open it. Not at once: the calls
   * waiting on this open would then retry it, over and over while the disk is still full.
   */
  override open(): ReturnType<Dexie['open']> {
    const opening = super.open();
    opening.catch(() => setTimeout(() => reviveIfFailed(this), REVIVE_AFTER_MS));
    return opening;
  }
}

let shared: QariDb | null = null;

/**
 * Let a database whose opening failed open again on its next call. Dexie remembers a failed open
 * and fails every later call with it; after a full disk (Chromium closes the connection, and the
 * reopen fails while the disk is still full) that would last until the browser restarts. A
 * database closed on purpose stays closed.
 */
export function reviveIfFailed(db: QariDb): void {
  if (db.hasFailed() && !db.hasBeenClosed() && !db.isOpen()) db.close({ disableAutoOpen: false });
}

/** The extension's one database connection in this context (background, popup, reader…). */
export function openDb(): QariDb {
  shared ??= new QariDb();
  reviveIfFailed(shared);
  return shared;
}
