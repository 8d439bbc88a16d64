/**
 * Per title term, the ids of the entries whose title holds it, in a few rows: one per term and
 * block of BLOCK_IDS consecutive ids. Search ranks title matches first, so it needs a query
 * word's whole title set; read from a multiEntry index that costs a few microseconds per entry
 * in Chromium (10–25 ms for a word in 1,000–2,000 titles), where one range of rows of ids costs
 * a fraction of a millisecond. Blocks bound what one write rewrites: an import of 10,000 entries
 * sharing a title word in one transaction would rewrite a single row of that word 10,000 times.
 *
 * The rows are derived from the `terms` rows and kept in step by a DBCore middleware, so no
 * writer has to know about them. A write to `terms` does not rewrite them: a title has some
 * twenty terms (stems, forms without clitics, lexicon families, exact forms), each a row read
 * and rewritten, and that was most of a save's time. It queues the entry's title change instead
 * (`titleQueue`, one small row, in the write's own transaction), and the queue is posted a moment
 * later, in transactions of its own (`postQueued`), where the terms that saves made in a row
 * share are rewritten once. Search reads the queue beside the postings (`lib/search/postings.ts`): the postings
 * with the queued changes applied are always what the `terms` rows say. Upgrades that write
 * `terms` before the queue exists are covered by the upgrade that builds the postings whole.
 *
 * A write to `terms` therefore takes several turns of native promises. Beside it in one
 * transaction, prefer single Dexie calls (as `deleteEntryData` does): the import's bulk writes
 * run side by side (bodies, terms, and the outbox's read-then-write) made the transaction commit
 * early, in Chromium as in fake-indexeddb (PrematureCommitError); smaller cases did not, and
 * the cause was not narrowed down further.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Transaction,
} from 'dexie';
import type Dexie from 'dexie';
import type { TermsRow } from './entry';

export const TITLE_POSTINGS = 'titlePostings';
export const TITLE_QUEUE = 'titleQueue';
const TERMS = 'terms';
// A posting waits this long after the last queued change: saves in a row are posted together.
const POST_AFTER_MS = 1000;
// Queued changes posted at once, without waiting (an import's batch).
const POST_NOW = 200;
// Queue rows posted per batch. Chromium's IndexedDB answers one request at a time per database:
// a save arriving during a posting waits for the batch in progress, so batches stay small and
// the posting lets writes in between them.
const POST_BATCH = 32;
// A posting waits while the disk has less room than this: see `roomToWrite`.
const MIN_FREE_BYTES = 16 * 1024 * 1024;
// And tries again this much later (or at the next write).
const POST_RETRY_MS = 30_000;
// The Web Lock one posting at a time holds, per database.
const LOCK = 'qari-title-postings';
// Terms rows read per step while building the table: bounds the rows held in memory at once.
const BUILD_PAGE = 500;
// Ids per block: a row holds at most this many, and a term in every title of 10,000 entries
// is read as 20 rows in one request.
const BLOCK_IDS = 512;

export interface TitlePostingRow {
  term: string;
  /** `floor(id / BLOCK_IDS)` of the ids the row holds. */
  block: number;
  /** Ascending entry ids. */
  ids: number[];
}

export const blockOf = (id: number) => Math.floor(id / BLOCK_IDS);

const SEP = '\u0000';
const cellOf = (term: string, block: number) => `${block}${SEP}${term}`;

/**
 * An entry's title change not yet in the postings: the title terms they hold for it (`from`) and
 * the ones its `terms` row has now (`to`; none once deleted).
 */
export interface TitleQueueRow {
  id: number;
  from: string[];
  to: string[];
}

/** Title terms per entry id; an empty list for an entry without a terms row. */
type Titles = Map<number, string[]>;

interface Change {
  add: number[];
  remove: number[];
}

const titleOf = (row: TermsRow | undefined): string[] => row?.title ?? [];

