/**
 * Pairs `article.sections` with their headings in the prepared content. A section whose heading
 * did not survive sanitizing (or never had an id) is left out of navigation rather than shown as
 * a link that goes nowhere.
 */
import type { Section } from '../article';

export interface LocatedSections {
  sections: Section[];
  /** The heading of each entry of `sections`, same order. */
  headings: HTMLElement[];
}

export function locateSections(root: ParentNode, sections: readonly Section[]): LocatedSections {
  const byId = new Map<string, HTMLElement>();
  for (const el of root.querySelectorAll<HTMLElement>('[id]')) {
    if (!byId.has(el.id)) byId.set(el.id, el);
  }
  const out: LocatedSections = { sections: [], headings: [] };
  const seen = new Set<string>();
  for (const s of sections) {
    const heading = byId.get(s.id);
    if (!heading || seen.has(s.id)) continue;
    seen.add(s.id);
    out.sections.push(s);
    out.headings.push(heading);
  }
  return out;
}
