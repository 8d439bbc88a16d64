/** The page's `<link rel=canonical>`, carried with the article so every save path keys it alike. */
const CANONICAL = 'link[rel~="canonical" i][href]';
const MAX_URL = 8192;
const WEB = new Set(['http:', 'https:']);

/** The canonical link resolved against `baseUrl`, or null when absent or not a web address. */
export function canonicalLinkOf(doc: Document, baseUrl: string): string | null {
  const href = doc.querySelector(CANONICAL)?.getAttribute('href')?.trim();
  if (!href) return null;
  try {
    const u = new URL(href, baseUrl);
    return WEB.has(u.protocol) && u.href.length <= MAX_URL ? u.href : null;
  } catch {
    return null;
  }
}
