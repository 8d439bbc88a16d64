/**
 * The background's part of highlights: the reader page and the saved page ask here to add,
 * change or remove one (the list's one writer), and the overlay asks for the highlights of the
 * article it shows (its frame cannot read the list: its storage is partitioned under the page).
 */
import type { Handlers } from '../messaging';
import { getEntryByUrl } from '../store/articles';
import type { QariDb } from '../store/db';
import { addHighlight, getHighlights, removeHighlight, updateHighlight } from '../store/highlights';
import { answer } from './answer';

export function highlightHandlers(db: QariDb) {
  return {
    'highlight:forArticle': async ({ url, canonical }) => {
      const entry = await getEntryByUrl(db, url, canonical).catch(() => null);
      return entry ? { id: entry.id, highlights: await getHighlights(db, entry.id) } : null;
    },
    'highlight:add': ({ id, selectors, color, note }) =>
      answer(async () => ({ highlight: await addHighlight(db, id, { selectors, color, note }) })),
    'highlight:update': ({ id, highlightId, patch }) =>
      answer(async () => ({ highlight: await updateHighlight(db, id, highlightId, patch) })),
    'highlight:remove': ({ id, highlightId }) =>
      answer(async () => {
        await removeHighlight(db, id, highlightId);
        return { removed: true as const };
      }),
  } satisfies Handlers;
}