/** Per row (term and block), the ids that gain the term and the ids that lose it. */
function changesOf(before: Titles, after: Titles): Map<string, Change> {
  const out = new Map<string, Change>();
  const at = (term: string, id: number) => {
    const cell = cellOf(term, blockOf(id));
    let c = out.get(cell);
    if (!c) out.set(cell, (c = { add: [], remove: [] }));
    return c;
  };
  for (const [id, terms] of after) {
    const old = new Set(before.get(id) ?? []);
    const now = new Set(terms);
    for (const t of now) if (!old.has(t)) at(t, id).add.push(id);
    for (const t of old) if (!now.has(t)) at(t, id).remove.push(id);
  }
  return out;
}

/** `ids` (ascending) with `change` applied, still ascending and distinct. */
export function applyChange(ids: readonly number[], change: Change): number[] {
  const gone = new Set(change.remove);
  const kept = ids.filter((id) => !gone.has(id));
  const have = new Set(kept);
  const fresh = change.add.filter((id) => !have.has(id));
  if (fresh.length === 0) return kept;
  // A new entry has the largest id so far: appending keeps the order without a sort.
  const merged = kept.concat(fresh);
  const sorted = fresh.every(
    (id, i) => id > (i === 0 ? (kept.at(-1) ?? -Infinity) : fresh[i - 1]!),
  );
  return sorted ? merged : merged.sort((a, b) => a - b);
}

const keyOfCell = (cell: string) => {
  const at = cell.indexOf(SEP);
  return [cell.slice(at + 1), Number(cell.slice(0, at))] as const;
};

/** The ids a write to `terms` touches, with their titles before it. */
async function titlesBefore(terms: DBCoreTable, req: DBCoreMutateRequest): Promise<Titles> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    const query = { index: terms.schema.primaryKey, range: req.range };
    const { result } = await terms.query({ trans, query, values: true });
    return new Map((result as TermsRow[]).map((r) => [r.id, titleOf(r)]));
  }
  const keys = keysOf(terms, req)!;
  const rows = (await terms.getMany({ trans, keys })) as (TermsRow | undefined)[];
  return new Map(keys.map((k, i) => [k as number, titleOf(rows[i])]));
}

/** The ids a write names, or null for a range (known once the range is read). */
function keysOf(terms: DBCoreTable, req: DBCoreMutateRequest): number[] | null {
  if (req.type === 'deleteRange') return null;
  if (req.type === 'delete') return req.keys as number[];
  return (req.keys ?? req.values.map((v) => terms.schema.primaryKey.extractKey!(v))) as number[];
}

/** The titles the write left: those of the values that were stored, none for deleted ids. */
function titlesAfter(req: DBCoreMutateRequest, res: DBCoreMutateResponse, before: Titles): Titles {
  if (req.type === 'delete' || req.type === 'deleteRange') {
    return new Map([...before.keys()].map((id) => [id, []]));
  }
  const out: Titles = new Map();
  req.values.forEach((v, i) => {
    if (!(i in res.failures)) out.set((v as TermsRow).id, titleOf(v as TermsRow));
  });
  return out;
}

/** Each transaction's writes to `terms`, one after another: two reading a queue row at once would lose one's change. */
const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

