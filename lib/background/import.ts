/**
 * The background's import service: lists the links the import page sends (parsed in the page's
 * own worker, lib/import/start-file.ts: no file is parsed here) and queues them,
 * and runs the persistent fetch queue (`lib/import/queue.ts`) — at start-up, when an import
 * starts, and on an alarm, so a stopped service worker picks the work up again.
 */
import browser from 'webextension-polyfill';
import { ImportQueue, type Fetcher } from '../import/queue';
import { ImportError } from '../import/types';
import type { LibraryFailure } from '../messages';
import type { Handlers } from '../messaging';
import { openDb, type QariDb } from '../store/db';
import { toStoreError } from '../store/errors';
import { fetchAndExtract } from '../fetch/fetch-extract';

export const IMPORT_ALARM = 'qari-import';
const ALARM_PERIOD_MINUTES = 1;

export interface ImportDeps {
  db?: QariDb;
  fetcher?: Fetcher;
}

function failure(err: unknown): LibraryFailure {
  if (err instanceof ImportError) return { ok: false, code: err.code, messageKey: err.messageKey };
  const e = toStoreError(err);
  return { ok: false, code: e.code, messageKey: e.messageKey };
}

export function importHandlers(db: QariDb, queue: ImportQueue) {
  return {
    'import:links': async ({ items }) => {
      try {
        return { ok: true, report: await queue.enqueue(items) };
      } catch (err) {
        return failure(err);
      }
    },
    'import:pause': async () => (await queue.pause(), queue.status()),
    'import:resume': async () => (await queue.resume(), queue.status()),
    'import:status': () => queue.status(),
    'import:retryFailed': async () => (await queue.retryFailed(), queue.status()),
  } satisfies Handlers;
}

/** Resume the import queue now and on every alarm; answers the import messages. */
export function registerImportService(deps: ImportDeps = {}) {
  const db = deps.db ?? openDb();
  const queue = new ImportQueue(db, deps.fetcher ?? fetchAndExtract);
  void browser.alarms.create(IMPORT_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === IMPORT_ALARM) queue.start();
  });
  queue.start();
  return importHandlers(db, queue);
}
