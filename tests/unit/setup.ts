import 'fake-indexeddb/auto';
import type { DeclarativeNetRequest } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// WXT's fake browser leaves declarativeNetRequest unimplemented: session rules kept in memory,
// so the background's fetches (which install their hop guard first) run under test.
let sessionRules: DeclarativeNetRequest.Rule[] = [];
Object.assign(fakeBrowser.declarativeNetRequest, {
  async updateSessionRules(o: DeclarativeNetRequest.UpdateSessionRulesOptionsType) {
    const drop = new Set(o.removeRuleIds ?? []);
    sessionRules = [...sessionRules.filter((r) => !drop.has(r.id)), ...(o.addRules ?? [])];
  },
  async getSessionRules() {
    return sessionRules;
  },
});
