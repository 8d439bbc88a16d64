/** The import page's calls to the background, and reading a chosen file for them. */
import type { ImportFile } from '../messages';

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

export { FETCH_ORIGINS } from './fetch-origins';
