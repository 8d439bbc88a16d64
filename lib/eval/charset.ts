/**
 * The encoding a browser gives a page served without a charset in its Content-Type: a byte order
 * mark, else the first `<meta charset>` or `<meta http-equiv="Content-Type">` of the page's head
 * (browsers keep looking past the first 1024 bytes while still in the head), else UTF-8 — what
 * Chromium's detector finds for the Arabic-script UTF-8 pages of the corpus. A `charset=` inside
 * another attribute (a `data:` URL) declares nothing.
 */
const META = /<meta\b[^>]*>/gi;
const META_CHARSET = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const HTTP_EQUIV = /\bhttp-equiv\s*=\s*["']?content-type/i;
const CONTENT = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i;
const CHARSET_ATTR = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const END_OF_HEAD = /<body\b|<\/head\s*>/i;
// UTF-16 declared in a meta is read as UTF-8 (the HTML standard's rule).
const UTF16 = /^utf-16/i;

export function sniffCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const text = new TextDecoder('latin1').decode(bytes);
  const end = text.search(END_OF_HEAD);
  const head = end < 0 ? text : text.slice(0, end);
  for (const [tag] of head.matchAll(META)) {
    const declared = charsetOfMeta(tag);
    if (declared && isKnown(declared))
      return UTF16.test(declared) ? 'utf-8' : declared.toLowerCase();
  }
  return 'utf-8';
}

function charsetOfMeta(tag: string): string | null {
  // <meta charset=…> names the encoding itself; a content attribute mentioning charset does not.
  const own = tag.replace(CONTENT, '');
  const direct = META_CHARSET.exec(own)?.[1];
  if (direct) return direct;
  if (!HTTP_EQUIV.test(tag)) return null;
  const content = CONTENT.exec(tag);
  return CHARSET_ATTR.exec(content?.[1] ?? content?.[2] ?? '')?.[1] ?? null;
}

function isKnown(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
