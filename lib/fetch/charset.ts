/**
 * Which text encoding a fetched HTML page is in: the HTTP `charset`, else a byte order mark,
 * else a `<meta charset>` in the first bytes, else UTF-8. Arabic sites still serve windows-1256,
 * and decoding those as UTF-8 turns every letter into a replacement character.
 */

/** How far into the page to look for `<meta charset>` (browsers scan about this much). */
export const META_SCAN_BYTES = 4096;
const DEFAULT_CHARSET = 'utf-8';

const CHARSET_PARAM_RE = /;\s*charset\s*=\s*["']?([^"';\s]+)/i;
// Matches both `<meta charset="x">` and `<meta http-equiv="Content-Type" content="…; charset=x">`.
const META_CHARSET_RE = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The `charset` parameter of a Content-Type header value, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = contentType ? CHARSET_PARAM_RE.exec(contentType) : null;
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** The encoding a byte order mark announces, or null. */
export function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The charset declared by a `<meta>` tag near the start of the page, or null. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  // latin1 maps every byte to one character, so ASCII markup reads the same in any encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_SCAN_BYTES));
  const m = META_CHARSET_RE.exec(head);
  if (!m?.[1]) return null;
  const label = m[1].toLowerCase();
  // A page that reached us as bytes cannot really be UTF-16 if its markup reads as ASCII.
  return label.startsWith('utf-16') ? 'utf-8' : label;
}

/** A TextDecoder for a label, or null when the platform does not know it. */
function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** The encoding to decode a page with (a label TextDecoder accepts). */
export function pickCharset(bytes: Uint8Array, contentType: string | null | undefined): string {
  for (const label of [
    charsetFromBom(bytes),
    charsetFromContentType(contentType),
    charsetFromMeta(bytes),
  ]) {
    const dec = decoderFor(label);
    if (dec) return dec.encoding;
  }
  return DEFAULT_CHARSET;
}

/** Decode a fetched page's bytes to text with the encoding it declares. */
export function decodeHtml(bytes: Uint8Array, contentType: string | null | undefined): string {
  return new TextDecoder(pickCharset(bytes, contentType)).decode(bytes);
}
