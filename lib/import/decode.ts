/**
 * Bytes of an import file to text. Exports are UTF-8 nearly always, but Arabic Windows tools
 * (and old Excel "CSV") write windows-1256: when the bytes are not valid UTF-8 they are read as
 * windows-1256, which maps every byte, so decoding never fails.
 */
const BOM = '\uFEFF';
const FALLBACK = 'windows-1256';

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: string } {
  try {
    return {
      text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
      encoding: 'utf-8',
    };
  } catch {
    return { text: stripBom(new TextDecoder(FALLBACK).decode(bytes)), encoding: FALLBACK };
  }
}
