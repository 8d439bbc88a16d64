/**
 * Parse fetched HTML and run the extension's one extraction code on it. Runs wherever DOMParser
 * exists: Chrome's offscreen document, Firefox's background page, unit tests.
 */
import type { ExtractResult } from '../article';
import { extract } from '../extract';

export function extractHtml(html: string, url: string): ExtractResult {
  try {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return extract(doc, { url });
  } catch (err) {
    return { ok: false, reason: 'error', detail: String(err) };
  }
}
