/**
 * The reading list's part of the reader: opening a saved article from IndexedDB (the saved page,
 * `saved.html?id=ID`, calls `bootSaved`), and the overlay's "save for later" button (the overlay's
 * main.tsx calls `saveToLibrary`). Kept out of main.tsx, which belongs to the reader view.
 */
import { h, render } from 'preact';
import browser from 'webextension-polyfill';
import { SaveNotice, type SaveNoticeState } from '@/components/library/SaveNotice';
import { BodyFetch } from '@/components/library/BodyFetch';
import { DeletedNotice } from '@/components/library/DeletedNotice';
import { SavedReader, type SavedActions } from '@/components/library/SavedReader';
import { ReaderStatus } from '@/components/reader/ReaderStatus';
import type { Article } from '@/lib/article';
import { fetchFailureKey } from '@/lib/library/fetch-body-message';
import { loadSavedArticle, type SavedArticle } from '@/lib/library/load-saved-article';
import { offlineImages } from '@/lib/library/offline-images';
import { siteAccessOrigins } from '@/lib/library/page-urls';
import { parseSavedId } from '@/lib/library/saved-progress';
import { ask } from '@/lib/messaging';
import { label, labelFor } from '@/lib/popup/labels';
import { savedArticleUrl } from '@/lib/popup/target';
import { readerLabels, type Labels } from '@/lib/reader/labels';
import { toolbarAction } from '@/lib/toolbar-action';
import type { ReaderSettings } from '@/lib/reader/settings';
import { highlightClient } from '@/lib/highlights/client';
import { getEntry } from '@/lib/store/articles';
import { getHighlights } from '@/lib/store/highlights';
import { openDb } from '@/lib/store/db';

// First strong isolate … pop: a Latin host name inside Arabic text keeps its own order.
const siteName = (url: string): string => `\u2068${URL.parse(url)?.hostname ?? url}\u2069`;

/** Whether fetching the page waits on the reader's permission (a bad address just fails later). */
async function needsSiteAccess(url: string): Promise<boolean> {
  const origins = siteAccessOrigins(url);
  if (origins.length === 0) return false;
  return !(await browser.permissions.contains({ origins }).catch(() => false));
}

async function requestSiteAccess(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: siteAccessOrigins(url) }).catch(() => false);
}

/**
 * An entry known from another browser has no article here yet: ask the background to fetch and
 * extract it, showing that it is on its way; 'failed' (with the reason shown) if that fails.
 */
async function fetchMissingBody(
  app: HTMLElement,
  id: number,
): Promise<SavedArticle | 'failed' | null> {
  const db = openDb();
  const entry = await getEntry(db, id).catch(() => null);
  if (!entry || entry.hasBody) return null;
  const url = entry.article.url;
  if (await needsSiteAccess(url)) {
    // Asked on the reader's click (a permission prompt needs a user gesture), never at install.
    const onAllow = () =>
      void requestSiteAccess(url).then((granted) => granted && showSaved(app, id));
    render(h(BodyFetch, { state: { kind: 'access', url, host: siteName(url), onAllow } }), app);
    return 'failed';
  }
  render(h(BodyFetch, { state: { kind: 'fetching' } }), app);
  const res = await ask('library:fetchBody', { id }).catch(() => null);
  const saved = res?.ok ? await loadSavedArticle(db, id).catch(() => null) : null;
  if (saved) return saved;
  const reason = fetchFailureKey(res && !res.ok ? res.code : undefined);
  const onRetry = () => void showSaved(app, id);
  const onDelete = () => void deleteEntry(app, id);
  render(
    h(BodyFetch, { state: { kind: 'failed', reason, url, onRetry, onDelete, onList: openList } }),
    app,
  );
  return 'failed';
}

/** Show saved article `id`; false when it is not saved (or no longer). */
async function showSaved(
  app: HTMLElement,
  id: number,
  settings?: Promise<ReaderSettings | undefined>,
): Promise<boolean> {
  const saved =
    (await loadSavedArticle(openDb(), id).catch(() => null)) ?? (await fetchMissingBody(app, id));
  if (saved === 'failed') return true;
  if (!saved) return false;
  // Fire and forget: a lost position update is harmless, and the reader must never wait on it.
  const sink = {
    setProgress: (progress: number) =>
      void ask('library:setProgress', { id, progress }).catch(() => undefined),
    markRead: () =>
      void ask('library:setStatus', { id, patch: { read: true } }).catch(() => undefined),
  };
  const actions: SavedActions = {
    async setStatus(patch) {
      const res = await ask('library:setStatus', { id, patch });
      if (!res.ok) throw new Error(res.messageKey);
      const { read, archived, favourite } = res.entry;
      return { read, archived, favourite };
    },
    remove: () => void deleteEntry(app, id),
    openList,
    fail: showActionFailed,
  };
  // Read here (same origin as the list); written through the background, the list's one writer.
  const highlights = highlightClient(ask, {
    find: async () => ({ id, highlights: await getHighlights(openDb(), id) }),
    save: async () => id,
  });
  const images = await offlineImages(openDb(), id, saved.article.content);
  const notice = images.missing > 0 ? label('savedImagesOnline') : undefined;
  render(
    h(SavedReader, {
      saved,
      sink,
      actions,
      settings: await settings,
      images,
      notice,
      highlights,
    }),
    app,
  );
  return true;
}

