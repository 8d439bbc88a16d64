import type { Detection } from '../article';

/** Placeholder until the detector lands: judges nothing an article. */
export function detect(doc: Document): Detection {
  void doc;
  return { isArticle: false, isArabic: false, language: 'und', signals: [] };
}
