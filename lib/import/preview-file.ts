/**
 * The preview of an import file, computed off the background: the import page runs it in a
 * dedicated worker (entrypoints/import/preview.worker.ts), so a file built to be slow to scan
 * (30,000 unclosed links, 10,000 nested folders) neither blocks the background nor the page.
 * A file over the caps (MAX_IMPORT_BYTES, MAX_FILE_LINKS) answers "too large" while it is read.
 */
import { isImportFile } from '../messages';
import { parseFile } from './import-file';
import { previewOf, type ImportPreview } from './preview';
import { ImportError } from './types';

export type PreviewAnswer =
  { ok: true; preview: ImportPreview } | { ok: false; messageKey: string };

const UNKNOWN_KEY = 'importFileUnknown';

/** What a file holds, or the message key of why it cannot be imported. Never throws. */
export function previewImportFile(file: unknown): PreviewAnswer {
  if (!isImportFile(file)) return { ok: false, messageKey: UNKNOWN_KEY };
  try {
    return { ok: true, preview: previewOf(parseFile(file)) };
  } catch (err) {
    return { ok: false, messageKey: err instanceof ImportError ? err.messageKey : UNKNOWN_KEY };
  }
}

/** The page's side: one worker per preview, ended once it answers (or fails to start). */
export function previewInWorker(file: unknown, createWorker: () => Worker): Promise<PreviewAnswer> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = createWorker();
    } catch {
      return resolve({ ok: false, messageKey: UNKNOWN_KEY });
    }
    const done = (answer: PreviewAnswer) => {
      worker.terminate();
      resolve(answer);
    };
    worker.onmessage = (e: MessageEvent<PreviewAnswer>) => done(e.data);
    worker.onerror = () => done({ ok: false, messageKey: UNKNOWN_KEY });
    worker.postMessage(file);
  });
}
