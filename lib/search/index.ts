/**
 * Search as you type over the saved articles' title, site, byline and body.
 *
 * Design (for ~10,000 Arabic articles in Chromium's IndexedDB): each article has a `terms` row
 * with a multiEntry index `all` (distinct terms of the other fields that are not the title's),
 * and each title term has one row listing the entries whose title holds it
 * (`lib/store/title-postings.ts`): a word's entries are both. Every index
 * entry read costs a few microseconds, counted or fetched alike, so a word found in thousands of
 * articles costs tens of milliseconds to read whole; a term row costs about as much as ten index
 * entries. The planner therefore reads little and checks much:
 *
 * - each query term's `all` range is probed with a bounded read: a rare term is read whole and
 *   narrows the candidates exactly; a common one is left to be checked on term rows;
 * - the title postings (a row per term) are read whole: they rank the entries, and an entry whose
 *   title holds a term needs no check for it;
 * - few candidates are checked on their term rows at once (an exact answer); many are walked in
 *   rank order (title matches first, then the newest) in small batches until the page is full,
 *   the total then estimated from the share that matched (`exact: false`). When the common words
 *   match so rarely together that the walk would be long, their ranges are read whole instead.
 *
 * Recency comes from a cached newest-first list of ids (`recency.ts`), complete index ranges
 * from a session cache (`postings.ts`: each keystroke repeats the finished words). Only the page
 * shown reads article rows and plain texts (for snippets), so cost grows with the page, not the
 * library, and nothing has to be loaded first: the popup searches as soon as it opens.
 *
 * An in-memory index was the alternative: it would make every popup opening read every
 * article's terms (megabytes at 10,000 entries) before the first answer.
 */
import { highlightSearchText } from '../highlights/search-text';
import type { QariDb } from '../store/db';
import { toEntry, type Entry } from '../store/entry';
import {
  highlight,
  plainSnippet,
  snippet,
  type MatchMemo,
  type Range,
  type Snippet,
} from './highlight';
import {
  bodyPrefixPosting,
  bodyWordPosting,
  titlePrefixPosting,
  titleWordPosting,
  withTitle,
  wordPosting,
  type Posting,
} from './postings';
import {
  familyQuery,
  isEmptyQuery,
  parseQuery,
  termMatches,
  type ParsedQuery,
  type QueryOptions,
} from './query';
import { recencyOrder, type Recency } from './recency';
import { holdsPrefix, holdsWord, termLines, type TermLine } from './term-rows';
import { rewriteUnknown } from './unknown-words';

// Up to this many candidates, the terms still open are checked on every candidate's term row.
const FILTER_MAX = 64;
// Index entries read per term to learn whether it is rare enough to be read whole.
const PROBE_MAX = 400;
// Term rows read per step when walking the candidates in rank order.
const WALK_BATCH = 48;
// Term rows a walk may read before the common words' ranges are read whole instead.
const WALK_MAX = 240;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;
// What a query word in the title counts, against one for its exact form there.
const TITLE_WEIGHT = 2;

/** Strategy thresholds; tests and the benchmark change them to force one path or the other. */
export interface SearchTuning {
  filterMax: number;
  probeMax: number;
  walkBatch: number;
  walkMax: number;
}

const TUNING: SearchTuning = {
  filterMax: FILTER_MAX,
  probeMax: PROBE_MAX,
  walkBatch: WALK_BATCH,
  walkMax: WALK_MAX,
};

export interface SearchOptions extends QueryOptions {
  offset?: number;
  limit?: number;
  tuning?: Partial<SearchTuning>;
}

export interface SearchHit {
  entry: Entry;
  /** How many query words matched the title: the primary rank. */
  titleMatches: number;
  /** Where the query matches the title, for `<mark>`. */
  titleRanges: Range[];
  /** Body text around the matches; its start when only other fields matched; null without a body. */
  snippet: Snippet | null;
  /** The snippet is from a highlight's note: the body does not hold the words, a note does. */
  inNote?: boolean;
}

