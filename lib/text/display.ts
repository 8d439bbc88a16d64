/**
 * Text a page wrote about itself (title, byline, site name), made fit to show beside the
 * reader's own: no bidi controls (U+202E turns `fdp.exe` into what reads as `exe.pdf`, and an
 * unclosed one reorders whatever follows it on the line) and no zero-width characters. And the
 * source of an article as the page cannot forge it: the host it came from, first, then the
 * name it claims (`og:site_name` is any text the page likes, e.g. another outlet's name).
 */

// Embeddings, overrides, isolates, LRM/RLM and the Arabic letter mark; zero-width space,
// joiners, word joiner and the BOM.
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const SPACES = /\s+/g;
const WWW = /^www\./;

/** Page text for display: invisible and direction-changing characters dropped. */
export function displayText(s: string): string {
  return s.replace(INVISIBLE, '');
}

/** One line of page text for display: `displayText`, runs of white space made one space. */
export function displayLine(s: string | null | undefined): string {
  return displayText(s ?? '')
    .replace(SPACES, ' ')
    .trim();
}

export interface Source {
  /** The article's host (without `www.`): what the reader can check in the address bar. */
  host: string;
  /** The name the page gives its site, when it says something the host does not. */
  name: string | null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(WWW, '');
  } catch {
    return '';
  }
}

/** Where an article comes from: its host first, and the site name it claims after. */
export function sourceOf(meta: { url: string; siteName: string | null }): Source {
  const host = hostOf(meta.url);
  const name = displayLine(meta.siteName);
  const sameAsHost = name.toLowerCase().replace(WWW, '') === host;
  return { host, name: name && !sameAsHost ? name : null };
}
