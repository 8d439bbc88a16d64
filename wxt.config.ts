import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { FETCH_ORIGINS } from './lib/import/fetch-origins';
import { POPUP_SHORTCUT, SUGGESTED_SHORTCUTS } from './lib/reader/shortcut-keys';

/**
 * Extension pages run only our own packaged code: no remote or inline scripts, no plugins, no
 * <base> or form tricks, fonts only from the package (Vite may inline small ones as data:). The
 * reader page is framed by the web pages it overlays, so those may frame it.
 */
export const EXTENSION_CSP = [
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "font-src 'self' data:",
  "frame-ancestors 'self' http: https:",
].join('; ');

/** The extension's mark (assets/icon.svg, rendered by scripts/render-icons.ts), by pixel size. */
export const ICONS = Object.fromEntries(
  [16, 32, 48, 128].map((size) => [String(size), `icon/${size}.png`]),
) as Record<string, string>;

const UNLISTED_ENTRY = '\0virtual:wxt-unlisted-script-entrypoint?';
const ALWAYS_ON = /\/entrypoints\/page(-start)?\.ts$/;

/**
 * The always-on scripts (entrypoints/page.ts, page-start.ts) run in every page and have a byte
 * budget: each is started with a bare call of its main() instead of WXT's wrapper, whose logging does nothing in
 * production builds but costs ~450 bytes. Other unlisted scripts keep the wrapper.
 */
function bareAlwaysOnEntry(): Plugin {
  return {
    name: 'qari:bare-always-on-entry',
    enforce: 'pre',
    load(id) {
      if (!id.startsWith(UNLISTED_ENTRY) || !ALWAYS_ON.test(id)) return null;
      const path = JSON.stringify(id.slice(UNLISTED_ENTRY.length));
      return `import definition from ${path};\nexport default definition.main();\n`;
    },
  };
}

// One tree, two builds: `wxt build` (Chrome MV3) and `wxt build -b firefox`.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ar',
    permissions: [
      'storage',
      'scripting',
      'activeTab',
      'contextMenus',
      'alarms',
      'unlimitedStorage',
      // Blocks the background's own fetches to the reader's network on every redirect hop
      // (lib/fetch/private-hops.ts); matches no page's requests.
      'declarativeNetRequest',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    content_security_policy:
      browser === 'firefox' ? EXTENSION_CSP : { extension_pages: EXTENSION_CSP },
    // Fetching pages in the background (imported links, synced entries) needs access to their
    // sites: asked for when an import starts or sync needs it, never at install.
    // (Firefox's Manifest V2 names them with the optional API permissions.)
    ...(browser === 'firefox'
      ? { optional_permissions: FETCH_ORIGINS }
      : { optional_host_permissions: FETCH_ORIGINS }),
    icons: ICONS,
    action: { default_title: '__MSG_actionTitle__', default_icon: ICONS },
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: ['page-start.js'], run_at: 'document_start' },
      { matches: ['http://*/*', 'https://*/*'], js: ['page.js'], run_at: 'document_idle' },
    ],
    commands: {
      'toggle-reader': {
        suggested_key: { default: SUGGESTED_SHORTCUTS['toggle-reader'] },
        description: '__MSG_commandToggleReader__',
      },
      'save-page': {
        suggested_key: { default: SUGGESTED_SHORTCUTS['save-page'] },
        description: '__MSG_commandSavePage__',
      },
      // The reading list and its search from the keyboard; it also lets the popup read the page
      // it opens over, as a click on the icon does (activeTab).
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: POPUP_SHORTCUT },
      },
    },
    web_accessible_resources: [
      {
        // The reader page framed over articles, and the reader's code that the always-on script
        // imports into its isolated world when reader mode is asked for. Not saved.html: no web
        // page may frame or open a saved article.
        resources: [
          'reader.html',
          'assets/*',
          'chunks/*',
          'reader-tab.js',
          'extract-tab.js',
          'reader-inbox.js',
        ],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'qari@example.org',
              strict_min_version: '140.0',
              // No telemetry: the extension collects and sends nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [bareAlwaysOnEntry()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
