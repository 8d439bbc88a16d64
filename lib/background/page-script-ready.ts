/**
 * A tab still loading its page has no always-on script yet: the browser starts it once the page
 * is parsed (document_idle). A command that arrives before then waits for it, bounded, rather
 * than injecting a second copy into a half-parsed page, whose extraction finds no article and
 * whose copy would answer every later command beside the browser's own.
 */
import browser from 'webextension-polyfill';

/** Past this, a page that never finishes parsing is injected into and read as it is. */
export const LOAD_WAIT_MS = 20_000;

const waiting = new Map<number, Set<() => void>>();

/** The always-on script of a tab's top frame has reported: wake whoever waits for it. */
export function pageScriptReady(tabId: number): void {
  const wake = waiting.get(tabId);
  waiting.delete(tabId);
  for (const w of wake ?? []) w();
}

async function isLoading(tabId: number): Promise<boolean> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return tab?.status === 'loading';
}

/**
 * Wait until a loading tab's always-on script has reported, its page has loaded, or `ms` passed;
 * true when the tab was loading (worth asking again before injecting anything).
 */
export async function waitForPageScript(tabId: number, ms = LOAD_WAIT_MS): Promise<boolean> {
  if (!(await isLoading(tabId))) return false;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      waiting.get(tabId)?.delete(done);
      resolve();
    };
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') done();
    };
    const timer = setTimeout(done, ms);
    browser.tabs.onUpdated.addListener(onUpdated);
    waiting.set(tabId, (waiting.get(tabId) ?? new Set()).add(done));
  });
  return true;
}