/**
 * The reading list is the toolbar popup: opened over this tab where the browser allows it from a
 * click, else shown in this tab.
 */
function openList(): void {
  const popup = browser.runtime.getURL('/popup.html');
  void Promise.resolve()
    .then(() => toolbarAction().openPopup())
    .catch(() => location.assign(popup));
}

/** Delete entry `id` through the background and offer to undo it, on this page. */
async function deleteEntry(app: HTMLElement, id: number): Promise<void> {
  const res = await ask('library:delete', { ids: [id] }).catch(() => null);
  if (!res?.ok) return showActionFailed();
  const labels = readerLabels();
  const onUndo = async (): Promise<void> => {
    const back = await ask('library:undoDelete', { undoToken: res.undoToken }).catch(() => null);
    if (back?.ok) await showSaved(app, id);
    else showActionFailed();
  };
  render(h(DeletedNotice, { labels, onUndo: () => void onUndo(), onList: openList }), app);
}

/** Show saved article `rawId` in `app`, or the "missing" status if it is not (or no longer) saved. */
export async function bootSaved(
  app: HTMLElement,
  rawId: string,
  labels: Labels,
  settings: Promise<ReaderSettings | undefined>,
): Promise<void> {
  const id = parseSavedId(rawId);
  if (id !== null && (await showSaved(app, id, settings))) return;
  render(h(ReaderStatus, { kind: 'missing', labels }), app);
}

let noticeRoot: HTMLElement | null = null;

const showActionFailed = (): void =>
  showNotice({ text: readerLabels().readerActionFailed, error: true });

function showNotice(notice: SaveNoticeState | null): void {
  if (!noticeRoot) {
    noticeRoot = document.createElement('div');
    document.body.append(noticeRoot);
  }
  render(notice ? h(SaveNotice, { notice, onDone: () => showNotice(null) }) : null, noticeRoot);
}

/** Whether the overlay's article is in the reading list (its bookmark then shows it). */
export async function isInLibrary(article: Article): Promise<boolean> {
  const { url, canonical } = article;
  return ask('library:isSaved', canonical ? { url, canonical } : { url }).catch(() => false);
}

/** The notice of an article saved as entry `id`, with a way to open the saved copy. */
function showSavedNotice(text: string, id: number): void {
  showNotice({
    text,
    error: false,
    openHref: browser.runtime.getURL(savedArticleUrl(id)),
    openLabel: label('readerOpenSaved'),
  });
}

/** Say why a save failed: the background's reason when it gave one. */
function showSaveFailed(messageKey: string | undefined): void {
  showNotice({ text: labelFor(messageKey ?? 'saveFailed', 'saveFailed'), error: true });
}

/**
 * Save the overlay's article through the background, saying so with `said` (told whether the
 * entry is new); its entry id, or null (the failure said).
 */
async function saveSaying(
  article: Article,
  said: (created: boolean) => string,
): Promise<number | null> {
  const res = await ask('library:saveArticle', { article }).catch(() => null);
  if (!res?.ok) {
    showSaveFailed(res?.messageKey);
    return null;
  }
  showSavedNotice(said(res.created), res.entry.id);
  return res.entry.id;
}

/**
 * The overlay's save button: save the article shown to the reading list and say how it went;
 * true once it is saved.
 */
export async function saveToLibrary(article: Article): Promise<boolean> {
  const id = await saveSaying(article, (created) => label(created ? 'saveDone' : 'saveUpdated'));
  return id !== null;
}

/**
 * The overlay's first highlight on an article not yet saved: save it, saying why; its entry id,
 * or null (the failure said) when it could not be saved.
 */
export function saveForHighlight(article: Article): Promise<number | null> {
  return saveSaying(article, () => readerLabels().readerHlSavedFirst);
}

/**
 * The overlay's "archive" after the last paragraph: save the article if need be, then archive it
 * (both through the background, the list's one writer); true once archived.
 */
export async function archiveInLibrary(article: Article): Promise<boolean> {
  const saved = await ask('library:saveArticle', { article }).catch(() => null);
  const res = saved?.ok
    ? await ask('library:setStatus', { id: saved.entry.id, patch: { archived: true } }).catch(
        () => null,
      )
    : null;
  if (res?.ok) {
    showSavedNotice(readerLabels().readerArchived, res.entry.id);
    return true;
  }
  showSaveFailed(saved?.ok ? 'popupError' : saved?.messageKey);
  return false;
}
