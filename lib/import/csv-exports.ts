/**
 * CSV exports, read by their header row: Pocket (`title,url,time_added,cursor,tags,status`, tags
 * joined by `|`, status `unread`/`archive`) and Instapaper (`URL,Title,Selection,Folder` and the
 * newer `…,Timestamp,Tags` with tags as a JSON-like list; Folder `Unread`, `Archive`, `Starred`
 * or a folder of the reader's own, kept as a tag).
 */
import { parseCsv, type CsvRecord } from './csv';
import { collect, parseTime, type RawItem } from './items';
import type { ImportFormat, MalformedRow, ParsedImport } from './types';

const POCKET_COLUMNS = ['title', 'url', 'time_added', 'status'];
const INSTAPAPER_COLUMNS = ['url', 'title', 'folder'];
const INSTAPAPER_BUILTIN = new Set(['unread', 'archive', 'starred']);

export type CsvFormat = Extract<ImportFormat, 'pocket-csv' | 'instapaper-csv'>;

function header(rec: CsvRecord | undefined): string[] {
  return rec ? rec.fields.map((f) => f.trim().toLowerCase()) : [];
}

/** Which CSV export a header row belongs to, or null. */
export function csvFormatOf(firstLine: string): CsvFormat | null {
  const cols = header(parseCsv(firstLine).records[0]);
  if (POCKET_COLUMNS.every((c) => cols.includes(c))) return 'pocket-csv';
  if (INSTAPAPER_COLUMNS.every((c) => cols.includes(c))) return 'instapaper-csv';
  return null;
}

/** Instapaper writes tags as `["a","b"]` (sometimes with single quotes, sometimes bare). */
export function parseTagList(raw: string): string[] {
  const s = raw.trim();
  if (!s) return [];
  try {
    const v: unknown = JSON.parse(s);
    if (Array.isArray(v)) return v.filter((t): t is string => typeof t === 'string');
  } catch {
    // Not JSON: fall back to a loose list.
  }
  return s
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((t) => t.trim().replace(/^["']|["']$/g, ''));
}

function pocketRow(get: (c: string) => string | undefined): Omit<RawItem, 'row'> {
  const archived = (get('status') ?? '').trim().toLowerCase() === 'archive';
  return {
    url: get('url'),
    title: get('title'),
    savedAt: parseTime(get('time_added')),
    read: archived,
    archived,
    favourite: false,
    tags: (get('tags') ?? '').split('|'),
  };
}

function instapaperRow(get: (c: string) => string | undefined): Omit<RawItem, 'row'> {
  const folder = (get('folder') ?? '').trim();
  const f = folder.toLowerCase();
  const tags = parseTagList(get('tags') ?? '');
  if (folder && !INSTAPAPER_BUILTIN.has(f)) tags.push(folder);
  return {
    url: get('url'),
    title: get('title'),
    savedAt: parseTime(get('timestamp')),
    read: f === 'archive',
    archived: f === 'archive',
    favourite: f === 'starred',
    tags,
  };
}

export function parseCsvExport(format: CsvFormat, text: string, now = Date.now()): ParsedImport {
  const { records, unterminatedAt } = parseCsv(text);
  const malformed: MalformedRow[] = [];
  if (unterminatedAt !== null) malformed.push({ row: unterminatedAt, reason: 'unterminated' });
  const cols = header(records[0]);
  const toRaw = format === 'pocket-csv' ? pocketRow : instapaperRow;
  const raws: RawItem[] = [];
  for (const rec of records.slice(1)) {
    if (rec.fields.length > cols.length || rec.fields.length <= cols.indexOf('url')) {
      malformed.push({ row: rec.line, reason: 'columns' });
      continue;
    }
    const get = (c: string) => {
      const i = cols.indexOf(c);
      return i < 0 ? undefined : rec.fields[i];
    };
    raws.push({ row: rec.line, ...toRaw(get) });
  }
  return collect(format, raws, malformed, now);
}
