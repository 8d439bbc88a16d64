/**
 * The background's part of reader mode: remembers what detection said per tab (badge and title
 * of the toolbar icon), extracts a tab's article on demand by injecting the extraction script,
 * and hands the article to the reader page that the tab's overlay opens.
 */
import browser from 'webextension-polyfill';
import type { ExtractResult } from '../article';
import { serve } from '../messaging';
import type { TabState } from '../messages';

const EXTRACT_SCRIPT = '/content-scripts/extract.js';
const OVERLAY_SCRIPT = '/content-scripts/overlay.js';
const TOKEN_TTL_MS = 10 * 60_000;

const tabStates = new Map<number, TabState>();
/** Tabs whose reader overlay is showing (lost if the worker restarts: toggling then reopens). */
const readerTabs = new Set<number>();
/** Reader tokens: each names one extraction (possibly still running) for one tab. */
const tokens = new Map<string, { pending: Promise<ExtractResult>; tabId: number; at: number }>();

function t(key: string, fallback: string): string {
  return browser.i18n.getMessage(key) || fallback;
}

async function showDetection(tabId: number, state: TabState): Promise<void> {
  const on = state.detection.isArticle && state.detection.isArabic;
  await browser.action.setBadgeText({ tabId, text: on ? t('badgeArticle', 'ع') : '' });
  if (on) await browser.action.setBadgeBackgroundColor({ tabId, color: '#0b6e4f' });
  await browser.action.setTitle({
    tabId,
    title: on
      ? t('actionTitleArticle', 'Arabic article: reader mode available')
      : t('actionTitle', 'Qari'),
  });
}

/** Run the extension's extraction code in a tab's top frame and return what it produced. */
export async function extractTab(tabId: number): Promise<ExtractResult> {
  try {
    const [res] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      files: [EXTRACT_SCRIPT],
    });
    const value = res?.result as ExtractResult | undefined;
    if (!value || typeof value !== 'object' || typeof value.ok !== 'boolean') {
      return { ok: false, reason: 'error', detail: 'no result from the page' };
    }
    return value;
  } catch (err) {
    return { ok: false, reason: 'error', detail: String(err) };
  }
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function pruneTokens(now: number): void {
  for (const [k, v] of tokens) if (now - v.at > TOKEN_TTL_MS) tokens.delete(k);
}

/**
 * Open the reader over a tab. The overlay and its reader page start loading while the article is
 * being extracted (the reader page lives in another process), and the reader page's request for
 * the article waits for the extraction: the two costs overlap instead of adding up.
 */
export async function openReader(
  tabId: number,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const now = Date.now();
  pruneTokens(now);
  const token = newToken();
  const target = { tabId, frameIds: [0] };
  const shown = browser.scripting
    .executeScript({ target, files: [OVERLAY_SCRIPT] })
    .then(() => browser.tabs.sendMessage(tabId, { type: 'reader:show', token }));
  const pending = extractTab(tabId);
  tokens.set(token, { pending, tabId, at: now });
  try {
    await shown;
  } catch (err) {
    return { ok: false, error: String(err) };
  }
  readerTabs.add(tabId);
  const result = await pending;
  return result.ok ? { ok: true } : { ok: false, error: result.reason };
}

/** Open the reader in a tab, or close it if it is showing. */
export async function toggleReader(tabId: number): Promise<unknown> {
  if (!readerTabs.has(tabId)) return openReader(tabId);
  readerTabs.delete(tabId);
  return browser.tabs.sendMessage(tabId, { type: 'reader:hide' }).catch(() => undefined);
}

export function registerReaderService(): void {
  browser.tabs.onRemoved.addListener((tabId: number) => {
    tabStates.delete(tabId);
    readerTabs.delete(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId: number, info: { status?: string }) => {
    if (info.status === 'loading') readerTabs.delete(tabId);
  });
  serve({
    'page:detected': async (state, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined && sender.frameId === 0) {
        tabStates.set(tabId, state);
        await showDetection(tabId, state);
      }
      return { ok: true };
    },
    'tab:state': ({ tabId }) => tabStates.get(tabId) ?? null,
    'tab:extract': ({ tabId }) => extractTab(tabId),
    'reader:open': async ({ tabId }, sender) => {
      const id = tabId ?? sender.tab?.id;
      if (id === undefined) return { ok: false, error: 'no-tab' };
      return openReader(id);
    },
    'reader:closed': (_, sender) => {
      if (sender.tab?.id !== undefined) readerTabs.delete(sender.tab.id);
      return { ok: true };
    },
    'reader:get': async ({ token }) => {
      const entry = tokens.get(token);
      if (!entry) return null;
      const result = await entry.pending;
      return result.ok ? { article: result.article, tabId: entry.tabId } : { error: result.reason };
    },
  });
}
