/**
 * The reading list's part of the reader page: opening a saved article (`reader.html?id=ID`) from
 * IndexedDB, and the overlay's "save for later" button. Kept out of main.tsx, which belongs to
 * the reader view; main.tsx calls `bootSaved` and `saveToLibrary`.
 */
import { h, render } from 'preact';
import browser from 'webextension-polyfill';
import { SaveNotice, type SaveNoticeState } from '@/components/library/SaveNotice';
import { SavedReader } from '@/components/library/SavedReader';
import { ReaderStatus } from '@/components/reader/ReaderStatus';
import type { Article } from '@/lib/article';
import { loadSavedArticle } from '@/lib/library/load-saved-article';
import { parseSavedId } from '@/lib/library/saved-progress';
import { ask } from '@/lib/messaging';
import { label, labelFor } from '@/lib/popup/labels';
import { savedArticleUrl } from '@/lib/popup/target';
import type { Labels } from '@/lib/reader/labels';
import { openDb } from '@/lib/store/db';

/** Show saved article `rawId` in `app`, or the "missing" status if it is not (or no longer) saved. */
export async function bootSaved(app: HTMLElement, rawId: string, labels: Labels): Promise<void> {
  const id = parseSavedId(rawId);
  const saved = id === null ? null : await loadSavedArticle(openDb(), id).catch(() => null);
  if (id === null || !saved) {
    render(h(ReaderStatus, { kind: 'missing', labels }), app);
    return;
  }
  // Fire and forget: a lost position update is harmless, and the reader must never wait on it.
  const sink = {
    setProgress: (progress: number) =>
      void ask('library:setProgress', { id, progress }).catch(() => undefined),
    markRead: () =>
      void ask('library:setStatus', { id, patch: { read: true } }).catch(() => undefined),
  };
  render(h(SavedReader, { saved, sink }), app);
}

let noticeRoot: HTMLElement | null = null;

function showNotice(notice: SaveNoticeState | null): void {
  if (!noticeRoot) {
    noticeRoot = document.createElement('div');
    document.body.append(noticeRoot);
  }
  render(notice ? h(SaveNotice, { notice, onDone: () => showNotice(null) }) : null, noticeRoot);
}

/** The overlay's save button: save the article shown to the reading list and say how it went. */
export async function saveToLibrary(article: Article): Promise<void> {
  const res = await ask('library:saveArticle', { article }).catch(() => null);
  if (res?.ok) {
    showNotice({
      text: label(res.created ? 'saveDone' : 'saveUpdated'),
      error: false,
      openHref: browser.runtime.getURL(savedArticleUrl(res.entry.id)),
      openLabel: label('readerOpenSaved'),
    });
  } else {
    showNotice({ text: labelFor(res?.messageKey ?? 'saveFailed', 'saveFailed'), error: true });
  }
}
