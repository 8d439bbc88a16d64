/**
 * The popup's reading list: reads go straight to the database (the popup shares the extension's
 * origin, and a page of the list or of search results never needs the background), writes go
 * as messages to the background's library service, which is the list's one writer.
 */
import { ask, NoAnswerError } from '../messaging';
import type { LibraryFailure, MessageType, Req, Res } from '../messages';
import { search } from '../search';
import { listEntries } from '../store/articles';
import { openDb, type QariDb } from '../store/db';
import { toStoreError } from '../store/errors';
import { observeRevision } from '../store/revision';
import { LibraryCallError, type LibraryClient } from './client';

type Answer<T> = ({ ok: true } & T) | LibraryFailure;

// No answer at all means the background did not take the message (a bug, or it is restarting).
const NO_ANSWER = 'popupError';

function unwrap<T>(res: Answer<T>): { ok: true } & T {
  if (!res.ok) throw new LibraryCallError(res.messageKey, res.code);
  return res;
}

/** Ask the background; no answer becomes the popup's own error. */
async function call<K extends MessageType>(type: K, payload: Req<K>): Promise<Res<K>> {
  try {
    return await ask(type, payload);
  } catch (err) {
    throw err instanceof NoAnswerError ? new LibraryCallError(NO_ANSWER, err.message) : err;
  }
}

async function read<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = toStoreError(err);
    throw new LibraryCallError(e.messageKey, e.message);
  }
}

export function libraryClient(db: QariDb = openDb()): LibraryClient {
  return {
    list: (filter, offset, limit) =>
      read(async () => {
        const page = await listEntries(db, { filter, offset, limit });
        return { items: page.entries.map((entry) => ({ entry })), total: page.total };
      }),
    search: (query, offset, limit) =>
      read(async () => {
        const res = await search(db, query, { offset, limit });
        return {
          items: res.hits.map((h) => ({
            entry: h.entry,
            titleRanges: h.titleRanges,
            snippet: h.snippet,
            ...(h.inNote ? { inNote: true } : {}),
            near: res.near,
          })),
          total: res.total,
        };
      }),
    async saveTab(tabId) {
      const res = await ask('library:saveTab', { tabId }).catch((err: unknown) => {
        if (err instanceof NoAnswerError) return null;
        throw err;
      });
      if (!res) return { ok: false, messageKey: NO_ANSWER };
      return res.ok ? { ok: true, created: res.created, entry: res.entry } : res;
    },
    async setStatus(id, patch) {
      unwrap(await call('library:setStatus', { id, patch }));
    },
    async remove(ids) {
      const res = unwrap(await call('library:delete', { ids }));
      return { undoToken: res.undoToken };
    },
    async undo(undoToken) {
      unwrap(await call('library:undoDelete', { undoToken }));
    },
    watch: (onChange, since) => observeRevision(db, onChange, since ?? null),
  };
}
