/**
 * Keyboard commands and the page's context menu: each toggles reader mode in the tab or saves
 * the page.
 */
import browser, { type Tabs } from 'webextension-polyfill';
import { t } from '../i18n';

export type TabAction = (tabId: number) => Promise<unknown>;

const MENU_READER = 'qari-reader';
const MENU_SAVE = 'qari-save';

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The page's context-menu entries, made afresh (at install and at each browser start). They sit
 * right under the browser's own «الفتح في وضع القراءة», so their titles (menuReader, menuSave) say whose they are.
 */
export function createMenus(): void {
  browser.contextMenus.removeAll().then(
    () => {
      browser.contextMenus.create({
        id: MENU_READER,
        title: t('menuReader'),
        contexts: ['page'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      });
      browser.contextMenus.create({
        id: MENU_SAVE,
        title: t('menuSave'),
        contexts: ['page'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      });
    },
    () => undefined,
  );
}

export function registerCommands(actions: { toggleReader: TabAction; savePage: TabAction }): void {
  const run = (command: string, tabId: number | undefined) => {
    if (tabId === undefined) return;
    if (command === 'toggle-reader') void actions.toggleReader(tabId).catch(() => undefined);
    else if (command === 'save-page') void actions.savePage(tabId).catch(() => undefined);
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
