import 'fake-indexeddb/auto';
import type { DeclarativeNetRequest } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localeMessages } from './locale-messages';

// The extension's UI text in unit tests comes from the same file the browser reads (lib/i18n.ts).
// A test file may replace these (one that pretends to be another language, say).
fakeBrowser.i18n.getMessage = localeMessages('ar');
fakeBrowser.i18n.getUILanguage = () => 'ar';

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
import './popover-shim';
