/**
 * Whether reader mode shows what extraction found as the article, or first says the page is not
 * one. Readability turns any page into "an article" (a directory comes out as its copyright line
 * with a reading time), so the reader asks what is already known: the detector's judgement of
 * the page, and whether the extracted text has a language at all.
 */
import { NO_LANGUAGE, type Article, type Detection } from '../article';

export function looksLikeArticle(
  detection: Pick<Detection, 'isArticle'>,
  article: Pick<Article, 'lang'>,
): boolean {
  return detection.isArticle && article.lang !== NO_LANGUAGE;
}
