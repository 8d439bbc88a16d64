import { defineConfig } from 'wxt';

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
      'contextMenus',
      'alarms',
      'unlimitedStorage',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    content_security_policy:
      browser === 'firefox' ? EXTENSION_CSP : { extension_pages: EXTENSION_CSP },
    action: { default_title: '__MSG_actionTitle__' },
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: ['page.js'], run_at: 'document_idle' },
    ],
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: '__MSG_commandToggleReader__',
      },
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSavePage__',
      },
    },
    web_accessible_resources: [
      {
        resources: ['reader.html', 'assets/*', 'chunks/*'],
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
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
