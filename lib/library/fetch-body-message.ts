/** Which words explain why a synced entry's article could not be fetched (`library:fetchBody`). */
import type { SyncLabelKey } from '../popup/sync-labels';

const GONE = new Set(['http-404', 'http-410']);
const UNREACHABLE = new Set(['network', 'timeout', 'aborted']);
const NOT_ARTICLE = new Set(['no-content', 'empty', 'not-html', 'too-large']);

export function fetchFailureKey(code: string | undefined): SyncLabelKey {
  if (!code) return 'syncFetchNetwork';
  if (GONE.has(code)) return 'syncFetchGone';
  if (UNREACHABLE.has(code) || /^http-5\d\d$/.test(code)) return 'syncFetchNetwork';
  if (NOT_ARTICLE.has(code)) return 'syncFetchNotArticle';
  return 'syncFetchBodyFailed';
}
