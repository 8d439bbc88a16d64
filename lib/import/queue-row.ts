/** The import queue's rows in IndexedDB (tables `imports` and `importControl`, schema v3). */

export type QueueState = 'waiting' | 'done' | 'failed';

export interface ImportRow {
  /** The entry's dedupe key, also the queue key: one row per article. */
  canonicalUrl: string;
  url: string;
  title: string;
  host: string;
  entryId: number;
  state: QueueState;
  /** Fetches tried so far (an interrupted one does not count). */
  attempts: number;
  /** When the row may be tried next (ms); backoff after a failure. */
  due: number;
  /** The last failure's code (`lib/import/failure.ts`). */
  reason?: string;
  addedAt: number;
}

export interface ImportControlRow {
  id: 'control';
  paused: boolean;
}
