/** The search index row of an entry, derived from its metadata and body text. */
import { docTerms, INDEX_VERSION, type DocTerms, type SearchableDoc } from '../text/terms';
import type { ArticleMeta, TermsRow } from './entry';

/** The last document analyzed and its terms: see `analyzeAhead`. */
let last: { doc: SearchableDoc; terms: DocTerms } | null = null;

const docOf = (meta: ArticleMeta, text: string | null): SearchableDoc => ({
  title: meta.title,
  siteName: meta.siteName,
  byline: meta.byline,
  text: text ?? '',
});

const sameDoc = (a: SearchableDoc, b: SearchableDoc) =>
  a.title === b.title && a.siteName === b.siteName && a.byline === b.byline && a.text === b.text;

function analyzed(doc: SearchableDoc): DocTerms {
  if (last && sameDoc(last.doc, doc)) return last.terms;
  const terms = docTerms(doc);
  last = { doc, terms };
  return terms;
}

/**
 * Analyze an article whose search row a write is about to need, so a save can do it while the
 * database looks its entry up (analysis is most of a save's own script time, and the lookup's
 * round trip leaves the thread idle). Only the last one is kept.
 */
export function analyzeAhead(meta: ArticleMeta, text: string | null): void {
  analyzed(docOf(meta, text));
}

export function termsRow(id: number, meta: ArticleMeta, text: string | null): TermsRow {
  const t = analyzed(docOf(meta, text));
  return { id, title: t.title, all: t.all, version: INDEX_VERSION };
}
