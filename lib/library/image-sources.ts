/**
 * The addresses of a saved article's images, read from its sanitized HTML without a DOM (the
 * background's worker has no DOMParser). The HTML was serialized by the sanitizer, so every
 * attribute is double-quoted with `&`, `"`, `<` and `>` escaped: a plain scan is exact.
 */

const IMG_SRC = /<img\b[^>]*?\ssrc="([^"]*)"/gi;
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" };

const unescape = (v: string): string =>
  v.replace(/&(amp|quot|lt|gt|#39);/g, (_m, name: string) => ENTITIES[name] ?? '');

/** Each http(s) image address of `html` once, in article order. */
export function imageSources(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(IMG_SRC)) {
    const src = unescape(m[1] ?? '');
    if (/^https?:\/\//i.test(src)) out.add(src);
  }
  return [...out];
}