export interface SearchResult {
  query: ParsedQuery;
  /** How many entries match in all (for paging); an estimate when `exact` is false. */
  total: number;
  exact: boolean;
  hits: SearchHit[];
  /** True when nothing matched as typed and these are matches for words one letter away. */
  near: boolean;
}

/** Query terms not yet settled by an index read: to be checked on term rows. */
interface Open {
  words: string[];
  /** The typed prefix's forms, or null when it is settled (or there is none). */
  forms: string[] | null;
}

interface Titles {
  words: Map<string, Set<number>>;
  prefix: Set<number>;
}

interface Page {
  ids: number[];
  total: number;
  exact: boolean;
}

const isSettled = (open: Open) => open.words.length === 0 && open.forms === null;

function lineMatches(line: TermLine | undefined, open: Open): boolean {
  if (line === undefined) return false;
  return (
    open.words.every((w) => holdsWord(line, w)) && (!open.forms || holdsPrefix(line, open.forms))
  );
}

/** Whether the titles alone show that an entry holds every open term. */
function titleSettles(titles: Titles, open: Open): (id: number) => boolean {
  const sets = open.words.map((w) => titles.words.get(w) ?? new Set<number>());
  if (open.forms) sets.push(titles.prefix);
  return (id) => sets.every((s) => s.has(id));
}

/** The intersection of the given sets (smallest first), or null when there are none. */
function intersectAll(sets: Set<number>[]): Set<number> | null {
  if (sets.length === 0) return null;
  const [first, ...rest] = [...sets].sort((x, y) => x.size - y.size);
  if (rest.length === 0) return first!;
  const out = new Set<number>();
  for (const id of first!) if (rest.every((s) => s.has(id))) out.add(id);
  return out;
}

/**
 * Candidates (all entries when null) by title score, then newest first. One pass over the
 * recency list; ids saved after the list was built count as the newest.
 */
function ranked(
  candidates: Set<number> | null,
  score: (id: number) => number,
  recency: Recency,
  exclude: Set<number>,
): number[] {
  const buckets: number[][] = [];
  const add = (id: number) => (buckets[score(id)] ??= []).push(id);
  if (candidates) {
    [...candidates]
      .filter((id) => !recency.rank.has(id) && !exclude.has(id))
      .sort((a, b) => b - a)
      .forEach(add);
  }
  for (const id of recency.ids)
    if ((!candidates || candidates.has(id)) && !exclude.has(id)) add(id);
  return buckets.reverse().flatMap((b) => b ?? []);
}

/**
 * The share of the library a probed word is in, judged from how far through the ids its bounded
 * read got (an index range lists its entries in id order).
 */
function shareOf(p: Posting, recency: Recency): number {
  if (p.complete || recency.maxId <= 0 || recency.ids.length === 0) return 1;
  const reached = Math.max(1, recency.ids.length * Math.min(1, p.maxId / recency.maxId));
  return Math.min(1, p.ids.size / reached);
}

/** Up to `max` of `ids`, in the order of `newest` (all ids, newest first), then any others. */
function newestOf(ids: number[], newest: number[], max: number): number[] {
  const left = new Set(ids);
  const out: number[] = [];
  for (const id of newest) {
    if (out.length >= max) return out;
    if (left.delete(id)) out.push(id);
  }
  for (const id of left) {
    if (out.length >= max) break;
    out.push(id);
  }
  return out;
}

/**
 * The first `need` entries of `order` that hold the open terms, reading term rows in batches
 * (an entry settled by the titles is taken without reading). Estimates the total; gives up
 * (null) after reading `maxRows` rows.
 */
