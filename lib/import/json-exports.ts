/**
 * JSON files: our own backup (validated by `lib/store/backup.ts`; it is imported whole, bodies
 * included, by `importLibrary`) and Wallabag's JSON export (an array of entries with `url`,
 * `title`, `is_archived`, `is_starred`, `tags`, `created_at`).
 */
import { BACKUP_FORMAT, validateBackup, type Backup } from '../store/backup-format';
import { collect, parseTime, type RawItem } from './items';
import { ImportError, type MalformedRow, type ParsedImport } from './types';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const truthy = (v: unknown) => v === true || v === 1 || v === '1';

export type JsonKind = 'qari-json' | 'wallabag-json';

/** Which JSON export a parsed value is, or null. */
export function jsonKindOf(v: unknown): JsonKind | null {
  if (isObj(v) && v.format === BACKUP_FORMAT) return 'qari-json';
  if (Array.isArray(v) && v.length > 0 && v.every((e) => isObj(e) && 'url' in e))
    return 'wallabag-json';
  return null;
}

export function parseQariBackup(v: unknown): { parsed: ParsedImport; backup: Backup } {
  let backup: Backup;
  try {
    backup = validateBackup(v);
  } catch (err) {
    throw new ImportError('invalid-backup', err instanceof Error ? err.message : undefined);
  }
  const raws: RawItem[] = backup.entries.map((e, i) => ({
    row: i + 1,
    url: e.article.url,
    title: e.article.title,
    savedAt: Date.parse(e.savedAt),
    read: e.read,
    archived: e.archived,
    favourite: e.favourite,
    tags: e.tags,
  }));
  return { parsed: collect('qari-json', raws, [], Date.now()), backup };
}

function wallabagTags(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .map((t) => (isObj(t) ? str(t.label) : str(t)))
    .filter((t): t is string => t !== undefined);
}

export function parseWallabag(entries: unknown[], now = Date.now()): ParsedImport {
  const malformed: MalformedRow[] = [];
  const raws: RawItem[] = [];
  entries.forEach((e, i) => {
    if (!isObj(e)) return void malformed.push({ row: i + 1, reason: 'columns' });
    raws.push({
      row: i + 1,
      url: str(e.url),
      title: str(e.title),
      savedAt: parseTime(str(e.created_at) ?? null),
      read: truthy(e.is_archived),
      archived: truthy(e.is_archived),
      favourite: truthy(e.is_starred),
      tags: wallabagTags(e.tags),
    });
  });
  return collect('wallabag-json', raws, malformed, now);
}
