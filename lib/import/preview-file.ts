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
import { MAX_IMPORT_BYTES } from './parse';
import { previewOf, type ImportPreview } from './preview';
import { ImportError, type ImportItem } from './types';

/**
 * A large file's preview comes in two answers: first the counts of its first part (`partial`),
 * whose reading is bounded by these caps, not by the file's size, then the whole file's. The
 * first answer therefore comes after the same small amount of work for any file, the last one
 * after work linear in the file (the caps bound that).
 */
export const FIRST_PREVIEW_CHARS = 128 * 1024;
export const FIRST_PREVIEW_LINKS = 2_000;
// Where a link starts in the HTML formats (the ones whose links can be short and many).
const LINK_START = /<a[\s>]/gi;

export type PreviewAnswer =
  { ok: true; preview: ImportPreview; partial?: true } | { ok: false; messageKey: string };

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

/**
 * The file's first lines, up to FIRST_PREVIEW_CHARS and FIRST_PREVIEW_LINKS links, cut at a line's
 * end: a file of its own in the line-based formats (bookmarks, Pocket's HTML, CSV); a JSON file's
 * start does not parse, and gets no first answer.
 */
export function firstPart(text: string): string | null {
  let end = Math.min(text.length, FIRST_PREVIEW_CHARS);
  LINK_START.lastIndex = 0;
  let links = 0;
  for (let m = LINK_START.exec(text); m && m.index < end; m = LINK_START.exec(text)) {
    if (++links > FIRST_PREVIEW_LINKS) end = m.index;
  }
  const cut = text.lastIndexOf('\n', end - 1);
  return cut > 0 ? text.slice(0, cut + 1) : null;
}

/** The first, partial preview of a text file larger than its first part, or null. */
function firstPreview(file: unknown): PreviewAnswer | null {
  if (!isImportFile(file) || !('text' in file)) return null;
  const { text } = file;
  if (text.length <= FIRST_PREVIEW_CHARS || text.length > MAX_IMPORT_BYTES) return null;
  const part = firstPart(text);
  if (!part) return null;
  try {
    return { ok: true, preview: previewOf(parseFile({ ...file, text: part })), partial: true };
  } catch {
    return null;
  }
}

/**
 * The preview's answers, each handed to `post` as soon as it is known: a large text file's first
 * part's counts (marked partial), then the whole file's (or why it cannot be imported).
 */
export function previewAnswers(file: unknown, post: (answer: PreviewAnswer) => void): void {
  const first = firstPreview(file);
  if (first) post(first);
  post(previewImportFile(file));
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

/** The worker's side: one task, its answers (a preview's partial one first) handed to `post`. */
export function answerWorkerTask(
  data: unknown,
  post: (answer: PreviewAnswer | LinksAnswer) => void,
): void {
  if (!isObj(data)) return post({ ok: false, messageKey: UNKNOWN_KEY });
  if (data.task === 'links') return post(linksOfImportFile(data.file));
  previewAnswers(data.file, post);
}

/**
 * The page's side: one worker per task, ended once it gives its last answer (or fails to start);
 * partial answers before it go to `onPartial`.
 */
function inWorker<T extends { ok: boolean; partial?: true }>(
  request: WorkerTask,
  createWorker: () => Worker,
  onPartial: (answer: T) => void = () => undefined,
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
    worker.onmessage = (e: MessageEvent<T>) => (e.data.partial ? onPartial(e.data) : done(e.data));
    worker.onerror = () => done({ ok: false, messageKey: UNKNOWN_KEY });
    worker.postMessage(request);
  });
}

/** The whole file's preview; `onPartial` gets a large file's first part's counts before it. */
export function previewInWorker(
  file: unknown,
  createWorker: () => Worker,
  onPartial?: (preview: ImportPreview) => void,
): Promise<PreviewAnswer> {
  return inWorker<PreviewAnswer>({ task: 'preview', file }, createWorker, (a) => {
    if (a.ok) onPartial?.(a.preview);
  });
}

export function linksInWorker(file: unknown, createWorker: () => Worker): Promise<LinksAnswer> {
  return inWorker<LinksAnswer>({ task: 'links', file }, createWorker);
}
