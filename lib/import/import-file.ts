/**
 * An import file as the import page hands it over (UTF-8 text, or base64 bytes in another
 * encoding), parsed: the one parse both the preview (in the import page's worker) and the
 * import itself (in the background) run.
 */
import type { ImportFile } from '../messages';
import { parseImportFile, type ParseOutcome } from './parse';

function bytesOf(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function parseFile(file: ImportFile): ParseOutcome {
  return parseImportFile(file.fileName, 'text' in file ? file.text : bytesOf(file.base64));
}
