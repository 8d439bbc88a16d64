/**
 * The background's part of the reading list: every write goes through here (saving a tab or the
 * reader's article, status, progress, delete/undo, import), so writes are validated once and the
 * sync outbox has one writer. Reads (list, search, get, export of a large list) are done by
 * extension pages directly on the database (same origin) with `lib/store` and `lib/search`.
 */
import type { Article, ExtractResult } from '../article';
import type { LibraryFailure, SaveToastCommand } from '../messages';
import type { Handlers } from '../messaging';
import {
  deleteEntries,
  getEntryByUrl,
  purgeTrash,
  saveArticle,
  setProgress,
  setStatus,
  undoDelete,
  type SaveResult,
} from '../store/articles';
import { importLibrary } from '../store/backup';
import { openDb, type QariDb } from '../store/db';
import { reindexOldTerms } from '../store/reindex';
import { loopbackAllowed } from '../fetch/fetch-extract';
import { keepImagesOffline } from './offline-images';
import { answer } from './answer';
import { highlightHandlers } from './highlights';
import { restoreSanitizer } from './restore-sanitizer';
import { extractTab, readCanonicalLink, tellTab } from './reader';

const EXTRACT_FAILED: LibraryFailure = {
  ok: false,
  code: 'extract-failed',
  messageKey: 'libraryErrorExtract',
};

export interface LibraryDeps {
  db?: QariDb;
  extract?: (tabId: number) => Promise<ExtractResult>;
  /** The `<link rel=canonical>` of a tab's page, or null. */
  readCanonical?: (tabId: number) => Promise<string | null>;
  /** Tell a tab's page something (its save toast). */
  tell?: (tabId: number, cmd: SaveToastCommand) => Promise<unknown>;
  /** Keep a saved entry's photos offline (after the save has answered; never awaited). */
  keepImages?: (db: QariDb, id: number, content: string) => Promise<unknown>;
}

const keepImagesDefault = (db: QariDb, id: number, content: string) =>
  keepImagesOffline(db, id, content, { loopback: loopbackAllowed });

/** Save, then start keeping the article's photos offline; the save's answer does not wait. */
async function saveWithImages(
  db: QariDb,
  article: Article,
  canonical: string | null | undefined,
  deps: LibraryDeps,
): Promise<({ ok: true } & SaveResult) | LibraryFailure> {
  const res = await answer(() => saveArticle(db, article, { canonical }));
  if (res.ok) void (deps.keepImages ?? keepImagesDefault)(db, res.entry.id, article.content);
  return res;
}

/** Extract the article in a tab and save it (also for the "save page" keyboard command). */
export async function saveTab(
  tabId: number,
  deps: LibraryDeps = {},
): Promise<({ ok: true } & SaveResult) | LibraryFailure> {
  const db = deps.db ?? openDb();
  const [result, canonical] = await Promise.all([
    (deps.extract ?? extractTab)(tabId),
    (deps.readCanonical ?? readCanonicalLink)(tabId),
  ]);
  if (!result.ok) return EXTRACT_FAILED;
  return saveWithImages(db, result.article, canonical, deps);
}

/**
 * The toolbar popup's save. On a full disk Chromium shows its own "free up some space" bubble,
 * which takes the focus and so closes the popup before it can say why the save failed: the page
 * says it too, in the toast the keyboard command's save uses.
 */
async function saveTabFromPopup(
  tabId: number,
  deps: LibraryDeps,
): Promise<({ ok: true } & SaveResult) | LibraryFailure> {
  const res = await saveTab(tabId, deps);
  if (!res.ok && res.code === 'disk-full') {
    const toast: SaveToastCommand = {
      type: 'page:toast',
      key: res.messageKey,
      error: true,
      ask: false,
    };
    void (deps.tell ?? tellTab)(tabId, toast).catch(() => undefined);
  }
  return res;
}

export function libraryHandlers(deps: LibraryDeps = {}) {
  const db = deps.db ?? openDb();
  return {
    'library:saveTab': ({ tabId }) => saveTabFromPopup(tabId, { ...deps, db }),
    'library:saveArticle': ({ article, canonical }) => saveWithImages(db, article, canonical, deps),
    'library:isSaved': async ({ url, canonical }) =>
      (await getEntryByUrl(db, url, canonical).catch(() => null)) !== null,
    'library:setStatus': ({ id, patch }) =>
      answer(async () => ({ entry: await setStatus(db, id, patch) })),
    'library:setProgress': ({ id, progress }) =>
      answer(async () => ({ entry: await setProgress(db, id, progress) })),
    'library:delete': ({ ids }) => answer(() => deleteEntries(db, ids)),
    'library:undoDelete': ({ undoToken }) =>
      answer(async () => ({ entries: await undoDelete(db, undoToken) })),
    'library:import': ({ json }) =>
      answer(() => importLibrary(db, json, { sanitize: restoreSanitizer() })),
    ...highlightHandlers(db),
  } satisfies Handlers;
}

/** The reading list's message handlers; expired undo data is purged at start-up. */
export function registerLibraryService(deps: LibraryDeps = {}) {
  const db = deps.db ?? openDb();
  void purgeTrash(db).catch(() => undefined);
  void reindexOldTerms(db).catch(() => undefined);
  return libraryHandlers({ ...deps, db });
}
