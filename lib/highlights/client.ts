/**
 * A reader page's highlights, written through the background (the list's one writer) with the
 * typed messages of `messages.ts`. The overlay may show an article that is not saved yet: its
 * first highlight saves it (`EntryFinder.save`), so a highlight always has an entry to live in.
 */
import type { MessageType, Req, Res } from '../messages';
import type { Selectors } from './anchor';
import { HIGHLIGHT_LIMITS, type Highlight, type HighlightColor } from './model';

export type Ask = <K extends MessageType>(type: K, payload: Req<K>) => Promise<Res<K>>;

export interface EntryFinder {
  /** The article's entry and its highlights, or null when it is not on the list. */
  find(): Promise<{ id: number; highlights: Highlight[] } | null>;
  /** Save the article to the list (saying so); its entry id, or null when that failed. */
  save(): Promise<number | null>;
}

export interface HighlightClient {
  load(): Promise<Highlight[]>;
  add(selectors: Selectors, color: HighlightColor, note?: string): Promise<Highlight | null>;
  update(id: string, patch: { color?: HighlightColor; note?: string }): Promise<Highlight | null>;
  remove(id: string): Promise<boolean>;
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]$/;

/** A note cut to its limit, never in the middle of a surrogate pair. */
export function capNote(note: string): string {
  if (note.length <= HIGHLIGHT_LIMITS.note) return note;
  const cut = note.slice(0, HIGHLIGHT_LIMITS.note);
  return HIGH_SURROGATE.test(cut) ? cut.slice(0, -1) : cut;
}

export function highlightClient(ask: Ask, finder: EntryFinder): HighlightClient {
  let entryId: number | null = null;
  const idOrSave = async (): Promise<number | null> => {
    if (entryId !== null) return entryId;
    entryId = (await finder.find().catch(() => null))?.id ?? (await finder.save());
    return entryId;
  };
  return {
    async load() {
      const found = await finder.find().catch(() => null);
      if (found) entryId = found.id;
      return found?.highlights ?? [];
    },
    async add(selectors, color, note = '') {
      const id = await idOrSave();
      if (id === null) return null;
      const res = await ask('highlight:add', { id, selectors, color, note: capNote(note) });
      return res.ok ? res.highlight : null;
    },
    async update(highlightId, patch) {
      if (entryId === null) return null;
      const capped = patch.note === undefined ? patch : { ...patch, note: capNote(patch.note) };
      const res = await ask('highlight:update', { id: entryId, highlightId, patch: capped });
      return res.ok ? res.highlight : null;
    },
    async remove(highlightId) {
      if (entryId === null) return false;
      const res = await ask('highlight:remove', { id: entryId, highlightId });
      return res.ok;
    },
  };
}
