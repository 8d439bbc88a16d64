/**
 * A highlight as the reading list keeps it, inside its entry (`EntryRow.highlights`): where it is
 * (the W3C selectors of `anchor.ts`), its colour and the reader's note, plain text both. Shape
 * and size guards for highlights from anywhere (a page's message, a backup file); free of Dexie.
 */
import type { TextPositionSelector, TextQuoteSelector } from './anchor';
import { CONTEXT_CHARS } from './anchor';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export const HIGHLIGHT_LIMITS = {
  /** A quote of a few paragraphs; a whole article is not a highlight. */
  quote: 20_000,
  context: CONTEXT_CHARS * 2,
  note: 10_000,
  perEntry: 1000,
  /** Offsets in an article's text (`LIMITS.text` of the store, and some room). */
  offset: 10_000_000,
} as const;

const ID = /^[0-9a-f]{8,32}$/;
const HIGHLIGHT_KEYS = ['id', 'quote', 'position', 'color', 'note', 'createdAt', 'updatedAt'];
const QUOTE_KEYS = ['type', 'exact', 'prefix', 'suffix'];
const POSITION_KEYS = ['type', 'start', 'end'];

export interface Highlight {
  id: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: HighlightColor;
  /** The reader's note: plain text, never HTML. */
  note: string;
  createdAt: number;
  updatedAt: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const only = (o: Obj, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k));
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isOffset = (v: unknown): v is number =>
  Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= HIGHLIGHT_LIMITS.offset;
const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export const isHighlightColor = (v: unknown): v is HighlightColor =>
  (HIGHLIGHT_COLORS as readonly unknown[]).includes(v);
export const isNote = (v: unknown): v is string => isText(v, HIGHLIGHT_LIMITS.note);

export function isQuoteSelector(v: unknown): v is TextQuoteSelector {
  return (
    isObj(v) &&
    only(v, QUOTE_KEYS) &&
    v.type === 'TextQuoteSelector' &&
    isText(v.exact, HIGHLIGHT_LIMITS.quote) &&
    v.exact.length > 0 &&
    isText(v.prefix, HIGHLIGHT_LIMITS.context) &&
    isText(v.suffix, HIGHLIGHT_LIMITS.context)
  );
}

export function isPositionSelector(v: unknown): v is TextPositionSelector {
  return (
    isObj(v) &&
    only(v, POSITION_KEYS) &&
    v.type === 'TextPositionSelector' &&
    isOffset(v.start) &&
    isOffset(v.end) &&
    v.start < v.end
  );
}

export function isHighlight(v: unknown): v is Highlight {
  return (
    isObj(v) &&
    only(v, HIGHLIGHT_KEYS) &&
    typeof v.id === 'string' &&
    ID.test(v.id) &&
    isQuoteSelector(v.quote) &&
    isPositionSelector(v.position) &&
    isHighlightColor(v.color) &&
    isNote(v.note) &&
    isTime(v.createdAt) &&
    isTime(v.updatedAt)
  );
}

export function isHighlightList(v: unknown): v is Highlight[] {
  return (
    Array.isArray(v) &&
    v.length <= HIGHLIGHT_LIMITS.perEntry &&
    v.every(isHighlight) &&
    new Set(v.map((h: Highlight) => h.id)).size === v.length
  );
}

/** Highlights in reading order: by where they start in the text, then when they were made. */
export function inTextOrder(list: readonly Highlight[]): Highlight[] {
  return [...list].sort((a, b) => a.position.start - b.position.start || a.createdAt - b.createdAt);
}

/**
 * Two lists of one entry's highlights joined by id (a backup met by the listed entry): each
 * highlight the later edit of it, the listed ones first in their order, then the others.
 */
export function joinHighlights(
  mine: readonly Highlight[],
  theirs: readonly Highlight[],
): Highlight[] {
  const byId = new Map(theirs.map((h) => [h.id, h]));
  const out = mine.map((h) => {
    const t = byId.get(h.id);
    return t && t.updatedAt > h.updatedAt ? t : h;
  });
  const known = new Set(mine.map((h) => h.id));
  for (const t of theirs) if (!known.has(t.id)) out.push(t);
  return out.slice(0, HIGHLIGHT_LIMITS.perEntry);
}
