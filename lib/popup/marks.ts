/**
 * Splits a text into plain and highlighted parts from match ranges, so a view can wrap the
 * matches in `<mark>` elements: the text is never parsed as HTML.
 */
import type { Range } from '../search/highlight';

export interface TextPart {
  text: string;
  mark: boolean;
}

/** Ranges inside [0, length], sorted, with overlapping or touching ones merged. */
export function normalizeRanges(ranges: readonly Range[], length: number): Range[] {
  const clean = ranges
    .map((r) => ({
      start: Math.max(0, Math.min(length, Math.trunc(r.start))),
      end: Math.max(0, Math.min(length, Math.trunc(r.end))),
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of clean) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

export function markParts(text: string, ranges: readonly Range[]): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const r of normalizeRanges(ranges, text.length)) {
    if (r.start > at) parts.push({ text: text.slice(at, r.start), mark: false });
    parts.push({ text: text.slice(r.start, r.end), mark: true });
    at = r.end;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), mark: false });
  return parts;
}