function inTurn<T>(trans: DBCoreTransaction, run: () => Promise<T>): Promise<T> {
  const prev = queues.get(trans) ?? Promise.resolve();
  const next = prev.then(run, run);
  queues.set(
    trans,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Per transaction, the entries it created: ids the key generator had never given, so no `terms`
 * row and no queued change can exist for them, and a write of their terms reads nothing first.
 */
const created = new WeakMap<object, Set<number>>();

/** Say that `ids` were created by `tx` (an add that let the key generator choose them). */
export function markCreated(tx: Transaction | null | undefined, ids: readonly number[]): void {
  const trans = tx?.idbtrans;
  if (!trans) return;
  let set = created.get(trans);
  if (!set) created.set(trans, (set = new Set()));
  for (const id of ids) set.add(id);
}

/**
 * Whether every id is one the transaction created and has not written terms for yet (a second
 * write of them finds the first's row and queued change, and reads them). Claims them.
 */
function firstOfCreated(trans: DBCoreTransaction, ids: readonly number[] | null): boolean {
  const set = created.get(trans);
  if (!set || !ids || !ids.every((id) => set.has(id))) return false;
  for (const id of ids) set.delete(id);
  return true;
}

/** Whether the transaction covers the queue: not in upgrades run before the table existed. */
const covers = (trans: DBCoreTransaction) =>
  (trans as unknown as IDBTransaction).objectStoreNames.contains(TITLE_QUEUE);

const sameTerms = (a: readonly string[], b: readonly string[]) => {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((t) => sb.has(t));
};

async function readQueued(
  queue: DBCoreTable,
  trans: DBCoreTransaction,
  ids: readonly number[],
): Promise<Map<number, TitleQueueRow>> {
  if (ids.length === 0) return new Map();
  const rows = (await queue.getMany({ trans, keys: [...ids] })) as (TitleQueueRow | undefined)[];
  return new Map(rows.flatMap((r) => (r ? [[r.id, r] as const] : [])));
}

/**
 * Queue the title changes a write made: per id, the title the postings hold (`from`, kept from
 * the change already queued) and the one it has now. A queued row is rewritten even when the
 * title comes back to `from`: a posting may have read it already (see `settle`).
 */
function queueChanges(
  queue: DBCoreTable,
  trans: DBCoreTransaction,
  before: Titles,
  after: Titles,
  queued: Map<number, TitleQueueRow>,
): number {
  const puts: TitleQueueRow[] = [];
  for (const [id, to] of after) {
    const held = queued.get(id);
    const from = held?.from ?? before.get(id) ?? [];
    if (held || !sameTerms(from, to)) puts.push({ id, from, to: [...new Set(to)] });
  }
  if (puts.length === 0) return 0;
  // Not waited for: the rest of the write (its outbox, its revision) goes out beside it, a round
  // trip sooner, and a later request of the transaction still sees it (IndexedDB answers them in
  // order). Should it fail, the transaction must not commit the terms without it.
  queue.mutate({ type: 'put', trans, values: puts }).catch(() => abort(trans));
  return puts.length;
}

function abort(trans: DBCoreTransaction): void {
  try {
    (trans as unknown as IDBTransaction).abort();
  } catch {
    // Already finished: it failed, or aborted for another reason.
  }
}

/** Queue what a terms write changed, and plan its posting. */
function queueWritten(
  db: Dexie,
  queue: DBCoreTable,
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
  before: Titles,
  queued: Map<number, TitleQueueRow>,
): void {
  const n = queueChanges(queue, req.trans, before, titlesAfter(req, res, before), queued);
  if (n > 0) postAfterCommit(db, req.trans, n);
}

function termsTable(db: Dexie, down: DBCore): DBCoreTable {
  const terms = down.table(TERMS);
  const queue = () => down.table(TITLE_QUEUE);
  return {
    ...terms,
    mutate: (req) =>
      covers(req.trans)
        ? inTurn(req.trans, async () => {
            // Every await stays in this function: behind one more async function, the queue's
            // write ran outside Dexie's transaction zone (its hooks middleware threw).
            const ahead = keysOf(terms, req);
            if (req.type === 'put' && firstOfCreated(req.trans, ahead)) {
              // Entries this transaction created: no title before, nothing queued to read.
              const res = await terms.mutate(req);
              queueWritten(db, queue(), req, res, new Map(ahead!.map((id) => [id, []])), new Map());
              return res;
            }
            // Issued together, answered in order: the reads see the rows before the write.
            const [queuedAhead, before, res] = await Promise.all([
              ahead ? readQueued(queue(), req.trans, ahead) : null,
              titlesBefore(terms, req),
              terms.mutate(req),
            ]);
            const queued =
              queuedAhead ?? (await readQueued(queue(), req.trans, [...before.keys()]));
            queueWritten(db, queue(), req, res, before, queued);
            return res;
          })
        : terms.mutate(req),
  };
}

/** Per database, the posting in progress or planned. */
interface Poster {
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  /** Queue rows written since the last posting began: a big batch is posted at once. */
  waiting: number;
}
const posters = new WeakMap<Dexie, Poster>();

function posterOf(db: Dexie): Poster {
  let p = posters.get(db);
  if (!p) posters.set(db, (p = { timer: null, running: null, waiting: 0 }));
  return p;
}

/** Plan a posting once the write's transaction has committed; nothing when it aborts. */
function postAfterCommit(db: Dexie, trans: DBCoreTransaction, n: number): void {
  (trans as unknown as IDBTransaction).addEventListener('complete', () => {
    const p = posterOf(db);
    p.waiting += n;
    schedule(db, p.waiting >= POST_NOW ? 0 : POST_AFTER_MS);
  });
}

function schedule(db: Dexie, delay: number): void {
  const p = posterOf(db);
  if (p.timer) clearTimeout(p.timer);
  p.timer = setTimeout(() => {
    p.timer = null;
    void postQueued(db);
  }, delay);
}

/**
 * Move every queued title change into the postings, a batch at a time. The postings are written
 * in a transaction of their own, apart from the queue: a save writes the queue, and would wait
 * behind a posting's rewrite of a hundred rows. So a posting reads a batch of the queue, applies
 * it (applying a change twice changes nothing), then settles the batch in the queue. One posting
 * at a time across the extension's pages and worker (a Web Lock): two at once could apply an old
 * change over a newer one. A failure (a full disk, a closed database) leaves the queue as it was:
 * search reads it meanwhile, and the next write's posting tries again.
 */
export function postQueued(db: Dexie): Promise<void> {
  const p = posterOf(db);
  const run = async () => {
    p.waiting = 0;
    try {
      if (!(await roomToWrite())) {
        schedule(db, POST_RETRY_MS);
        return;
      }
      await exclusively(db, async () => {
        while ((await postBatch(db)) === POST_BATCH) await nextTask();
      });
    } catch (e) {
      if (db.isOpen()) console.warn('qari: title postings left queued', e);
    }
  };
  const next = (p.running ?? Promise.resolve()).then(run);
  p.running = next;
  return next;
}

/**
 * Whether the disk has room for a posting. On a full disk Chromium refuses a save's write cleanly,
 * but a posting's small write got past that check and lost the entries saved just before it (the
 * full-disk e2e test, 4 runs of 6): its database's log could not be written. Nothing is lost by
 * waiting: search reads the queue. `navigator.storage.estimate()` gives a quota that shrinks to
 * the usage when the disk is full; where there is none (Node), there is room.
 */
async function roomToWrite(): Promise<boolean> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.estimate) return true;
  try {
    const { quota, usage } = await storage.estimate();
    return quota === undefined || usage === undefined || quota - usage >= MIN_FREE_BYTES;
  } catch {
    return true;
  }
}

