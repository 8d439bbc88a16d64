/** What an import file holds once parsed: links with the state the old service kept for them. */

export type ImportFormat =
  'pocket-html' | 'pocket-csv' | 'instapaper-csv' | 'netscape' | 'wallabag-json' | 'qari-json';

export interface ImportItem {
  url: string;
  title: string;
  /** ms since the epoch; the import time when the file does not say. */
  savedAt: number;
  read: boolean;
  archived: boolean;
  favourite: boolean;
  tags: string[];
}

/** A row of the file that was skipped, with its 1-based row (or line) number. */
export interface MalformedRow {
  row: number;
  reason: MalformedReason;
}

export type MalformedReason = 'no-url' | 'bad-url' | 'not-web-url' | 'columns' | 'unterminated';

export interface ParsedImport {
  format: ImportFormat;
  items: ImportItem[];
  malformed: MalformedRow[];
  /** Links in the file that were the same article as an earlier one (same canonical URL). */
  duplicates: number;
}

export type ImportErrorCode = 'unknown-format' | 'empty' | 'too-large' | 'invalid-backup';

export const IMPORT_ERROR_KEYS: Record<ImportErrorCode, string> = {
  'unknown-format': 'importFileUnknown',
  empty: 'importFileEmpty',
  'too-large': 'importFileTooLarge',
  'invalid-backup': 'importFileBadBackup',
};

/** A file that cannot be imported at all; nothing from it is imported. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly messageKey: string;

  constructor(code: ImportErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ImportError';
    this.code = code;
    this.messageKey = IMPORT_ERROR_KEYS[code];
  }
}

export interface QueueFailure {
  url: string;
  title: string;
  reason: string;
  entryId: number;
}

export interface QueueStatus {
  waiting: number;
  done: number;
  failed: number;
  running: number;
  paused: boolean;
  /** The most recent failures (first ones of the list), for the import page. */
  failures: QueueFailure[];
  /** Links waiting to be tried again after a failure, with that failure's reason. */
  retrying: QueueFailure[];
}
