/**
 * Turning raw rows of any format into ImportItems: only http(s) URLs, tags cleaned, saved time
 * parsed, and one item per article (canonical URL) — a later duplicate merges into the first,
 * keeping the richer state (read, archived or favourite on either wins, tags joined, earliest time).
 */
import { canonicalKeyOf } from '../url/canonical';
import { simpleWebUrl } from './simple-url';
import {
  ImportError,
  type ImportFormat,
  type ImportItem,
  type MalformedRow,
  type ParsedImport,
} from './types';

const WEB_SCHEMES = new Set(['http:', 'https:']);
/**
 * Links one file may hold, as many as a backup's entries: past it the file is refused as too
 * large while it is scanned, so a preview of any file answers in bounded time.
 */
export const MAX_FILE_LINKS = 100_000;
const MAX_TITLE = 1000;
const MAX_TAG = 100;
const MAX_TAGS = 50;
const MAX_URL = 8192;
// Unix seconds below this are taken as seconds, above as ms (year 2286 in seconds).
const SECONDS_LIMIT = 1e10;

export interface RawItem {
  row: number;
  url: string | undefined;
  title?: string;
  savedAt?: number | null;
  read?: boolean;
  archived?: boolean;
  favourite?: boolean;
  tags?: string[];
}

/** Add a file's row, refusing the file once it holds more links than MAX_FILE_LINKS. */
export function addRaw(raws: RawItem[], raw: RawItem): void {
  if (raws.length >= MAX_FILE_LINKS) throw new ImportError('too-large');
  raws.push(raw);
}

/** Epoch seconds or ms, or a date string; null when missing or unreadable. */
export function parseTime(v: string | number | undefined | null): number | null {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (Number.isFinite(n) && n > 0) return n < SECONDS_LIMIT ? Math.round(n * 1000) : Math.round(n);
  const t = Date.parse(String(v));
  return Number.isFinite(t) ? t : null;
}

export function cleanTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of tags) {
    const s = t.trim().slice(0, MAX_TAG);
    if (s) out.add(s);
    if (out.size >= MAX_TAGS) break;
  }
  return [...out];
}

function checkUrl(raw: string | undefined): { url: string; key: string } | MalformedRow['reason'] {
  const s = raw?.trim() ?? '';
  if (!s) return 'no-url';
  if (s.length > MAX_URL) return 'bad-url';
  const simple = simpleWebUrl(s);
  if (simple) return { url: s, key: canonicalKeyOf(simple) };
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return 'bad-url';
  }
  if (!WEB_SCHEMES.has(u.protocol)) return 'not-web-url';
  return { url: u.href, key: canonicalKeyOf(u) };
}

function mergeInto(a: ImportItem, b: ImportItem): void {
  a.read ||= b.read;
  a.archived ||= b.archived;
  a.favourite ||= b.favourite;
  a.savedAt = Math.min(a.savedAt, b.savedAt);
  a.tags = cleanTags([...a.tags, ...b.tags]);
  if (!a.title) a.title = b.title;
}

/** Validate, normalize and dedupe raw rows into the parse result of a file. */
export function collect(
  format: ImportFormat,
  raws: Iterable<RawItem>,
  malformed: MalformedRow[],
  now: number,
): ParsedImport {
  const byKey = new Map<string, ImportItem>();
  let duplicates = 0;
  for (const r of raws) {
    const checked = checkUrl(r.url);
    if (typeof checked === 'string') {
      malformed.push({ row: r.row, reason: checked });
      continue;
    }
    const item: ImportItem = {
      url: checked.url,
      title: (r.title ?? '').trim().slice(0, MAX_TITLE),
      savedAt: r.savedAt ?? now,
      read: r.read ?? false,
      archived: r.archived ?? false,
      favourite: r.favourite ?? false,
      tags: cleanTags(r.tags ?? []),
    };
    const seen = byKey.get(checked.key);
    if (seen) {
      duplicates++;
      mergeInto(seen, item);
    } else byKey.set(checked.key, item);
  }
  malformed.sort((a, b) => a.row - b.row);
  return { format, items: [...byKey.values()], malformed, duplicates };
}
