/**
 * Installs the redirect-hop rules (private-hop-rules.ts) as session rules: none outlives the
 * browser session or an update, and each service worker (or Firefox background page) installs
 * them again before its first fetch.
 */
import browser from 'webextension-polyfill';
import { PRIVATE_HOP_RULE_IDS, privateHopRules, type HopGuardOptions } from './private-hop-rules';

let installed: { loopback: boolean; done: Promise<boolean> } | undefined;

/**
 * Install the rules for this switch state (once per background lifetime and state). Returns
 * false when the browser would not take them: the caller then fetches nothing. Concurrent
 * fetches (the import queue runs several hosts at once) share one installation.
 */
export function guardPrivateHops(opts: HopGuardOptions): Promise<boolean> {
  if (installed?.loopback === opts.loopback) return installed.done;
  const done = install(opts).then((ok) => {
    if (!ok && installed?.done === done) installed = undefined;
    return ok;
  });
  installed = { loopback: opts.loopback, done };
  return done;
}

async function install(opts: HopGuardOptions): Promise<boolean> {
  try {
    const host = new URL(browser.runtime.getURL('/')).host;
    await browser.declarativeNetRequest.updateSessionRules({
      removeRuleIds: [...PRIVATE_HOP_RULE_IDS],
      addRules: privateHopRules(host, opts),
    });
    return true;
  } catch {
    return false;
  }
}
