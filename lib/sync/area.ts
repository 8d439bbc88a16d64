/**
 * The parts of `storage.sync` the engine uses, as an interface so tests and the benchmark can
 * pass the simulator (`tests/support/sync-sim.ts`) and the background passes the real area. Also: how the engine
 * reads the browsers' error messages, and which `_locales` key explains each error to the reader.
 */

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export interface SyncArea {
  /** Every item (the engine always reads the whole area: it is at most 100 KB). */
  getAll(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Changes to the area, from this browser or (after Chrome/Firefox Sync) another one. */
  onChanged(listener: (changes: Record<string, StorageChange>) => void): () => void;
}

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type SyncErrorCode =
  'quota' | 'rate' | 'corrupt' | 'torn' | 'unavailable' | 'newer' | 'unknown';

export interface SyncError {
  code: SyncErrorCode;
  /** A key in `public/_locales/<lang>/messages.json`. */
  messageKey: string;
}

export const ERROR_MESSAGE_KEYS: Record<SyncErrorCode, string> = {
  quota: 'syncErrorQuota',
  rate: 'syncErrorRate',
  corrupt: 'syncErrorCorrupt',
  torn: 'syncErrorTorn',
  unavailable: 'syncErrorUnavailable',
  newer: 'syncErrorNewer',
  unknown: 'syncErrorUnknown',
};

// Chrome: "This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota." (or _PER_HOUR,
// or the old MAX_SUSTAINED_…); checked before quota because it also says "quota".
const RATE_RE = /MAX_(?:SUSTAINED_)?WRITE_OPERATIONS_PER_(?:MINUTE|HOUR)/;
const HOURLY_RE = /PER_HOUR/;
// Chrome: "QUOTA_BYTES quota exceeded", "QUOTA_BYTES_PER_ITEM …", "MAX_ITEMS …";
// Firefox: "QuotaExceededError: storage.sync API call exceeded its quota limitations."
const QUOTA_RE = /QUOTA_BYTES|MAX_ITEMS|QuotaExceeded|quota/i;
// Firefox with sync storage turned off: "Please set webextensions.storage.sync.enabled to true in
// about:config"; our own wrapper when the API is missing says "storage.sync is unavailable".
const UNAVAILABLE_RE = /storage\.sync\.enabled|storage\.sync is unavailable|sync is disabled/i;

export const errorText = (err: unknown): string =>
  err instanceof Error ? err.message : typeof err === 'string' ? err : String(err);

export function classifyError(err: unknown): SyncErrorCode {
  const text = errorText(err);
  if (RATE_RE.test(text)) return 'rate';
  if (QUOTA_RE.test(text)) return 'quota';
  if (UNAVAILABLE_RE.test(text)) return 'unavailable';
  return 'unknown';
}

export const isHourlyLimit = (err: unknown): boolean => HOURLY_RE.test(errorText(err));

export const syncError = (code: SyncErrorCode): SyncError => ({
  code,
  messageKey: ERROR_MESSAGE_KEYS[code],
});
