/** The import page's calls to the background, and reading a chosen file for them. */
import type { ImportFile } from '../messages';
import { MAX_IMPORT_BYTES } from './parse';
import { FIRST_PREVIEW_CHARS, firstPart } from './preview-file';

const CHUNK = 0x8000;

/** A file as text when it is valid UTF-8, else as base64 bytes for the background to decode. */
export async function fileForImport(file: File): Promise<ImportFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { fileName: file.name, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    let bin = '';
    for (let i = 0; i < bytes.length; i += CHUNK)
      bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
    return { fileName: file.name, base64: btoa(bin) };
  }
}

/**
 * A large file's first part, read alone (`File.slice`) before the rest: the preview's first
 * counts then wait for at most FIRST_PREVIEW_CHARS bytes read and parsed, whatever the file's
 * size. Null for a file small enough to preview whole at once, one over the size cap (it is
 * refused whole), or one whose start is not UTF-8 (decoded with the whole file).
 */
export async function startOfFile(file: File): Promise<ImportFile | null> {
  if (file.size <= FIRST_PREVIEW_CHARS || file.size > MAX_IMPORT_BYTES) return null;
  const bytes = new Uint8Array(await file.slice(0, FIRST_PREVIEW_CHARS).arrayBuffer());
  try {
    // Streaming: a character cut at the slice's end is held back, not an error.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    const part = firstPart(text);
    return part ? { fileName: file.name, text: part } : null;
  } catch {
    return null;
  }
}

export { FETCH_ORIGINS } from './fetch-origins';
