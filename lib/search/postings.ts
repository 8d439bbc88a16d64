/**
 * Which entries hold a term: in the title, read from the title postings (one row of ids per
 * term), or elsewhere (site, byline, body, notes), read from the `terms` table's `all` index,
 * which leaves out the title's terms; anywhere is both. In Chromium's IndexedDB every
 * index entry read costs about as much whether keys are fetched or only counted (some
 * microseconds each), so a common word (in thousands of entries) is never read whole from the
 * index unless the query planner decides it must be: a probe reads a bounded number of entries
 * and says whether that was all. A title postings row costs about as much as a few index entries.
 *
 * The title postings lag the `terms` rows by the title changes still queued (see
 * `lib/store/title-postings.ts`): a title posting is the rows' ids with the queued entries taken
 * out and put back where their title has the term now.
 *
 * Complete postings are kept for the search session (search as you type repeats the finished
 * words on every keystroke), dropped when Dexie reports a write, in any context, to a table they
 * are read from. Both caches are dropped together, and a search reads the queue and the rows in
 * one transaction, so a cached queue is never newer than a cached row: rows read after a posting,
 * with the queue from before it, still give the same ids (see `overlaid`).
 */
import type { QariDb } from '../store/db';
import { cachesClearedOnWrite } from './db-caches';
import { WHOLE } from './query';

// Complete postings kept per database, most recently used last; bounded by the ids they hold.
const CACHE_IDS = 200_000;

export type TermIndex = 'all' | 'title';

export interface Posting {
  ids: Set<number>;
  /** False when the probe stopped at its limit: `ids` is then only part of the entries. */
  complete: boolean;
  /** For a word (one key, read in id order): the largest id read, which bounds how far it got. */
  maxId: number;
}

/** A whole index range: its distinct entries and how many index entries it holds. */
interface Range {
  ids: Set<number>;
  entries: number;
}

interface Cache {
  sets: Map<string, Range>;
  size: number;
}

// The tables a posting is read from; a write to any of them drops the caches.
const SOURCES = ['terms', 'titlePostings', 'titleQueue'];
const caches = cachesClearedOnWrite<Cache>(SOURCES);

/** The title changes not yet posted: the entries they cover, and per term the ones holding it now. */
interface Pending {
  ids: Set<number>;
  byTerm: Map<string, number[]>;
}

const pendingCaches = cachesClearedOnWrite<Promise<Pending>>(SOURCES);

async function readPending(db: QariDb): Promise<Pending> {
  const rows = await db.titleQueue.toArray();
  const byTerm = new Map<string, number[]>();
  for (const r of rows) {
    for (const t of r.to) {
      const ids = byTerm.get(t);
      if (ids) ids.push(r.id);
      else byTerm.set(t, [r.id]);
    }
  }
  return { ids: new Set(rows.map((r) => r.id)), byTerm };
}

/** The queued title changes, read once until the next write. */
export function pendingTitles(db: QariDb): Promise<Pending> {
  let p = pendingCaches.get(db.name);
  if (!p) {
    p = readPending(db);
    pendingCaches.set(db.name, p);
    p.catch(() => pendingCaches.delete(db.name));
  }
  return p;
}

/**
 * A title posting as the `terms` rows have it: the queued entries taken out of what the postings
 * hold, and put back where their title now has a term in the key range the postings were read
 * over (`titleBounds`). The same whether the postings were read before a queued change was
 * posted or after.
 */
function overlaid(posted: Posting, pending: Pending, [[lo], [hi]]: Bounds): Posting {
  if (pending.ids.size === 0) return posted;
  const ids = new Set<number>();
  for (const id of posted.ids) if (!pending.ids.has(id)) ids.add(id);
  if (lo === hi) {
    for (const id of pending.byTerm.get(lo) ?? []) ids.add(id);
  } else {
    for (const [term, held] of pending.byTerm)
      if (term >= lo && term < hi) for (const id of held) ids.add(id);
  }
  return { ids, complete: true, maxId: Infinity };
}

function cacheOf(db: QariDb): Cache {
  let c = caches.get(db.name);
  if (!c) caches.set(db.name, (c = { sets: new Map(), size: 0 }));
  return c;
}

function recall(db: QariDb, key: string): Range | undefined {
  const c = cacheOf(db);
  const range = c.sets.get(key);
  if (range) {
    c.sets.delete(key);
    c.sets.set(key, range);
  }
  return range;
}

function remember(db: QariDb, key: string, range: Range): void {
  const c = cacheOf(db);
  if (range.entries > CACHE_IDS) return;
  const old = c.sets.get(key);
  if (old) c.size -= old.entries;
  c.sets.delete(key);
  c.sets.set(key, range);
  c.size += range.entries;
  for (const [k, v] of c.sets) {
    if (c.size <= CACHE_IDS) break;
    c.sets.delete(k);
    c.size -= v.entries;
  }
}

const keyOf = (index: TermIndex, kind: 'w' | 'p', term: string) => `${index}\u0000${kind}${term}`;

// Above every letter a term holds: where the terms starting with a prefix end.
const PREFIX_END = '\uffff';

/** A key range of the title postings: from one [term, block] to another. */
type Bounds = [[string, number], [string, number]];

/** The title postings' key range of a typed-word form: a whole term's rows, or a prefix's. */
function titleBounds(f: string): Bounds {
  if (f.endsWith(WHOLE))
    return [
      [f.slice(0, -1), -Infinity],
      [f.slice(0, -1), Infinity],
    ];
  return [
    [f, -Infinity],
    [f + PREFIX_END, -Infinity],
  ];
}

