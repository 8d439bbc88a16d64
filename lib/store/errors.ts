/**
 * Typed reading-list errors. Each carries a `_locales` message key with plain Arabic text for the
 * UI, and crosses the messaging boundary as `{ code, messageKey }`.
 */

export type StoreErrorCode =
  | 'disk-full'
  | 'db-newer'
  | 'storage'
  | 'not-found'
  | 'invalid'
  | 'undo-expired'
  | 'import-not-json'
  | 'import-format'
  | 'import-version'
  | 'import-entry'
  | 'import-too-large';

export const MESSAGE_KEYS: Record<StoreErrorCode, string> = {
  'disk-full': 'libraryErrorDiskFull',
  'db-newer': 'libraryErrorNewerVersion',
  storage: 'libraryErrorStorage',
  'not-found': 'libraryErrorNotFound',
  invalid: 'libraryErrorInvalid',
  'undo-expired': 'libraryErrorUndoExpired',
  'import-not-json': 'importErrorNotJson',
  'import-format': 'importErrorFormat',
  'import-version': 'importErrorVersion',
  'import-entry': 'importErrorEntry',
  'import-too-large': 'importErrorTooLarge',
};

export interface StoreErrorPayload {
  code: StoreErrorCode;
  messageKey: string;
}

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly messageKey: string;

  constructor(code: StoreErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = 'StoreError';
    this.code = code;
    this.messageKey = MESSAGE_KEYS[code];
  }

  toPayload(): StoreErrorPayload {
    return { code: this.code, messageKey: this.messageKey };
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const QUOTA_MESSAGE = /quota|disk.?full|no space/i;
// Chromium with the profile's disk full: a write fails with "DataError: Failed to write blobs
// (IOError)" (or an UnknownError naming an IOError), the connection closes, and reopening fails
// with "Version change transaction was aborted in upgradeneeded event handler." until space is
// back. None says "quota".
const IO_NAMES = new Set(['DataError', 'UnknownError', 'AbortError']);
const IO_MESSAGE = /\bIOError\b|Failed to write blobs|Version change transaction was aborted/i;
const MAX_CAUSE_DEPTH = 5;
/** Room left for this origin below which an aborted write is taken for a full disk. */
const LOW_ROOM_BYTES = 1 << 20;

/** Whether `err` or an error it wraps (Dexie's `inner`, a `cause`, a bulk write's first failure) satisfies `test`. */
function inChain(err: unknown, test: (name: unknown, message: unknown) => boolean): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && e && typeof e === 'object'; depth++) {
    const { name, message, inner, cause, failures } = e as Record<string, unknown>;
    if (test(name, message)) return true;
    // Dexie's BulkError lists each failed item's error rather than wrapping one.
    e = inner ?? cause ?? (Array.isArray(failures) ? (failures[0] as unknown) : undefined);
  }
  return false;
}

/**
 * Whether the database on disk was written by a newer version of the extension (an update rolled
 * back, or a profile shared with a newer browser): it cannot be opened, and must not be touched.
 */
export function isNewerDbError(err: unknown): boolean {
  return inChain(err, (name) => name === 'VersionError');
}

/**
 * Whether an error means the disk or the origin's quota is full: a QuotaExceededError, Chromium's
 * I/O failures of a full disk, or Dexie's AbortError / OpenFailedError / DexieError wrapping one.
 */
export function isQuotaError(err: unknown): boolean {
  return inChain(
    err,
    (name, message) =>
      (typeof name === 'string' && QUOTA_NAMES.has(name)) ||
      (name === 'AbortError' && typeof message === 'string' && QUOTA_MESSAGE.test(message)) ||
      (typeof name === 'string' &&
        IO_NAMES.has(name) &&
        typeof message === 'string' &&
        IO_MESSAGE.test(message)),
  );
}

/** A StoreError for anything a write threw: disk full, or a generic storage failure. */
export function toStoreError(err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  if (isQuotaError(err)) return new StoreError('disk-full', undefined, { cause: err });
  if (isNewerDbError(err)) return new StoreError('db-newer', undefined, { cause: err });
  return new StoreError('storage', String(err), { cause: err });
}

/**
 * Whether the disk has no room left for this origin. Chromium caps an origin's quota at its usage
 * plus the disk's free space, so the storage estimate sees a full disk; without the API, unknown.
 */
async function noRoomLeft(): Promise<boolean> {
  try {
    const { usage, quota } = await globalThis.navigator.storage.estimate();
    return usage !== undefined && quota !== undefined && quota - usage < LOW_ROOM_BYTES;
  } catch {
    return false;
  }
}

/**
 * toStoreError, and a generic storage failure while the disk has no room left is named a full
 * disk: Chromium then often gives no reason at all (the write's transaction "was aborted", the
 * reopen after it an UnknownError).
 */
export async function toStoreErrorOnDisk(err: unknown): Promise<StoreError> {
  const e = toStoreError(err);
  if (e.code === 'storage' && (await noRoomLeft()))
    return new StoreError('disk-full', undefined, { cause: err });
  return e;
}

/** Run a write; whatever it throws becomes a StoreError (its transaction has rolled back). */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    throw await toStoreErrorOnDisk(err);
  }
}
