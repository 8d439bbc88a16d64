/**
 * Search as you type over the saved articles' title, site, byline and body.
 *
 * Design (for ~10,000 Arabic articles in Chromium's IndexedDB): each article has a `terms` row
 * with two multiEntry indexes, `all` (distinct light10 stems of every field) and `title`. A
 * finished word is one `equals` lookup answered with primary keys only (no rows read); the id
 * sets are intersected in memory. Ranking needs the title lookups (small index) and recency,
 * which comes from a cached newest-first list of ids (`recency.ts`). Only the page shown reads
 * article rows and plain texts (for snippets), so cost grows with the matches, not the library,
 * and nothing has to be loaded first: the popup searches as soon as it opens.
 *
 * The word being typed is a prefix, and two or three letters can match most of the library
 * (مست… is in half of all news articles). Reading such a range would cost hundreds of
 * milliseconds, so a prefix is first probed with a bounded read: a narrow prefix gets its exact
 * matches; a broad one is checked entry by entry in rank order (title matches first, then the
 * newest), reading term rows in small batches until the page is full. A broad prefix matches
 * often, so that walk is short; its total is then estimated from the share that matched
 * (`exact: false`) and becomes exact as soon as a finished word narrows the search.
 *
 * An in-memory index was the alternative: it would make every popup opening read every
 * article's terms (megabytes at 10,000 entries) before the first answer.
 */
import type { QariDb } from '../store/db';
import { toEntry, type Entry, type TermsRow } from '../store/entry';
import { highlight, plainSnippet, snippet, type Range, type Snippet } from './highlight';
import {
  isEmptyQuery,
  parseQuery,
  termMatches,
  type ParsedQuery,
  type QueryOptions,
} from './query';
import { recencyOrder, type Recency } from './recency';

// Up to this many candidates, a typed prefix is checked on their term rows, not by index range.
const FILTER_MAX = 64;
// Index entries read to learn whether a typed prefix is narrow enough to read whole.
const PROBE_MAX = 4000;
// Term rows read per step when walking the candidates of a broad prefix.
const WALK_BATCH = 48;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;

/** Strategy thresholds; tests and the benchmark change them to force one path or the other. */
export interface SearchTuning {
  filterMax: number;
  probeMax: number;
  walkBatch: number;
}

const TUNING: SearchTuning = { filterMax: FILTER_MAX, probeMax: PROBE_MAX, walkBatch: WALK_BATCH };

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
}

export interface SearchResult {
  query: ParsedQuery;
  /** How many entries match in all (for paging); an estimate when `exact` is false. */
  total: number;
  exact: boolean;
  hits: SearchHit[];
}

interface TitleSets {
  words: Set<number>[];
  prefix: Set<number>;
}

const hasPrefix = (row: TermsRow | undefined, forms: string[]): boolean =>
  row?.all.some((t) => forms.some((f) => t.startsWith(f))) ?? false;

function intersect(a: Set<number> | null, b: Iterable<number>): Set<number> {
  if (a === null) return new Set(b);
  const out = new Set<number>();
  for (const id of b) if (a.has(id)) out.add(id);
  return out;
}

function prefixRange(db: QariDb, index: 'all' | 'title', forms: string[]) {
  const where = db.terms.where(index);
  return forms.length === 1 ? where.startsWith(forms[0] ?? '') : where.startsWithAnyOf(forms);
}

/** Entries holding every finished word, or null when the query has none. */
async function wordMatches(db: QariDb, words: string[]): Promise<Set<number> | null> {
  if (words.length === 0) return null;
  const lists = await Promise.all(words.map((w) => db.terms.where('all').equals(w).primaryKeys()));
  lists.sort((x, y) => x.length - y.length);
  let ids: Set<number> | null = null;
  for (const l of lists) {
    ids = intersect(ids, l);
    if (ids.size === 0) break;
  }
  return ids;
}

async function titleSets(db: QariDb, q: ParsedQuery): Promise<TitleSets> {
  const [prefix, ...words] = await Promise.all([
    q.prefix ? prefixRange(db, 'title', q.prefix).primaryKeys() : Promise.resolve([]),
    ...q.words.map((w) => db.terms.where('title').equals(w).primaryKeys()),
  ]);
  return { words: words.map((ids) => new Set(ids)), prefix: new Set(prefix) };
}

/** The exact matches of a typed prefix among `words` (all entries if null), or null if broad. */
async function narrowPrefix(
  db: QariDb,
  forms: string[],
  words: Set<number> | null,
  tuning: SearchTuning,
): Promise<Set<number> | null> {
  if (words && words.size <= tuning.filterMax) {
    const rows = await db.terms.bulkGet([...words]);
    return new Set(rows.filter((r) => hasPrefix(r, forms)).map((r) => r!.id));
  }
  const probe = await prefixRange(db, 'all', forms).limit(tuning.probeMax).primaryKeys();
  return probe.length < tuning.probeMax ? intersect(words, probe) : null;
}

/**
 * Candidates (all entries when null) by title score, then newest first. One pass over the
 * recency list; ids saved after the list was built count as the newest.
 */
