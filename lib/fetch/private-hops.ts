/**
 * Installs the redirect-hop rules (private-hop-rules.ts) as session rules: none outlives the
 * browser session or an update, and each service worker (or Firefox background page) installs
 * them again before its first fetch.
 */
import browser from 'webextension-polyfill';
import { PRIVATE_HOP_RULE_IDS, privateHopRules, type HopGuardOptions } from './private-hop-rules';

let installed: boolean | undefined;

/**
 * Install the rules for this switch state (once per background lifetime and state). Returns
 * false when the browser would not take them: the caller then fetches nothing.
 */
export async function guardPrivateHops(opts: HopGuardOptions): Promise<boolean> {
  if (installed === opts.loopback) return true;
  try {
    const host = new URL(browser.runtime.getURL('/')).host;
    await browser.declarativeNetRequest.updateSessionRules({
      removeRuleIds: [...PRIVATE_HOP_RULE_IDS],
      addRules: privateHopRules(host, opts),
    });
    installed = opts.loopback;
    return true;
  } catch {
    installed = undefined;
    return false;
  }
}
