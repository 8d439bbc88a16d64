/**
 * The page's reader-mode button, per site: the background labels it for the always-on script
 * (which reads no message bundle) and keeps the sites where the reader hid it, in
 * storage.local (this browser's choice, not synced). Hiding takes the button off the site's open
 * tabs at once; showing it again takes effect on the next page load.
 */
import browser from 'webextension-polyfill';
import type { ButtonLabel, ButtonSite, TabState } from '../messages';
import type { AllHandlers } from '../messaging';
import { t, uiLang } from '../i18n';
import { siteOfHost } from '../url/site';

export const HIDDEN_SITES_KEY = 'qari:buttonHiddenSites';
const MAX_SITES = 5000;
const WEB = /^https?:$/;

// Each tab's site as its page last reported (the extension may not read tab URLs itself).
const tabSites = new Map<number, string>();

export function siteOfPage(url: string | undefined): string | null {
  try {
    const u = new URL(url ?? '');
    return WEB.test(u.protocol) ? siteOfHost(u.hostname) : null;
  } catch {
    return null;
  }
}

export async function hiddenSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(HIDDEN_SITES_KEY))[HIDDEN_SITES_KEY];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

export async function setButtonHidden(site: string, hidden: boolean): Promise<void> {
  const sites = new Set(await hiddenSites());
  if (hidden) sites.add(site);
  else sites.delete(site);
  await browser.storage.local.set({ [HIDDEN_SITES_KEY]: [...sites].slice(-MAX_SITES) });
  if (!hidden) return;
  for (const [tabId, s] of tabSites)
    if (s === site)
      browser.tabs.sendMessage(tabId, { type: 'page:hideButton' }).catch(() => undefined);
}

/**
 * What the always-on script shows on a page it has just reported: the button's label for an
 * Arabic article on a site where the reader has not hidden it, else null.
 */
export async function buttonFor(
  tabId: number,
  state: TabState,
  url: string | undefined,
): Promise<ButtonLabel | null> {
  const site = siteOfPage(url);
  if (site) tabSites.set(tabId, site);
  else tabSites.delete(tabId);
  if (!state.detection.isArticle || !state.detection.isArabic) return null;
  if (site && (await hiddenSites()).includes(site)) return null;
  return { text: t('readerButton'), lang: uiLang() };
}

export function pageButtonHandlers(): Pick<
  AllHandlers,
  'button:site' | 'button:setHidden' | 'button:hiddenSites'
> {
  browser.tabs.onRemoved.addListener((tabId: number) => tabSites.delete(tabId));
  return {
    'button:site': async ({ tabId }): Promise<ButtonSite> => {
      const site = tabSites.get(tabId) ?? null;
      return { site, hidden: site !== null && (await hiddenSites()).includes(site) };
    },
    'button:setHidden': async ({ site, hidden }) => {
      await setButtonHidden(site, hidden);
      return { ok: true as const };
    },
    'button:hiddenSites': () => hiddenSites(),
  };
}
