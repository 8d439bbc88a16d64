/**
 * The reader's addresses: `reader.html#t=TOKEN&s=SECTION` for the overlay and
 * `saved.html?id=ID#s=SECTION` for a saved article. The section part is a deep link that the
 * page keeps current with `history.replaceState`, so reload and copied links land in place.
 */

export interface ReaderLocation {
  token: string | null;
  id: string | null;
  section: string | null;
}

const TOKEN = 't';
const SECTION = 's';
const SAVED_ID = 'id';

export function parseReaderLocation(href: string): ReaderLocation {
  const url = new URL(href);
  const hash = new URLSearchParams(url.hash.slice(1));
  return {
    token: hash.get(TOKEN) || null,
    id: url.searchParams.get(SAVED_ID) || null,
    section: hash.get(SECTION) || null,
  };
}

/** The same address pointing at `sectionId` (or at no section), everything else kept. */
export function withSection(href: string, sectionId: string | null): string {
  const url = new URL(href);
  const hash = new URLSearchParams(url.hash.slice(1));
  if (sectionId) hash.set(SECTION, sectionId);
  else hash.delete(SECTION);
  const rest = hash.toString();
  url.hash = rest ? `#${rest}` : '';
  return url.toString();
}
