import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localeMessages } from './locale-messages';

// The extension's UI text in unit tests comes from the same file the browser reads (lib/i18n.ts).
// A test file may replace these (one that pretends to be another language, say).
fakeBrowser.i18n.getMessage = localeMessages('ar');
fakeBrowser.i18n.getUILanguage = () => 'ar';
