/**
 * Give an entry known from another browser the article body fetched for it here. The synced
 * fields (URL, title, site, status) stay as sync made them, so filling a body records nothing in
 * the sync outbox; the rest of the metadata (byline, excerpt, length…) comes from the article.
 */
import type { Article } from '../article';
import { putBody } from './bodies';
import type { QariDb } from './db';
import { splitArticle, toEntry, type Entry, type EntryRow } from './entry';
import { guardWrite, StoreError } from './errors';
import { termsRow } from './search-terms';
import { isArticle } from './validate';

export async function fillBody(db: QariDb, id: number, article: Article): Promise<Entry> {
  if (!isArticle(article)) throw new StoreError('invalid', 'article');
  const { meta, body } = splitArticle(article);
  return guardWrite(() =>
    db.transaction('rw', [db.articles, db.bodies, db.texts, db.terms], async () => {
      const old = await db.articles.get(id);
      if (!old) throw new StoreError('not-found');
      const row: EntryRow = {
        ...old,
        meta: {
          ...meta,
          url: old.meta.url,
          title: old.meta.title || meta.title,
          siteName: old.meta.siteName ?? meta.siteName,
        },
        hasBody: 1,
      };
      await db.articles.put(row);
      await putBody(db, id, body);
      await db.terms.put(termsRow(id, row.meta, body.text));
      return toEntry(row);
    }),
  );
}
