// The reader's views import the UI strings from here; every page's strings live in lib/i18n.ts.
export * from '../i18n';
