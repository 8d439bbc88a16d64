/**
 * What the search index stores per article: the distinct terms of its title (ranked higher)
 * and of everything searchable (title, site, byline, body). Bump INDEX_VERSION when the terms
 * an article gets change (stemmer, stop words, fields) so a schema upgrade can rebuild them.
 */
import { exactTermsOf, termsOf } from './analyze';

export const INDEX_VERSION = 3;
// Bounds the index entries of one very long article; its first terms are kept, which covers
// what the article is about (the lead and the headings come first).
export const MAX_TERMS_PER_ARTICLE = 3000;

export interface SearchableDoc {
  title: string;
  siteName: string | null;
  byline: string | null;
  /** Plain text of the body; empty for an entry whose body is not on this device. */
  text: string;
}

export interface DocTerms {
  /** The title's terms, then its words' exact forms (`EXACT_MARK`). */
  title: string[];
  /**
   * The other fields' terms that are not the title's: an entry holds a term when either list
   * does. The title's are found through the title postings, which every search reads anyway;
   * stored here again they made an eighth of the index.
   */
  all: string[];
}

export function docTerms(doc: SearchableDoc): DocTerms {
  const titleTerms = termsOf(doc.title);
  // The title's terms count toward the bound, as they did when `all` held them.
  const seen = new Set(titleTerms);
  const all: string[] = [];
  for (const field of [doc.siteName ?? '', doc.byline ?? '', doc.text]) {
    for (const t of termsOf(field)) {
      if (seen.size >= MAX_TERMS_PER_ARTICLE) break;
      if (seen.has(t)) continue;
      seen.add(t);
      all.push(t);
    }
  }
  // Exact forms only in the title: they rank, and a body's would double the index.
  return { title: [...titleTerms, ...exactTermsOf(doc.title)], all };
}
