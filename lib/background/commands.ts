/**
 * Keyboard commands and the page's context menu: each asks the tab to toggle reader mode or
 * saves the page. The tab's content script decides whether to open or close its overlay.
 */
import browser, { type Tabs } from 'webextension-polyfill';

export type TabAction = (tabId: number) => Promise<unknown>;

const MENU_READER = 'qari-reader';
const MENU_SAVE = 'qari-save';

export function toggleReaderInTab(tabId: number): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, { type: 'reader:toggle' }).catch(() => undefined);
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function createMenus(): void {
  browser.contextMenus.removeAll().then(
    () => {
      browser.contextMenus.create({
        id: MENU_READER,
        title: browser.i18n.getMessage('menuReader') || 'وضع القراءة',
        contexts: ['page'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      });
      browser.contextMenus.create({
        id: MENU_SAVE,
        title: browser.i18n.getMessage('menuSave') || 'حفظ للقراءة لاحقًا',
        contexts: ['page'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      });
    },
    () => undefined,
  );
}

export function registerCommands(savePage: TabAction): void {
  const run = (command: string, tabId: number | undefined) => {
    if (tabId === undefined) return;
    if (command === 'toggle-reader') void toggleReaderInTab(tabId);
    else if (command === 'save-page') void savePage(tabId);
  };
  browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
    if (tab?.id !== undefined) run(command, tab.id);
    else void activeTabId().then((id) => run(command, id));
  });
  browser.runtime.onInstalled.addListener(createMenus);
  browser.runtime.onStartup.addListener(createMenus);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_READER) run('toggle-reader', tab?.id);
    else if (info.menuItemId === MENU_SAVE) run('save-page', tab?.id);
  });
}
