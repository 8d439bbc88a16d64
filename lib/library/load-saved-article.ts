/**
 * A saved article for the reader page, read from IndexedDB in the page itself: no network and no
 * background round trip, so it opens offline and right after a browser restart.
 */
import type { Article } from '../article';
import { toReaderArticle } from '../reader/article-guard';
import { getArticle, getEntry } from '../store/articles';
import type { QariDb } from '../store/db';
import type { Entry } from '../store/entry';

export interface SavedArticle {
  article: Article;
  entry: Entry;
}

/** The article and its entry, or null when it is not saved (deleted) or has no body here. */
export async function loadSavedArticle(db: QariDb, id: number): Promise<SavedArticle | null> {
  const [entry, stored] = await Promise.all([getEntry(db, id), getArticle(db, id)]);
  // Stored data is checked like any other input before the view relies on it.
  const article = toReaderArticle(stored);
  return entry && article ? { article, entry } : null;
}
