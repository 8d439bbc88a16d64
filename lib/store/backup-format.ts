/**
 * The backup file's format and its validation, apart from the store's reading and writing: the
 * import page's worker checks a backup with it and so does not load the database code (Dexie).
 */
import { isHighlightList, type Highlight } from '../highlights/model';
import { SYNC_FIELDS, type ArticleBody, type ArticleMeta, type SyncField } from './entry';
import { StoreError } from './errors';
import {
  hasOnlyKeys,
  isArticleBody,
  isArticleMeta,
  isPlainObject,
  isString,
  isTagList,
  isWebUrl,
} from './validate';

export const BACKUP_FORMAT = 'qari-backup';
export const BACKUP_VERSION = 1;
export const MAX_IMPORT_CHARS = 200_000_000;
export const MAX_IMPORT_ENTRIES = 100_000;

export interface BackupEntry {
  canonicalUrl: string;
  /** ISO 8601 instants. */
  savedAt: string;
  updatedAt: string;
  read: boolean;
  archived: boolean;
  favourite: boolean;
  progress: number;
  tags: string[];
  /** Written by versions before 6 (when each field last changed); accepted and ignored. */
  fieldTimes?: Partial<Record<SyncField, number>>;
  article: ArticleMeta;
  /** Null for an entry whose article body was never saved on the exporting device. */
  body: ArticleBody | null;
  /** The reader's highlights and notes; absent when there are none (and in older backups). */
  highlights?: Highlight[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  entries: BackupEntry[];
}

const ENTRY_KEYS = [
  'canonicalUrl',
  'savedAt',
  'updatedAt',
  'read',
  'archived',
  'favourite',
  'progress',
  'tags',
  'fieldTimes',
  'article',
  'body',
  'highlights',
] as const;
const BACKUP_KEYS = ['format', 'version', 'exportedAt', 'entries'] as const;

export function parseInstant(v: unknown): number | null {
  if (!isString(v, 40)) return null;
  const t = Date.parse(v);
  return Number.isFinite(t) && new Date(t).toISOString() === v ? t : null;
}

function isFieldTimes(v: unknown): v is Partial<Record<SyncField, number>> {
  return (
    isPlainObject(v) &&
    Object.entries(v).every(
      ([k, t]) => (SYNC_FIELDS as readonly string[]).includes(k) && Number.isSafeInteger(t),
    )
  );
}

function isBackupEntry(v: unknown): v is BackupEntry {
  return (
    isPlainObject(v) &&
    hasOnlyKeys(v, ENTRY_KEYS) &&
    isWebUrl(v.canonicalUrl) &&
    parseInstant(v.savedAt) !== null &&
    parseInstant(v.updatedAt) !== null &&
    typeof v.read === 'boolean' &&
    typeof v.archived === 'boolean' &&
    typeof v.favourite === 'boolean' &&
    typeof v.progress === 'number' &&
    v.progress >= 0 &&
    v.progress <= 1 &&
    isTagList(v.tags) &&
    (v.fieldTimes === undefined || isFieldTimes(v.fieldTimes)) &&
    isArticleMeta(v.article, true) &&
    (v.body === null || isArticleBody(v.body, true)) &&
    (v.highlights === undefined || isHighlightList(v.highlights))
  );
}

/** Check a backup completely; throw the first problem as a typed error. */
export function validateBackup(input: unknown): Backup {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_IMPORT_CHARS) throw new StoreError('import-too-large');
    try {
      data = JSON.parse(input);
    } catch {
      throw new StoreError('import-not-json');
    }
  }
  if (!isPlainObject(data) || data.format !== BACKUP_FORMAT) throw new StoreError('import-format');
  if (data.version !== BACKUP_VERSION) throw new StoreError('import-version', String(data.version));
  if (!hasOnlyKeys(data, BACKUP_KEYS) || parseInstant(data.exportedAt) === null)
    throw new StoreError('import-format');
  if (!Array.isArray(data.entries)) throw new StoreError('import-format', 'entries');
  if (data.entries.length > MAX_IMPORT_ENTRIES) throw new StoreError('import-too-large');
  data.entries.forEach((e, i) => {
    if (!isBackupEntry(e)) throw new StoreError('import-entry', `entry ${i}`);
  });
  return data as unknown as Backup;
}
