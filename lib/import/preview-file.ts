/**
 * An import file parsed off the background: the import page runs the parse in a dedicated
 * worker (entrypoints/import/preview.worker.ts), for the preview and again for the start, so a
 * file built to be slow to scan (30,000 unclosed links, 10,000 nested folders) neither blocks the
 * background nor the page. A file over the caps (MAX_IMPORT_BYTES, MAX_FILE_LINKS) answers "too
 * large" while it is read. The background only ever sees the parsed links, in validated batches.
 */
import { isImportFile } from '../messages';
import { isObj } from '../shapes';
import { parseFile } from './import-file';
import { previewOf, type ImportPreview } from './preview';
import { ImportError, type ImportItem } from './types';

export type PreviewAnswer =
  { ok: true; preview: ImportPreview } | { ok: false; messageKey: string };

/** What starting an import needs from the file: its links, and our backup's whole entries. */
export type LinksAnswer =
  | { ok: true; items: ImportItem[]; backupJson: string | null; malformedCount: number }
  | { ok: false; messageKey: string };

/** What the page asks its worker. */
export type WorkerTask = { task: 'preview' | 'links'; file: unknown };

const UNKNOWN_KEY = 'importFileUnknown';

function failed(err: unknown): { ok: false; messageKey: string } {
  return { ok: false, messageKey: err instanceof ImportError ? err.messageKey : UNKNOWN_KEY };
}

/** What a file holds, or the message key of why it cannot be imported. Never throws. */
export function previewImportFile(file: unknown): PreviewAnswer {
  if (!isImportFile(file)) return { ok: false, messageKey: UNKNOWN_KEY };
  try {
    return { ok: true, preview: previewOf(parseFile(file)) };
  } catch (err) {
    return failed(err);
  }
}

/** A file's links (and backup) to import, or the message key of why not. Never throws. */
export function linksOfImportFile(file: unknown): LinksAnswer {
  if (!isImportFile(file)) return { ok: false, messageKey: UNKNOWN_KEY };
  try {
    const parsed = parseFile(file);
    return {
      ok: true,
      items: parsed.items,
      backupJson: parsed.backup ? JSON.stringify(parsed.backup) : null,
      malformedCount: parsed.malformed.length,
    };
  } catch (err) {
    return failed(err);
  }
}

/** The worker's side: one task, one answer. */
export function answerWorkerTask(data: unknown): PreviewAnswer | LinksAnswer {
  if (!isObj(data)) return { ok: false, messageKey: UNKNOWN_KEY };
  return data.task === 'links' ? linksOfImportFile(data.file) : previewImportFile(data.file);
}

/** The page's side: one worker per task, ended once it answers (or fails to start). */
function inWorker<T extends { ok: boolean }>(
  request: WorkerTask,
  createWorker: () => Worker,
): Promise<T | { ok: false; messageKey: string }> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = createWorker();
    } catch {
      return resolve({ ok: false, messageKey: UNKNOWN_KEY });
    }
    const done = (answer: T | { ok: false; messageKey: string }) => {
      worker.terminate();
      resolve(answer);
    };
    worker.onmessage = (e: MessageEvent<T>) => done(e.data);
    worker.onerror = () => done({ ok: false, messageKey: UNKNOWN_KEY });
    worker.postMessage(request);
  });
}

export function previewInWorker(file: unknown, createWorker: () => Worker): Promise<PreviewAnswer> {
  return inWorker<PreviewAnswer>({ task: 'preview', file }, createWorker);
}

export function linksInWorker(file: unknown, createWorker: () => Worker): Promise<LinksAnswer> {
  return inWorker<LinksAnswer>({ task: 'links', file }, createWorker);
}