async function walk(
  db: QariDb,
  order: number[],
  open: Open,
  settled: (id: number) => boolean,
  need: number,
  batchSize: number,
  maxRows: number,
  newest: number[],
): Promise<Page | null> {
  const found: number[] = [];
  let i = 0;
  let tested = 0;
  let matched = 0;
  while (i < order.length && found.length < need) {
    if (tested >= maxRows) return null;
    const batch = order.slice(i, i + batchSize);
    i += batch.length;
    const unknown = batch.filter((id) => !settled(id));
    const lines = unknown.length > 0 ? await termLines(db, unknown) : [];
    const ok = new Set(unknown.filter((_, k) => lineMatches(lines[k], open)));
    tested += unknown.length;
    matched += ok.size;
    for (const id of batch) if (ok.has(id) || settled(id)) found.push(id);
  }
  if (i >= order.length) return { ids: found, total: found.length, exact: true };
  const rest = order.slice(i).filter((id) => !settled(id));
  const restSettled = order.length - i - rest.length;
  if (tested < batchSize && rest.length > 0) {
    // Title matches filled the page, so too few rows were read to judge how common the terms
    // are in bodies: read a sample of the rest, its newest entries. Every search walks from the
    // newest, so their rows are usually cached already; a sample spread over the library would
    // read as many cold rows, the slowest read a query makes.
    const sample = newestOf(rest, newest, batchSize);
    const lines = await termLines(db, sample);
    tested += sample.length;
    matched += lines.filter((l) => lineMatches(l, open)).length;
  }
  const rate = tested > 0 ? matched / tested : 1;
  const estimate = found.length + restSettled + Math.round(rest.length * rate);
  return { ids: found, total: estimate, exact: false };
}

/** Check every candidate's term row: the exact matches. */
async function filterRows(db: QariDb, candidates: Set<number>, open: Open): Promise<Set<number>> {
  const ids = [...candidates];
  const lines = await termLines(db, ids);
  return new Set(ids.filter((_, k) => lineMatches(lines[k], open)));
}

async function toHits(
  db: QariDb,
  q: ParsedQuery,
  ids: number[],
  inTitle: (id: number) => number,
): Promise<SearchHit[]> {
  const [rows, texts] = await Promise.all([db.articles.bulkGet(ids), db.texts.bulkGet(ids)]);
  // The page's texts share most of their words: match each distinct word once.
  const memo: MatchMemo = new Map();
  const hits: SearchHit[] = [];
  rows.forEach((row, i) => {
    if (!row) return;
    const text = texts[i]?.text ?? null;
    const inBody = text === null ? null : snippet(text, q, memo);
    // Notes are searched with the body (the entry's search row): show the note the words are in.
    const notes = inBody || !row.highlights ? '' : highlightSearchText(row);
    const inNote = notes ? snippet(notes, q, memo) : null;
    hits.push({
      entry: toEntry(row),
      titleMatches: inTitle(row.id),
      titleRanges: highlight(row.meta.title, q, memo),
      snippet: inBody ?? inNote ?? (text === null ? null : plainSnippet(text)),
      ...(inNote ? { inNote: true } : {}),
    });
  });
  return hits;
}

interface Plan {
  q: ParsedQuery;
  recency: Recency;
  titles: Titles;
  score: (id: number) => number;
  tuning: SearchTuning;
  need: number;
  /** Entries left out: those a tier above lists already. */
  exclude: Set<number>;
}

