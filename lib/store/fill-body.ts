/**
 * Give an entry known from another browser the article body fetched for it here. The synced
 * fields (URL, title, site, status) stay as sync made them, so filling a body changes nothing the
 * outbox carries; the rest of the metadata (byline, excerpt, length…) comes from the article, and
 * the fetched page's canonical link and final URL become addresses of the entry.
 */
import type { Article } from '../article';
import { articleKeys } from './addresses';
import type { QariDb } from './db';
import { splitArticle, toEntry, type Entry, type EntryRow } from './entry';
import { StoreError } from './errors';
import { isArticle } from './validate';
import { writeEntry, writing } from './write';

/** `row` with the fetched article's body and metadata under the fields sync owns. */
export function withFetchedArticle(row: EntryRow, article: Article): EntryRow {
  const { meta } = splitArticle(article);
  const next: EntryRow = {
    ...row,
    meta: {
      ...meta,
      url: row.meta.url,
      title: row.meta.title || meta.title,
      siteName: row.meta.siteName ?? meta.siteName,
    },
    hasBody: 1,
    addresses: [...row.addresses, ...articleKeys(article.url, article.canonical)],
  };
  delete next.importFailure;
  return next;
}

export async function fillBody(db: QariDb, id: number, article: Article): Promise<Entry> {
  if (!isArticle(article)) throw new StoreError('invalid', 'article');
  const { body } = splitArticle(article);
  return writing(db, async () => {
    const old = await db.articles.get(id);
    if (!old) throw new StoreError('not-found');
    const after = withFetchedArticle(old, article);
    return toEntry((await writeEntry(db, { before: old, after, body, origin: 'fetched' }))!);
  });
}
