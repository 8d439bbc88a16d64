/**
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines; CRLF or LF line ends.
 * Each record keeps the line it started on, so malformed rows can be reported by line.
 */
export interface CsvRecord {
  fields: string[];
  line: number;
}

export interface CsvResult {
  records: CsvRecord[];
  /** The line of a quoted field still open at the end of the file, or null. */
  unterminatedAt: number | null;
}

const QUOTE = '"';

export function parseCsv(text: string): CsvResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let quoteLine = 0;
  let dirty = false;
  const endRecord = () => {
    fields.push(field);
    if (dirty || fields.length > 1 || field !== '') records.push({ fields, line: start });
    fields = [];
    field = '';
    dirty = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === QUOTE) {
        if (text[i + 1] === QUOTE) {
          field += QUOTE;
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === QUOTE && field === '') {
      quoted = true;
      dirty = true;
      quoteLine = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      dirty = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) return { records, unterminatedAt: quoteLine };
  endRecord();
  return { records, unterminatedAt: null };
}
