import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Popup, type PopupEnv } from '@/components/popup/Popup';
import { deferredClient } from '@/lib/popup/deferred-client';
import { readerErrorKey } from '@/lib/popup/errors';
import type { FirstPageRead } from '@/lib/popup/deferred-client';
import { askBeforeSaving } from '@/lib/popup/save-check';
import { savedArticleUrl, targetTabFrom } from '@/lib/popup/target';
import { uiLang } from '@/lib/i18n';

// `?tab=ID` lets a test open this page in a tab and act on another tab; the real popup has no
// query and acts on the active tab.
const pinnedTab = targetTabFrom(location.search);

async function targetTab(): Promise<number | undefined> {
  if (pinnedTab !== null) return pinnedTab;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

// Messages to the background are not needed for the first paint either.
const ask: typeof import('@/lib/messaging').ask = async (type, payload) =>
  (await import('@/lib/messaging')).ask(type, payload);

const env: Omit<PopupEnv, 'client'> = {
  targetTab,
  async isArticle(tabId) {
    const state = await ask('tab:state', { tabId });
    return state ? !askBeforeSaving(state.detection) : null;
  },
  async openReader(tabId) {
    const res = await ask('reader:open', { tabId }).catch(() => null);
    if (res?.ok) return { ok: true };
    return { ok: false, messageKey: readerErrorKey(res?.error) };
  },
  openEntry: (id) => void browser.tabs.create({ url: browser.runtime.getURL(savedArticleUrl(id)) }),
  entryHref: (id) => browser.runtime.getURL(savedArticleUrl(id)),
  openOptions: () => void browser.runtime.openOptionsPage(),
  close: () => {
    if (pinnedTab === null) window.close();
  },
  syncState: () => ask('sync:state', {}).catch(() => null),
  buttonSite: (tabId) => ask('button:site', { tabId }),
  setButtonHidden: (site, hidden) => ask('button:setHidden', { site, hidden }),
};

/** Show the popup, its first page from the early read; Dexie, the store and search load after. */
export function mount(first: FirstPageRead): void {
  const client = deferredClient(
    async () => (await import('@/lib/popup/library-client')).libraryClient(),
    first,
  );
  const ui = uiLang();
  document.documentElement.lang = ui;
  document.documentElement.dir = ui === 'ar' ? 'rtl' : 'ltr';
  const app = document.getElementById('app');
  if (app) render(<Popup env={{ ...env, client }} />, app);
}
