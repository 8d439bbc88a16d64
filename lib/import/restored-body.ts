/**
 * A backup's article body, checked again as it is restored. The file is untrusted: a hand-made
 * backup can carry any image address, and the saved page would load it. So the body goes through
 * the sanitizer and the image policy (`lib/extract/images.ts`) as a fetched page's would: a
 * restore had no page that was seen loading anything, so only the article's own site's images
 * (and inline `data:` ones) stay. Nothing is fetched here: the check reads addresses only.
 */
import { keepShownImages } from '../extract/images';
import { restoreHeadingIds, sectionHeadings } from '../reader/heading-ids';
import { sanitizeNode, serializeChildren } from '../sanitize';

/** A window that can parse HTML: a page's, the offscreen document's, Firefox's background page. */
type Host = Window & typeof globalThis;

/**
 * The body's HTML, sanitized (first: its lazy-image attributes become the addresses the reader
 * would load), with the images the policy would not have kept removed and its headings' ids kept.
 */
export function cleanRestoredBody(win: Host, html: string, articleUrl: string): string {
  const raw = new win.DOMParser().parseFromString(html, 'text/html');
  // Every heading keeps its id as stored: the reader keeps only the article's own section ids.
  const ids = sectionHeadings(raw.body, () => true);
  const clean = sanitizeNode(win, raw.body, articleUrl);
  restoreHeadingIds(clean, ids);
  keepShownImages(clean, articleUrl, null);
  return serializeChildren(clean);
}

/** `cleanRestoredBody` bound to a window, for a batch of bodies: `importLibrary`'s `sanitize`. */
export function restoredBodyCleaner(
  win: Host,
): (bodies: readonly { html: string; url: string }[]) => string[] {
  return (bodies) => bodies.map((b) => cleanRestoredBody(win, b.html, b.url));
}
