/**
 * The toolbar button's API: `action` in Manifest V3 (Chrome), `browserAction` in Firefox's
 * Manifest V2 build, where `action` is undefined (calling through it threw, so Firefox lost the
 * badge, the page button and the popup's opening from a saved article).
 */
import browser, { type Action } from 'webextension-polyfill';

export function toolbarAction(): Action.Static {
  const api = browser as unknown as { action?: Action.Static; browserAction?: Action.Static };
  return (api.action ?? api.browserAction)!;
}
