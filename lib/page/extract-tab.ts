/** The extraction bundle's entry: the page's article, and its canonical link for saving. */
import { extract } from '../extract';
import type { ExtractTab } from './reader-tab';

const CANONICAL = 'link[rel~="canonical" i][href]';

export function extractTab(doc: Document): ExtractTab {
  return {
    extract: () => extract(doc),
    canonical: () => (doc.querySelector(CANONICAL) as HTMLLinkElement | null)?.href ?? null,
  };
}
