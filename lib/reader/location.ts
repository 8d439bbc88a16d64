/**
 * The reader's addresses: `reader.html#t=TOKEN&s=SECTION` for the overlay and
 * `saved.html?id=ID#s=SECTION` for a saved article. The section part is a deep link that the
 * page keeps current with `history.replaceState`, so reload and copied links land in place.
 */

export interface ReaderLocation {
  token: string | null;
  /**
   * The overlay's frame was created ahead of a likely open (the pointer on the page's button): it
   * waits for a click, time the reader page can spend warming its view. From the keyboard the
   * article follows the frame within ~50–150 ms, and a warm-up then delays it (quiet same-run A/B,
   * 7 Dec: 1.12× on the median of eight pages, seven slower).
   */
  prepared: boolean;
  id: string | null;
  section: string | null;
}

const TOKEN = 't';
const PREPARED = 'w';
const SECTION = 's';
const SAVED_ID = 'id';

export function parseReaderLocation(href: string): ReaderLocation {
  const url = new URL(href);
  const hash = new URLSearchParams(url.hash.slice(1));
  return {
    token: hash.get(TOKEN) || null,
    prepared: hash.get(PREPARED) === '1',
    id: url.searchParams.get(SAVED_ID) || null,
    section: hash.get(SECTION) || null,
  };
}

/** The overlay's reader page address (`page`, its bare URL): its token, and whether prepared. */
export function readerFrameUrl(page: string, token: string, prepared: boolean): string {
  const hash = new URLSearchParams({ [TOKEN]: token });
  if (prepared) hash.set(PREPARED, '1');
  return `${page}#${hash.toString()}`;
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
