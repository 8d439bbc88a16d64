/**
 * The background's part of reader mode: remembers what detection said per tab (badge and title
 * of the toolbar icon), relays tab commands to the reader code in the tab (loaded there by the
 * always-on script, with no host permission needed). The overlay's article goes from the tab
 * to its reader page directly (lib/page/overlay.ts), not through here.
 */
import browser from 'webextension-polyfill';
import type { ExtractResult } from '../article';
import { t } from '../i18n';
import type { Handlers } from '../messaging';
import {
  isExtractResult,
  isTabState,
  type ReaderAnswer,
  type TabCommand,
  type TabState,
} from '../messages';
import { GATE_KEY, wakeInTab } from '../page/gate';
import { toolbarAction } from '../toolbar-action';
import { buttonFor } from './page-button';
import { pageScriptReady, waitForPageScript } from './page-script-ready';

const PAGE_SCRIPT = '/page.js';
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;

const tabStates = new Map<number, TabState>();

/**
 * What detection says of a tab's page: its report, or, from a page that made none (not Arabic at
 * a glance, or loaded before the extension), its answer when asked. Null where the page cannot be
 * asked (no gesture of the reader's allows it, or a browser page).
 */
export async function tabDetection(tabId: number): Promise<TabState | null> {
  const known = tabStates.get(tabId);
  if (known) return known;
  const state = await tellTab(tabId, { type: 'page:detect' }).catch(() => null);
  if (!isTabState(state)) return null;
  tabStates.set(tabId, state);
  return state;
}

async function showDetection(tabId: number, state: TabState): Promise<void> {
  const on = state.detection.isArticle && state.detection.isArabic;
  const action = toolbarAction();
  await action.setBadgeText({ tabId, text: on ? t('badgeArticle') : '' });
  if (on) await action.setBadgeBackgroundColor({ tabId, color: '#0b6e4f' });
  await action.setTitle({
    tabId,
    title: on ? t('actionTitleArticle') : t('actionTitle'),
  });
}

const noReceiver = (err: unknown): boolean => NO_RECEIVER.test(String(err));

/**
 * Send a command to the reader code of a tab's top frame. A page that is not Arabic at a glance
 * has an always-on script that stopped there (lib/page/gate.ts), and a page loaded before the
 * extension (installed or updated since) has none: either gets the script injected, whole, which
 * the user's gesture on our toolbar, menu or shortcut allows (activeTab). A page still loading
 * gets its script from the browser once parsed, and the command waits for it (woken first, so
 * that it runs whole).
 */
export async function tellTab(tabId: number, cmd: TabCommand): Promise<unknown> {
  const send = () => browser.tabs.sendMessage(tabId, cmd, { frameId: 0 });
  try {
    return await send();
  } catch (err) {
    if (!noReceiver(err)) throw err;
  }
  // Where the page cannot be injected into, it may still be loading its script: wait as before.
  const gated = await wake(tabId).catch(() => false);
  if (!gated && (await waitForPageScript(tabId))) {
    try {
      return await send();
    } catch (err) {
      if (!noReceiver(err)) throw err;
    }
  }
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PAGE_SCRIPT] });
  return send();
}

/** Ask the tab's always-on script to run whole from now on; true if it already stopped at its glance. */
async function wake(tabId: number): Promise<boolean> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: wakeInTab,
    args: [GATE_KEY],
    // Not at document_idle: a loading page's script must find the mark when the browser starts it.
    injectImmediately: true,
  });
  return result?.result === true;
}

/** Extract the article in a tab's top frame with the extension's code running there. */
export async function extractTab(tabId: number): Promise<ExtractResult> {
  try {
    const value = await tellTab(tabId, { type: 'page:extract' });
    return isExtractResult(value)
      ? value
      : { ok: false, reason: 'error', detail: 'no result from the page' };
  } catch (err) {
    return { ok: false, reason: 'error', detail: String(err) };
  }
}

/** Read the page's canonical link (absolute) from the tab's top frame. */
export async function readCanonicalLink(tabId: number): Promise<string | null> {
  try {
    const value = await tellTab(tabId, { type: 'page:canonical' });
    return typeof value === 'string' && value.length <= 8192 ? value : null;
  } catch {
    return null;
  }
}

/** The tab's answer to a reader command, checked: it comes from the page's renderer. */
function answer(value: unknown): ReaderAnswer {
  const v = value as ReaderAnswer | null;
  if (v?.ok === true && typeof v.open === 'boolean') return { ok: true, open: v.open };
  if (v?.ok === false && typeof v.error === 'string') return { ok: false, error: v.error };
  return { ok: false, error: 'error' };
}

/**
 * Show the reader over a tab (answered once the article is extracted or has failed), or toggle
 * it: open it, or close it if it is showing.
 */
export async function readerCommand(
  tabId: number,
  type: 'reader:show' | 'reader:toggle',
): Promise<ReaderAnswer> {
  return tellTab(tabId, { type }).then(answer, (err) => ({ ok: false, error: String(err) }));
}

export const toggleReader = (tabId: number) => readerCommand(tabId, 'reader:toggle');

/** Forget a closed tab's detection; answers the reader and tab messages. */
export function registerReaderService() {
  browser.tabs.onRemoved.addListener((tabId: number) => tabStates.delete(tabId));
  // A new page in the tab: what the last one reported no longer holds, and a page that is not
  // Arabic at a glance reports nothing to replace it. (The browser resets the badge itself.) In a
  // page that changes its address in place, the page is asked again (tabDetection).
  browser.tabs.onUpdated.addListener((tabId: number, change: { status?: string }) => {
    if (change.status === 'loading') tabStates.delete(tabId);
  });
  return {
    'page:detected': async (state, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId !== 0) return { ok: true, button: null };
      tabStates.set(tabId, state);
      pageScriptReady(tabId);
      await showDetection(tabId, state);
      return { ok: true, button: await buttonFor(tabId, state, sender.url ?? sender.tab?.url) };
    },
    'tab:state': ({ tabId }) => tabDetection(tabId),
    'tab:extract': ({ tabId }) => extractTab(tabId),
    'reader:open': ({ tabId }) => readerCommand(tabId, 'reader:show'),
  } satisfies Handlers;
}
