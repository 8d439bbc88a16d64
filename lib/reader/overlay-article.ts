/**
 * The overlay's reader page gets its article straight from the reader code in its tab: it says
 * it is ready to its parent, and takes the first message from that parent that carries its own
 * token and a well-formed extraction result. Anything else posted to it is ignored. When the
 * page's inbox (./overlay-inbox.ts) has already said so, what the inbox kept is read first.
 */
import type { Article } from '../article';
import { OVERLAY_READY, parseOverlayArticle } from '../messages';
import { toReaderArticle } from './article-guard';
import { takeInbox } from './overlay-inbox';

// Past the extraction's own time budget (5 s): a tab that never answers ends in an error.
export const OVERLAY_WAIT_MS = 60_000;

/** The article (null: malformed), 'error' when the page could not be extracted or never answered. */
export function waitForOverlayArticle(
  win: Window,
  token: string,
): Promise<Article | 'error' | null> {
  // Opened on its own (not in an overlay), the page has no tab to hear from.
  if (win.parent === win) return Promise.resolve(null);
  return new Promise((resolve) => {
    const done = (value: Article | 'error' | null): void => {
      win.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(value);
    };
    const take = (data: unknown): boolean => {
      const result = parseOverlayArticle(data, token);
      if (result) done(result.ok ? toReaderArticle(result.article) : 'error');
      return !!result;
    };
    const onMessage = (e: MessageEvent): void => {
      if (e.source === win.parent) take(e.data);
    };
    const timer = setTimeout(() => done('error'), OVERLAY_WAIT_MS);
    // Kept messages and the listener are taken in one task: nothing arrives between them.
    const kept = takeInbox(win);
    win.addEventListener('message', onMessage);
    // Only the parent page's window sees this, and it carries nothing: the token stays here.
    if (!kept) win.parent.postMessage(OVERLAY_READY, '*');
    else kept.some(take);
  });
}
