/** The search index row of an entry, derived from its metadata and body text. */
import { docTerms, INDEX_VERSION } from '../text/terms';
import type { ArticleMeta, TermsRow } from './entry';

export function termsRow(id: number, meta: ArticleMeta, text: string | null): TermsRow {
  const t = docTerms({
    title: meta.title,
    siteName: meta.siteName,
    byline: meta.byline,
    text: text ?? '',
  });
  return { id, title: t.title, all: t.all, version: INDEX_VERSION };
}
