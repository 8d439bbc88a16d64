/** What the import page shows before anything is written: counts by state, first rows, problems. */
import type { ParseOutcome } from './parse';
import type { ImportFormat, ImportItem, MalformedRow } from './types';

const FIRST_ROWS = 10;
const MALFORMED_SHOWN = 50;

export interface ImportPreview {
  format: ImportFormat;
  encoding: string;
  total: number;
  unread: number;
  read: number;
  archived: number;
  favourite: number;
  duplicates: number;
  first: ImportItem[];
  malformed: MalformedRow[];
  malformedCount: number;
}

export interface ImportStartReport {
  added: number;
  merged: number;
  queued: number;
  malformedCount: number;
}

export function previewOf(p: ParseOutcome): ImportPreview {
  const count = (f: (i: ImportItem) => boolean) => p.items.filter(f).length;
  return {
    format: p.format,
    encoding: p.encoding,
    total: p.items.length,
    unread: count((i) => !i.read && !i.archived),
    read: count((i) => i.read),
    archived: count((i) => i.archived),
    favourite: count((i) => i.favourite),
    duplicates: p.duplicates,
    first: p.items.slice(0, FIRST_ROWS),
    malformed: p.malformed.slice(0, MALFORMED_SHOWN),
    malformedCount: p.malformed.length,
  };
}
