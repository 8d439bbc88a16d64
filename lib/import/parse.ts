/**
 * One entry point for any import file: decode, detect the format, parse. A file that is none of
 * the known formats throws ImportError (`unknown-format`) and nothing is imported.
 */
import type { Backup } from '../store/backup';
import { csvFormatOf, parseCsvExport } from './csv-exports';
import { decodeBytes, stripBom } from './decode';
import { jsonKindOf, parseQariBackup, parseWallabag } from './json-exports';
import { NETSCAPE_SIGNATURE, parseNetscape } from './netscape';
import { parsePocketHtml, POCKET_HTML_SIGNATURE } from './pocket-html';
import { ImportError, type ImportFormat, type ParsedImport } from './types';

/** Import files larger than this are refused (a 100,000-link export is about 20 MB). */
export const MAX_IMPORT_BYTES = 50_000_000;
const SNIFF_CHARS = 4096;
const JSON_START = /^\s*[[{]/;

export interface ParseOutcome extends ParsedImport {
  /** Set for our own backup: it is imported whole (bodies too), not link by link. */
  backup?: Backup;
  encoding: string;
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The format of a file from its name and content; null when it is none of them. The content
 * decides: file names are often renamed (`export (1).html`), the extension only breaks ties.
 */
export function detectFormat(fileName: string, input: string | Uint8Array): ImportFormat | null {
  const text = typeof input === 'string' ? stripBom(input) : decodeBytes(input).text;
  const head = text.slice(0, SNIFF_CHARS);
  if (NETSCAPE_SIGNATURE.test(head)) return 'netscape';
  if (POCKET_HTML_SIGNATURE.test(head)) return 'pocket-html';
  if (JSON_START.test(head)) return jsonKindOf(tryJson(text));
  const csv = csvFormatOf(firstLine(head));
  if (csv) return csv;
  // Bookmark files missing their doctype (hand-edited, or old Wallabag) still have DT/A lists.
  if (/\.html?$/i.test(fileName) && /<dt>\s*<a\s/i.test(head)) return 'netscape';
  return null;
}

export function parseImportFile(
  fileName: string,
  input: string | Uint8Array,
  now = Date.now(),
): ParseOutcome {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_IMPORT_BYTES) throw new ImportError('too-large');
  const decoded =
    typeof input === 'string' ? { text: stripBom(input), encoding: 'utf-8' } : decodeBytes(input);
  const text = decoded.text;
  if (!text.trim()) throw new ImportError('empty');
  const format = detectFormat(fileName, text);
  let out: ParseOutcome;
  switch (format) {
    case 'netscape':
      out = { ...parseNetscape(text, now), encoding: decoded.encoding };
      break;
    case 'pocket-html':
      out = { ...parsePocketHtml(text, now), encoding: decoded.encoding };
      break;
    case 'pocket-csv':
    case 'instapaper-csv':
      out = { ...parseCsvExport(format, text, now), encoding: decoded.encoding };
      break;
    case 'wallabag-json':
      out = { ...parseWallabag(JSON.parse(text) as unknown[], now), encoding: decoded.encoding };
      break;
    case 'qari-json': {
      const { parsed, backup } = parseQariBackup(JSON.parse(text));
      out = { ...parsed, backup, encoding: decoded.encoding };
      break;
    }
    case null:
      throw new ImportError('unknown-format');
  }
  if (out.items.length === 0 && out.malformed.length === 0) throw new ImportError('empty');
  return out;
}
