import type { Detection } from '../article';

/**
 * Whether saving a page should ask first: detection reported it, and not as an Arabic article (a
 * directory page, or an article in Persian or Urdu, which share the script). Every save path asks
 * the same; a page that has not reported (loaded before the extension) is saved at once.
 */
export const askBeforeSaving = (detection: Pick<Detection, 'isArticle' | 'isArabic'> | null) =>
  detection !== null && !(detection.isArticle && detection.isArabic);