/** The ranked page of matches, given the candidates so far and the terms still open. */
async function resolve(
  db: QariDb,
  plan: Plan,
  known: Set<number> | null,
  open: Open,
  shares: number[],
): Promise<Page> {
  const { recency, score, tuning, need, titles, exclude } = plan;
  if (known && exclude.size > 0) known = new Set([...known].filter((id) => !exclude.has(id)));
  if (known?.size === 0) return { ids: [], total: 0, exact: true };
  if (known && !isSettled(open) && known.size <= tuning.filterMax) {
    known = await filterRows(db, known, open);
    open = { words: [], forms: null };
  }
  if (isSettled(open)) {
    const all = ranked(known, score, recency, exclude);
    return { ids: all, total: all.length, exact: true };
  }
  const order = ranked(known, score, recency, exclude);
  const share = shares.reduce((a, b) => a * b, 1);
  // No row is needed (a lower tier below a full page): its total from the probes alone, where
  // a sample of term rows would read the slowest rows a query reads, for a count.
  if (need === 0) return { ids: [], total: Math.round(order.length * share), exact: false };
  // Only the common words can be read whole; a broad prefix is always walked.
  const canRead = open.words.length > 0;
  const expected = need / share;
  if (!canRead || expected <= tuning.walkMax) {
    const maxRows = canRead ? tuning.walkMax : Infinity;
    const settled = titleSettles(titles, open);
    const w = await walk(db, order, open, settled, need, tuning.walkBatch, maxRows, recency.ids);
    if (w) return w;
  }
  // The common words match too rarely together for a short walk: read their ranges whole.
  const full = await Promise.all(open.words.map((w) => wordPosting(db, w)));
  const narrowed = intersectAll([...(known ? [known] : []), ...full.map((p) => p.ids)]);
  return resolve(db, plan, narrowed, { words: [], forms: open.forms }, []);
}

interface Tier {
  q: ParsedQuery;
  page: Page;
  /** How many query words an entry's title holds (by stem). */
  inTitle: (id: number) => number;
  score: (id: number) => number;
}

/** What a tier reads from the index before it ranks: every request issued at once. */
interface Reads {
  recency: Recency;
  bodyProbes: Posting[];
  bodyPrefix: Posting | null;
  titleWords: Posting[];
  titlePrefix: Posting | null;
  titleExact: Posting[];
}

const readExact = (db: QariDb, q: ParsedQuery) =>
  Promise.all(q.exact.map((w) => titleWordPosting(db, w)));

async function readTier(
  db: QariDb,
  q: ParsedQuery,
  tuning: SearchTuning,
  exact: Promise<Posting[]>,
): Promise<Reads> {
  const forms = q.prefix;
  const [recency, bodyProbes, bodyPrefix, titleWords, titlePrefix, titleExact] = await Promise.all([
    recencyOrder(db),
    Promise.all(q.words.map((w) => bodyWordPosting(db, w, tuning.probeMax))),
    forms ? bodyPrefixPosting(db, forms, tuning.probeMax) : null,
    Promise.all(q.words.map((w) => titleWordPosting(db, w))),
    forms ? titlePrefixPosting(db, forms) : null,
    exact,
  ]);
  return { recency, bodyProbes, bodyPrefix, titleWords, titlePrefix, titleExact };
}

/** One query's ranked matches: title words (exact forms above stems) first, then the newest. */
async function rankTier(
  db: QariDb,
  q: ParsedQuery,
  reads: Reads,
  tuning: SearchTuning,
  need: number,
  exclude: Set<number> = new Set(),
): Promise<Tier> {
  const forms = q.prefix;
  const { recency, bodyProbes, bodyPrefix, titleWords, titlePrefix, titleExact } = reads;
  // The `all` index leaves out the title's terms: an entry holds a word in either.
  const probes = bodyProbes.map((p, i) => withTitle(p, titleWords[i]!));
  const prefix = bodyPrefix && withTitle(bodyPrefix, titlePrefix!);
  const titles: Titles = {
    words: new Map(q.words.map((w, i) => [w, titleWords[i]!.ids])),
    prefix: titlePrefix?.ids ?? new Set(),
  };
  // A title word counts two, and one more when it is the word as typed (not another form of
  // its stem): المستشفى above المستشفيات for «مستشفى».
  const inTitle = (id: number) =>
    q.words.reduce((n, w) => n + (titles.words.get(w)!.has(id) ? 1 : 0), 0) +
    (titles.prefix.has(id) ? 1 : 0);
  const score = (id: number) =>
    TITLE_WEIGHT * inTitle(id) + titleExact.reduce((n, p) => n + (p.ids.has(id) ? 1 : 0), 0);
  const exactSets = probes.filter((p) => p.complete).map((p) => p.ids);
  if (prefix?.complete) exactSets.push(prefix.ids);
  const open: Open = {
    words: q.words.filter((_, i) => !probes[i]!.complete),
    forms: prefix && !prefix.complete ? forms : null,
  };
  const shares = probes.map((p) => shareOf(p, recency));
  const plan: Plan = { q, recency, titles, score, tuning, need, exclude };
  const page = await resolve(db, plan, intersectAll(exactSets), open, shares);
  return { q, page, inTitle, score };
}