const largest = (ids: number[]) => ids.reduce((m, id) => (id > m ? id : m), 0);

/**
 * What a read of at most `max` entries would have found, from a whole range in the cache: the
 * cache saves reading but never changes which plan a query takes.
 */
function bounded({ ids, entries }: Range, max: number): Posting {
  if (entries < max) return { ids, complete: true, maxId: Infinity };
  const first = [...ids].sort((a, b) => a - b).slice(0, max);
  return { ids: new Set(first), complete: false, maxId: first.at(-1) ?? 0 };
}

/** A whole range, cached: a title posting is always read whole. */
async function titleRange(
  db: QariDb,
  key: string,
  read: () => Promise<number[][]>,
): Promise<Posting> {
  const cached = recall(db, key);
  if (cached) return { ids: cached.ids, complete: true, maxId: Infinity };
  const lists = await read();
  const ids = new Set(lists.length === 1 ? lists[0] : lists.flat());
  remember(db, key, { ids, entries: lists.reduce((n, l) => n + l.length, 0) });
  return { ids, complete: true, maxId: Infinity };
}

/** The title postings over `bounds` with the queued changes applied; the rows cached as `key`. */
async function titlePosting(db: QariDb, key: string, bounds: Bounds): Promise<Posting> {
  const [posted, pending] = await Promise.all([
    titleRange(db, key, async () => {
      const rows = await db.titlePostings
        .where('[term+block]')
        .between(...bounds, true, true)
        .toArray();
      return rows.map((r) => r.ids);
    }),
    pendingTitles(db),
  ]);
  return overlaid(posted, pending, bounds);
}

/** The entries whose title holds `word`. */
export function titleWordPosting(db: QariDb, word: string): Promise<Posting> {
  return titlePosting(db, keyOf('title', 'w', word), titleBounds(word + WHOLE));
}

/** The entries whose title holds a term starting with any of `forms`. */
export async function titlePrefixPosting(db: QariDb, forms: string[]): Promise<Posting> {
  const parts = await Promise.all(
    forms.map((f) => titlePosting(db, keyOf('title', 'p', f), titleBounds(f))),
  );
  const ids = parts.length === 1 ? parts[0]!.ids : new Set(parts.flatMap((p) => [...p.ids]));
  return { ids, complete: true, maxId: Infinity };
}

/**
 * `body` (an `all` index read) with the entries whose title holds the term: those the read
 * reached when it stopped at its bound, so the ids stay what a read of both would have found.
 */
export function withTitle(body: Posting, title: Posting): Posting {
  const ids = new Set(body.ids);
  for (const id of title.ids) if (body.complete || id <= body.maxId) ids.add(id);
  return { ids, complete: body.complete, maxId: body.maxId };
}

/** The entries holding `word` anywhere, reading at most `max` of the `all` index's. */
export async function wordPosting(db: QariDb, word: string, max = Infinity): Promise<Posting> {
  const [body, title] = await Promise.all([
    bodyWordPosting(db, word, max),
    titleWordPosting(db, word),
  ]);
  return withTitle(body, title);
}

/** The entries holding a term starting with any of `forms` anywhere (see `bodyPrefixPosting`). */
export async function prefixPosting(db: QariDb, forms: string[], max = Infinity): Promise<Posting> {
  const [body, title] = await Promise.all([
    bodyPrefixPosting(db, forms, max),
    titlePrefixPosting(db, forms),
  ]);
  return withTitle(body, title);
}

/** The entries whose `all` index holds `word`, reading at most `max` of them (all when Infinity). */
export async function bodyWordPosting(db: QariDb, word: string, max = Infinity): Promise<Posting> {
  const key = keyOf('all', 'w', word);
  const cached = recall(db, key);
  if (cached) return bounded(cached, max);
  const range = db.terms.where('all').equals(word);
  const ids = await (Number.isFinite(max) ? range.limit(max) : range).primaryKeys();
  const complete = ids.length < max;
  const set = new Set(ids);
  if (complete) remember(db, key, { ids: set, entries: ids.length });
  return { ids: set, complete, maxId: complete ? Infinity : largest(ids) };
}

/**
 * The entries whose `all` index holds a term starting with any of `forms`, each form's range read
 * up to `max` index entries (an entry appears once per matching term). One range per form: Dexie
 * answers several ranges at once with a cursor, an order of magnitude slower than key reads.
 */
export async function bodyPrefixPosting(
  db: QariDb,
  forms: string[],
  max = Infinity,
): Promise<Posting> {
  const parts = await Promise.all(
    forms.map(async (f) => {
      const key = keyOf('all', 'p', f);
      const cached = recall(db, key);
      if (cached) return bounded(cached, max);
      const all = db.terms.where('all');
      const range = f.endsWith(WHOLE) ? all.equals(f.slice(0, -1)) : all.startsWith(f);
      const ids = await (Number.isFinite(max) ? range.limit(max) : range).primaryKeys();
      const complete = ids.length < max;
      const set = new Set(ids);
      if (complete) remember(db, key, { ids: set, entries: ids.length });
      return { ids: set, complete };
    }),
  );
  const only = parts.length === 1 ? parts[0] : undefined;
  const ids = only ? only.ids : new Set(parts.flatMap((p) => [...p.ids]));
  return { ids, complete: parts.every((p) => p.complete), maxId: Infinity };
}