function ranked(
  candidates: Set<number> | null,
  score: (id: number) => number,
  recency: Recency,
): number[] {
  const buckets: number[][] = [];
  const add = (id: number) => (buckets[score(id)] ??= []).push(id);
  if (candidates) {
    [...candidates]
      .filter((id) => !recency.rank.has(id))
      .sort((a, b) => b - a)
      .forEach(add);
  }
  for (const id of recency.ids) if (!candidates || candidates.has(id)) add(id);
  return buckets.reverse().flatMap((b) => b ?? []);
}

/**
 * The first `need` matches of a broad prefix, walking the ranked candidates and reading their
 * term rows in batches (a prefix in the title is a match without reading). Estimates the total.
 */
async function walk(
  db: QariDb,
  order: number[],
  forms: string[],
  inTitle: Set<number>,
  need: number,
  batchSize: number,
): Promise<{ ids: number[]; total: number; exact: boolean }> {
  const found: number[] = [];
  let i = 0;
  let tested = 0;
  let matched = 0;
  while (i < order.length && found.length < need) {
    const batch = order.slice(i, i + batchSize);
    i += batch.length;
    const unknown = batch.filter((id) => !inTitle.has(id));
    const rows = unknown.length > 0 ? await db.terms.bulkGet(unknown) : [];
    const ok = new Set(rows.filter((r) => hasPrefix(r, forms)).map((r) => r!.id));
    tested += unknown.length;
    matched += ok.size;
    for (const id of batch) if (inTitle.has(id) || ok.has(id)) found.push(id);
  }
  if (i >= order.length) return { ids: found, total: found.length, exact: true };
  const rest = order.slice(i).filter((id) => !inTitle.has(id));
  const restInTitle = order.length - i - rest.length;
  if (tested < batchSize && rest.length > 0) {
    // Title matches filled the page, so too few rows were read to judge how common the prefix
    // is in bodies: read a sample spread over the rest.
    const step = Math.max(1, Math.floor(rest.length / batchSize));
    const sample = rest.filter((_, k) => k % step === 0).slice(0, batchSize);
    const rows = await db.terms.bulkGet(sample);
    tested += sample.length;
    matched += rows.filter((r) => hasPrefix(r, forms)).length;
  }
  const rate = tested > 0 ? matched / tested : 1;
  const estimate = found.length + restInTitle + Math.round(rest.length * rate);
  return { ids: found, total: estimate, exact: false };
}

async function toHits(
  db: QariDb,
  q: ParsedQuery,
  ids: number[],
  score: (id: number) => number,
): Promise<SearchHit[]> {
  const [rows, texts] = await Promise.all([db.articles.bulkGet(ids), db.texts.bulkGet(ids)]);
  const hits: SearchHit[] = [];
  rows.forEach((row, i) => {
    if (!row) return;
    const text = texts[i]?.text ?? null;
    hits.push({
      entry: toEntry(row),
      titleMatches: score(row.id),
      titleRanges: highlight(row.meta.title, q),
      snippet: text === null ? null : (snippet(text, q) ?? plainSnippet(text)),
    });
  });
  return hits;
}

/**
 * Search the reading list. Every finished word must match (after folding and stemming); the
 * word being typed matches as a prefix. Entries whose title matches more query words come first,
 * then newer ones.
 */
export async function search(
  db: QariDb,
  text: string,
  opts: SearchOptions = {},
): Promise<SearchResult> {
  const q = parseQuery(text, opts);
  const none: SearchResult = { query: q, total: 0, exact: true, hits: [] };
  if (isEmptyQuery(q)) return none;
  const offset = Math.max(0, Math.trunc(opts.offset ?? 0));
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(opts.limit ?? DEFAULT_LIMIT)));
  const tuning = { ...TUNING, ...opts.tuning };
  return db.transaction('r', [db.terms, db.articles, db.texts], async () => {
    const [recency, words, titles] = await Promise.all([
      recencyOrder(db),
      wordMatches(db, q.words),
      titleSets(db, q),
    ]);
    if (words?.size === 0) return none;
    const score = (id: number) =>
      titles.words.reduce((n, s) => n + (s.has(id) ? 1 : 0), 0) + (titles.prefix.has(id) ? 1 : 0);
    let ids: number[];
    let total: number;
    let exact = true;
    const matches = q.prefix ? await narrowPrefix(db, q.prefix, words, tuning) : words;
    if (matches) {
      const all = ranked(matches, score, recency);
      ids = all.slice(offset, offset + limit);
      total = all.length;
    } else {
      const order = ranked(words, score, recency);
      const need = offset + limit;
      const w = await walk(db, order, q.prefix ?? [], titles.prefix, need, tuning.walkBatch);
      ids = w.ids.slice(offset, offset + limit);
      total = w.total;
      exact = w.exact;
    }
    return { query: q, total, exact, hits: await toHits(db, q, ids, score) };
  });
}

export { parseQuery, termMatches };
export type { ParsedQuery, Range, Snippet };
