/**
 * `library:fetchBody`: an entry synced from another browser has no article here; fetch its page
 * in the background, extract it with the same code as the reader and store the body. One fetch
 * per entry at a time: a second request (a second tab) waits for the first.
 */
import type { LibraryFailure, LibraryResult } from '../messages';
import type { Handlers } from '../messaging';
import { getEntry } from '../store/articles';
import { openDb, type QariDb } from '../store/db';
import type { Entry } from '../store/entry';
import { toStoreError } from '../store/errors';
import { fillBody } from '../store/fill-body';
import { pageUrlCandidates } from '../library/page-urls';
import { fetchAndExtract, type FetchExtractResult } from '../fetch/fetch-extract';

export const FETCH_BODY_FAILED_KEY = 'syncFetchBodyFailed';

type FetchBodyResult = LibraryResult<{ entry: Entry }>;

export interface FetchBodyDeps {
  db?: QariDb;
  fetchExtract?: (url: string) => Promise<FetchExtractResult>;
}

const inFlight = new Map<number, Promise<FetchBodyResult>>();
/** Fetch the first candidate that can be reached; an answer from the site (even 404) is final. */
async function fetchFirst(
  url: string,
  fetchExtract: (url: string) => Promise<FetchExtractResult>,
): Promise<FetchExtractResult> {
  let res: FetchExtractResult = { ok: false, reason: 'network' };
  for (const candidate of pageUrlCandidates(url)) {
    res = await fetchExtract(candidate);
    if (res.ok || res.reason !== 'network') return res;
  }
  return res;
}

function failed(code: string, messageKey = FETCH_BODY_FAILED_KEY): LibraryFailure {
  return { ok: false, code, messageKey };
}

async function fetchBodyOnce(id: number, deps: FetchBodyDeps): Promise<FetchBodyResult> {
  const db = deps.db ?? openDb();
  try {
    const entry = await getEntry(db, id);
    if (!entry) return failed('not-found', 'libraryErrorNotFound');
    if (entry.hasBody) return { ok: true, entry };
    const res = await fetchFirst(entry.article.url, deps.fetchExtract ?? fetchAndExtract);
    if (!res.ok) return failed(res.reason);
    return { ok: true, entry: await fillBody(db, id, res.article) };
  } catch (err) {
    const e = toStoreError(err);
    return failed(e.code, e.messageKey);
  }
}

export function fetchBody(id: number, deps: FetchBodyDeps = {}): Promise<FetchBodyResult> {
  let p = inFlight.get(id);
  if (!p) {
    p = fetchBodyOnce(id, deps).finally(() => inFlight.delete(id));
    inFlight.set(id, p);
  }
  return p;
}

export function fetchBodyHandlers(deps: FetchBodyDeps = {}) {
  return { 'library:fetchBody': ({ id }) => fetchBody(id, deps) } satisfies Handlers;
}
