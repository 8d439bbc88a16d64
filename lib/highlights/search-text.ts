/**
 * What search should find of an entry's highlights: its notes. The quotes are words of the
 * article's own text, which search covers already.
 */
import type { Highlight } from './model';

export function highlightSearchText(entry: { highlights?: readonly Highlight[] }): string {
  return (entry.highlights ?? [])
    .map((h) => h.note.trim())
    .filter(Boolean)
    .join('\n\n');
}