async function exclusively(db: Dexie, run: () => Promise<void>): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) await locks.request(`${LOCK}:${db.name}`, run);
  else await run();
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

const queueOf = (db: Dexie) => db.table<TitleQueueRow, number>(TITLE_QUEUE);

/** Post up to POST_BATCH queued changes; returns how many were read. */
async function postBatch(db: Dexie): Promise<number> {
  const rows = await queueOf(db).limit(POST_BATCH).toArray();
  if (rows.length === 0) return 0;
  await applyPostings(db, rows);
  await settle(db, rows);
  return rows.length;
}

async function applyPostings(db: Dexie, rows: readonly TitleQueueRow[]): Promise<void> {
  const postings = db.table<TitlePostingRow, [string, number]>(TITLE_POSTINGS);
  const before: Titles = new Map(rows.map((r) => [r.id, r.from]));
  const after: Titles = new Map(rows.map((r) => [r.id, r.to]));
  const changes = changesOf(before, after);
  const cells = [...changes.keys()];
  const keys = cells.map((c) => [...keyOfCell(c)] as [string, number]);
  await db.transaction('rw', postings, async () => {
    const held = await postings.bulkGet(keys);
    const puts: TitlePostingRow[] = [];
    const deletes: [string, number][] = [];
    keys.forEach(([term, block], i) => {
      const ids = applyChange(held[i]?.ids ?? [], changes.get(cells[i]!)!);
      if (ids.length > 0) puts.push({ term, block, ids });
      else if (held[i]) deletes.push([term, block]);
    });
    // One call each: see the head of this module on side-by-side bulk writes.
    if (puts.length > 0) await postings.bulkPut(puts);
    if (deletes.length > 0) await postings.bulkDelete(deletes);
  });
}

