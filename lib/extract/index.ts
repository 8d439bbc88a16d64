import type { ExtractResult } from '../article';

/** Placeholder until the extractor lands. */
export function extract(doc: Document): ExtractResult {
  void doc;
  return { ok: false, reason: 'no-content' };
}