async function matchTier(
  db: QariDb,
  q: ParsedQuery,
  tuning: SearchTuning,
  need: number,
): Promise<Tier> {
  return rankTier(db, q, await readTier(db, q, tuning, readExact(db, q)), tuning, need);
}

/**
 * The second tier below a complete first one: the entries the query's lexicon families find
 * (شارع → شوارع), those of the first left out. Its index reads were issued beside the first
 * tier's; it walks only for the rows the page still needs below the first tier's (none when
 * the first fills the page: then its total is estimated from a sample). Null when there is
 * none to add.
 */
async function familyTier(
  db: QariDb,
  fq: ParsedQuery,
  reads: Promise<Reads>,
  first: Tier,
  tuning: SearchTuning,
  need: number,
): Promise<Tier | null> {
  if (!first.page.exact) return null;
  const seen = new Set(first.page.ids);
  const t = await rankTier(db, fq, await reads, tuning, Math.max(0, need - seen.size), seen);
  return t.page.ids.length > 0 || t.page.total > 0 ? t : null;
}

/**
 * Search the reading list. Every finished word must match (after folding and stemming, or as
 * a form of it without clitics); the word being typed matches as a prefix. Entries whose title
 * matches more query words come first, then newer ones; then, below them, entries found through
 * the words' plurals and derived forms (the lexicon). When nothing matches at all, words one
 * letter away from the index's (`near`: the view says the results are near the query).
 */
export async function search(
  db: QariDb,
  text: string,
  opts: SearchOptions = {},
): Promise<SearchResult> {
  const q = parseQuery(text, opts);
  const none: SearchResult = { query: q, total: 0, exact: true, hits: [], near: false };
  if (isEmptyQuery(q)) return none;
  const offset = Math.max(0, Math.trunc(opts.offset ?? 0));
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(opts.limit ?? DEFAULT_LIMIT)));
  const tuning = { ...TUNING, ...opts.tuning };
  const need = offset + limit;
  const tables = [db.terms, db.titlePostings, db.titleQueue, db.articles, db.texts];
  return db.transaction('r', tables, async () => {
    const exactReads = readExact(db, q);
    const firstReads = readTier(db, q, tuning, exactReads);
    // Worked out while the first tier's reads are out: the lexicon lookups take milliseconds.
    const fq = familyQuery(q, text);
    const first = await rankTier(db, q, await firstReads, tuning, need);
    const tiers = [first];
    const familyReads = fq && first.page.exact ? readTier(db, fq, tuning, exactReads) : null;
    const second =
      fq && familyReads ? await familyTier(db, fq, familyReads, first, tuning, need) : null;
    if (second) tiers.push(second);
    let near = false;
    if (first.page.total === 0 && !second) {
      const rewritten = await rewriteUnknown(db, text);
      if (rewritten) {
        tiers[0] = await matchTier(db, rewritten.q, tuning, need);
        near = rewritten.near && tiers[0].page.total > 0;
      }
    }
    const total = tiers.reduce((n, t) => n + t.page.total, 0);
    if (total === 0) return none;
    const hits: SearchHit[] = [];
    let skip = offset;
    for (const t of tiers) {
      const ids = t.page.ids.slice(skip, skip + limit - hits.length);
      skip = Math.max(0, skip - t.page.ids.length);
      if (ids.length > 0) hits.push(...(await toHits(db, t.q, ids, t.inTitle)));
    }
    const exact = tiers.every((t) => t.page.exact);
    return { query: q, total, exact, hits, near };
  });
}

export { parseQuery, termMatches };
export type { ParsedQuery, Range, Snippet };