/**
 * Take the posted rows off the queue. A row written since it was read keeps its new title, from
 * the one now posted.
 */
async function settle(db: Dexie, posted: readonly TitleQueueRow[]): Promise<void> {
  const queue = queueOf(db);
  await db.transaction('rw', queue, async () => {
    const now = await queue.bulkGet(posted.map((r) => r.id));
    const done: number[] = [];
    const moved: TitleQueueRow[] = [];
    posted.forEach((r, i) => {
      const row = now[i];
      if (!row) return;
      if (sameTerms(row.to, r.to)) done.push(r.id);
      else moved.push({ id: r.id, from: r.to, to: row.to });
    });
    if (done.length > 0) await queue.bulkDelete(done);
    if (moved.length > 0) await queue.bulkPut(moved);
  });
}

/** Post whatever is queued now, without waiting for the timer: tests and the bench use it. */
export async function flushTitlePostings(db: Dexie): Promise<void> {
  const p = posterOf(db);
  if (p.timer) clearTimeout(p.timer);
  p.timer = null;
  await postQueued(db);
}

/**
 * Keeps the title postings in step with `terms` writes through the queue, for `db`. A posting
 * moves the whole queue, not only this context's writes: changes left queued by a context that
 * stopped before its posting (a worker, a popup closed at once) go with the next write's, and
 * search reads them meanwhile. A context that only reads posts nothing.
 */
export function titlePostingsMiddleware(db: Dexie): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'TitlePostings',
    create: (down) => {
      const has = down.schema.tables.some((t) => t.name === TITLE_QUEUE);
      if (!has) return {};
      return {
        transaction: (stores, mode, options) =>
          down.transaction(
            mode === 'readwrite' && stores.includes(TERMS) && !stores.includes(TITLE_QUEUE)
              ? [...stores, TITLE_QUEUE]
              : stores,
            mode,
            options,
          ),
        table: (name) => (name === TERMS ? termsTable(db, down) : down.table(name)),
      };
    },
  };
}

/** Fill the postings from every `terms` row: for the upgrade that creates the table. */
export async function buildTitlePostings(tx: Transaction): Promise<void> {
  const terms = tx.table<TermsRow, number>(TERMS);
  const postings = tx.table<TitlePostingRow, [string, number]>(TITLE_POSTINGS);
  const cells = new Map<string, TitlePostingRow>();
  const keys = await terms.toCollection().primaryKeys();
  for (let i = 0; i < keys.length; i += BUILD_PAGE) {
    const rows = await terms.bulkGet(keys.slice(i, i + BUILD_PAGE));
    for (const row of rows) {
      if (!row) continue;
      const block = blockOf(row.id);
      // Keys come ascending, so each list is built in order.
      for (const term of new Set(row.title)) {
        const cell = cells.get(cellOf(term, block));
        if (cell) cell.ids.push(row.id);
        else cells.set(cellOf(term, block), { term, block, ids: [row.id] });
      }
    }
  }
  await postings.clear();
  await postings.bulkPut([...cells.values()]);
}
