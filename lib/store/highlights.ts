/**
 * An entry's highlights, changed as the rest of the entry is: the new row computed from the old
 * and written by the write path (`write.ts`). Highlights are not a sync field: the outbox is left
 * alone (storage.sync could not hold them) and the backup moves them between browsers.
 */
import type { Selectors } from '../highlights/anchor';
import type { HighlightedArticle } from '../highlights/markdown';
import {
  HIGHLIGHT_LIMITS,
  isHighlight,
  isHighlightColor,
  isNote,
  type Highlight,
  type HighlightColor,
} from '../highlights/model';
import type { QariDb } from './db';
import type { EntryRow } from './entry';
import { StoreError } from './errors';
import { writeEntry, writing } from './write';

export interface NewHighlight {
  selectors: Selectors;
  color: HighlightColor;
  note: string;
}

export type HighlightPatch = Partial<Pick<Highlight, 'color' | 'note'>>;

function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Change entry `id`'s highlight list with `change` (null: nothing to change). */
function updateList(
  db: QariDb,
  id: number,
  now: number,
  change: (list: Highlight[]) => Highlight[] | null,
): Promise<Highlight[]> {
  return writing(db, async () => {
    const row = await db.articles.get(id);
    if (!row) throw new StoreError('not-found');
    const list = row.highlights ?? [];
    const next = change(list);
    if (!next) return list;
    const after: EntryRow = { ...row, highlights: next, updatedAt: now };
    if (next.length === 0) delete after.highlights;
    await writeEntry(db, { before: row, after, origin: 'reader' }, now);
    return next;
  });
}

export async function addHighlight(
  db: QariDb,
  entryId: number,
  input: NewHighlight,
  now = Date.now(),
): Promise<Highlight> {
  const h: Highlight = {
    id: newId(),
    quote: input.selectors.quote,
    position: input.selectors.position,
    color: input.color,
    note: input.note,
    createdAt: now,
    updatedAt: now,
  };
  if (!isHighlight(h)) throw new StoreError('invalid', 'highlight');
  await updateList(db, entryId, now, (list) => {
    if (list.length >= HIGHLIGHT_LIMITS.perEntry) throw new StoreError('invalid', 'highlights');
    return [...list, h];
  });
  return h;
}

export async function updateHighlight(
  db: QariDb,
  entryId: number,
  id: string,
  patch: HighlightPatch,
  now = Date.now(),
): Promise<Highlight> {
  if (patch.color !== undefined && !isHighlightColor(patch.color))
    throw new StoreError('invalid', 'color');
  if (patch.note !== undefined && !isNote(patch.note)) throw new StoreError('invalid', 'note');
  let out: Highlight | undefined;
  await updateList(db, entryId, now, (list) => {
    const old = list.find((h) => h.id === id);
    if (!old) throw new StoreError('not-found');
    const next = { ...old, ...patch };
    if (next.color === old.color && next.note === old.note) {
      out = old;
      return null;
    }
    out = { ...next, updatedAt: now };
    return list.map((h) => (h.id === id ? out! : h));
  });
  return out!;
}

export async function removeHighlight(
  db: QariDb,
  entryId: number,
  id: string,
  now = Date.now(),
): Promise<void> {
  await updateList(db, entryId, now, (list) =>
    list.some((h) => h.id === id) ? list.filter((h) => h.id !== id) : null,
  );
}

export async function getHighlights(db: QariDb, entryId: number): Promise<Highlight[]> {
  return (await db.articles.get(entryId))?.highlights ?? [];
}

// Rows read at a time: the list's rows are small, but a library may hold tens of thousands.
const EXPORT_PAGE = 500;

/** Every entry with highlights, oldest saved first, as the exports take them. */
export async function highlightedArticles(db: QariDb): Promise<HighlightedArticle[]> {
  const ids = await db.articles.orderBy('savedAt').primaryKeys();
  const out: HighlightedArticle[] = [];
  for (let i = 0; i < ids.length; i += EXPORT_PAGE) {
    for (const row of await db.articles.bulkGet(ids.slice(i, i + EXPORT_PAGE))) {
      if (!row?.highlights?.length) continue;
      const { url, title, siteName, dir } = row.meta;
      out.push({ url, title, siteName, dir, savedAt: row.savedAt, highlights: row.highlights });
    }
  }
  return out;
}
