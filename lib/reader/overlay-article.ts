/**
 * The overlay's reader page gets its article straight from the reader code in its tab, over the
 * port its inbox opened (./overlay-inbox.ts): the first message there that carries its own token
 * and a well-formed extraction result. Nothing posted to its window is read: a page that frames
 * the reader page, or reaches the overlay's frame, has no way to hand it an article.
 */
import type { Article, ExtractFailure } from '../article';
import { OVERLAY_CLOSE, overlayLooksLikeArticle, parseOverlayArticle } from '../messages';
import { toReaderArticle } from './article-guard';
import { openInbox } from './overlay-inbox';

// Extraction failures that mean the page holds no article (not that extraction went wrong).
const NO_ARTICLE = new Set<ExtractFailure>(['no-content', 'empty', 'not-html']);

// Past the extraction's own time budget (5 s): a tab that never answers ends in an error.
export const OVERLAY_WAIT_MS = 60_000;

export interface OverlayDelivery {
  article: Article;
  /** False: the page does not look like an article (the reader says so first). */
  looksLikeArticle: boolean;
}

/**
 * The article (null: not in an overlay), 'not-article' when extraction found nothing to show,
 * 'error' when the page could not be extracted or never answered.
 */
export function waitForOverlayArticle(
  win: Window,
  token: string,
): Promise<OverlayDelivery | 'error' | 'not-article' | null> {
  const inbox = openInbox(win);
  if (!inbox) return Promise.resolve(null);
  return new Promise((resolve) => {
    let settled = false;
    const done = (value: OverlayDelivery | 'error' | 'not-article' | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => done('error'), OVERLAY_WAIT_MS);
    inbox.listen((data) => {
      const result = settled ? null : parseOverlayArticle(data, token);
      if (!result) return;
      if (!result.ok) return done(NO_ARTICLE.has(result.reason) ? 'not-article' : 'error');
      const article = toReaderArticle(result.article);
      done(article && { article, looksLikeArticle: overlayLooksLikeArticle(data) });
    });
  });
}

/** Ask the tab to close the overlay (nothing outside one). */
export function closeOverlay(win: Window): void {
  openInbox(win)?.send(OVERLAY_CLOSE);
}

/** Whether the tab says the overlay is on top of the page (false outside one). */
export function overlayClear(win: Window): Promise<boolean> {
  return openInbox(win)?.clear() ?? Promise.resolve(false);
}
