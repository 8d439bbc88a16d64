/** The first-run page: opened once, when the extension is installed (not on updates). */
import browser from 'webextension-polyfill';

export const WELCOME_PAGE = '/welcome.html';

export function registerWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install')
      void browser.tabs
        .create({ url: browser.runtime.getURL(WELCOME_PAGE) })
        .catch(() => undefined);
  });
}
