/**
 * Per title term, the ids of the entries whose title holds it, in a few rows: one per term and
 * block of BLOCK_IDS consecutive ids. Search ranks title matches first, so it needs a query
 * word's whole title set; read from a multiEntry index that costs a few microseconds per entry
 * in Chromium (10–25 ms for a word in 1,000–2,000 titles), where one range of rows of ids costs
 * a fraction of a millisecond. Blocks bound what one write rewrites: an import of 10,000 entries
 * sharing a title word in one transaction would rewrite a single row of that word 10,000 times.
 *
 * The rows are derived from the `terms` rows and kept in step by a DBCore middleware, so no
 * writer has to know about them: every write transaction over `terms` also covers this table,
 * and each write to `terms` applies its entries' title changes here in the same transaction.
 * Upgrades that write `terms` before this table exists are covered by the upgrade that creates
 * it, which builds it whole.
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
import type { TermsRow } from './entry';

export const TITLE_POSTINGS = 'titlePostings';
const TERMS = 'terms';
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

/** Rows by cell, absent ones as undefined. */
type Cells = Map<string, TitlePostingRow | undefined>;

async function readCells(
  postings: DBCoreTable,
  trans: DBCoreTransaction,
  cells: string[],
): Promise<Cells> {
  if (cells.length === 0) return new Map();
  const rows = (await postings.getMany({ trans, keys: cells.map(keyOfCell) })) as (
    TitlePostingRow | undefined
  )[];
  return new Map(cells.map((c, i) => [c, rows[i]]));
}

/**
 * The rows the values written will change, read before the write's own reads are answered:
 * a new entry's title cells are all of them, so a save waits for one round trip fewer.
 */
function cellsAhead(req: DBCoreMutateRequest): string[] {
  if (req.type !== 'add' && req.type !== 'put') return [];
  const out = new Set<string>();
  for (const v of req.values as TermsRow[])
    for (const t of titleOf(v)) out.add(cellOf(t, blockOf(v.id)));
  return [...out];
}

async function writeChanges(
  postings: DBCoreTable,
  trans: DBCoreTransaction,
  changes: Map<string, Change>,
  ahead: Cells,
): Promise<void> {
  if (changes.size === 0) return;
  const cells = [...changes.keys()];
  const keys = cells.map(keyOfCell);
  const more = await readCells(
    postings,
    trans,
    cells.filter((c) => !ahead.has(c)),
  );
  const rows = cells.map((c) => (ahead.has(c) ? ahead.get(c) : more.get(c)));
  const puts: TitlePostingRow[] = [];
  const deletes: (readonly [string, number])[] = [];
  keys.forEach(([term, block], i) => {
    const ids = applyChange(rows[i]?.ids ?? [], changes.get(cells[i]!)!);
    if (ids.length > 0) puts.push({ term, block, ids });
    else if (rows[i]) deletes.push([term, block]);
  });
  if (puts.length > 0) await postings.mutate({ type: 'put', trans, values: puts });
  if (deletes.length > 0) await postings.mutate({ type: 'delete', trans, keys: deletes });
}

/** The ids a write to `terms` touches, with their titles before it. */
async function titlesBefore(terms: DBCoreTable, req: DBCoreMutateRequest): Promise<Titles> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    const query = { index: terms.schema.primaryKey, range: req.range };
    const { result } = await terms.query({ trans, query, values: true });
    return new Map((result as TermsRow[]).map((r) => [r.id, titleOf(r)]));
  }
  const keys =
    req.type === 'delete'
      ? req.keys
      : (req.keys ?? req.values.map((v) => terms.schema.primaryKey.extractKey!(v)));
  const rows = (await terms.getMany({ trans, keys })) as (TermsRow | undefined)[];
  return new Map(keys.map((k, i) => [k as number, titleOf(rows[i])]));
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

/** Each transaction's writes to `terms`, one after another: two reading a term's row at once would lose one's change. */
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

/** Whether the transaction covers the postings: not in upgrades run before the table existed. */
const covers = (trans: DBCoreTransaction) =>
  (trans as unknown as IDBTransaction).objectStoreNames.contains(TITLE_POSTINGS);

function termsTable(down: DBCore): DBCoreTable {
  const terms = down.table(TERMS);
  const postings = () => down.table(TITLE_POSTINGS);
  return {
    ...terms,
    mutate: (req) =>
      covers(req.trans)
        ? inTurn(req.trans, async () => {
            // Issued together, answered in order: the reads see the rows before the write.
            const [ahead, before, res] = await Promise.all([
              readCells(postings(), req.trans, cellsAhead(req)),
              titlesBefore(terms, req),
              terms.mutate(req),
            ]);
            const changes = changesOf(before, titlesAfter(req, res, before));
            await writeChanges(postings(), req.trans, changes, ahead);
            return res;
          })
        : terms.mutate(req),
  };
}

export const titlePostingsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'TitlePostings',
  create: (down) => {
    const has = down.schema.tables.some((t) => t.name === TITLE_POSTINGS);
    if (!has) return {};
    return {
      transaction: (stores, mode, options) =>
        down.transaction(
          mode === 'readwrite' && stores.includes(TERMS) && !stores.includes(TITLE_POSTINGS)
            ? [...stores, TITLE_POSTINGS]
            : stores,
          mode,
          options,
        ),
      table: (name) => (name === TERMS ? termsTable(down) : down.table(name)),
    };
  },
};

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
