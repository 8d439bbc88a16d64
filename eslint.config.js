import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Forbid, in `files`, imports matching each rule's `group` (type-only ones too), saying why. */
const forbid = (files, rules, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: rules.map((r) => ({ ...r, allowTypeImports: false })) },
    ],
  },
});

// Layers (README, "Layout"). A file takes one rule set: each zone lists every rule it is under.
const ALWAYS_ON = {
  group: [
    'preact',
    'preact/*',
    'dexie',
    'dompurify',
    '@mozilla/*',
    'webextension-polyfill',
    'wxt/browser',
    '**/store/db',
    '**/components/**',
  ],
  message:
    'Runs on every page: no framework, database, sanitizer, Readability or polyfill (lib/page/native.ts reaches the browser).',
};
const SYNC_ENGINE = {
  group: ['**/store/**', 'dexie'],
  message:
    'The sync engine sees the reading list only through its LocalAdapter (lib/sync/local.ts).',
};
const DOMAIN = {
  group: ['**/background/**', '**/components/**', '@/components/**', '@/entrypoints/**'],
  message:
    'Domain code does not lean on the background wiring or the views: pass what it needs in.',
};

// One way to the browser API per context (README, "Layout"): extension pages and the background
// use webextension-polyfill's `browser`; code in a web page's tab (and the reader page's inbox,
// which runs before any bundle) uses lib/page/native.ts; Chrome-only APIs go through lib/chrome.ts.
const API_GLOBALS = ['chrome', 'browser'].map((name) => ({
  name,
  message:
    "Import `browser` from 'webextension-polyfill' (pages, background), or use lib/page/native.ts (a web page's tab) or lib/chrome.ts (Chrome-only APIs).",
}));
const NO_SINKS = [
  { property: 'innerHTML', message: 'Render sanitized HTML through lib/sanitize only.' },
  { property: 'outerHTML', message: 'Render sanitized HTML through lib/sanitize only.' },
];
const API_PROPERTIES = ['chrome', 'browser'].map((property) => ({
  property,
  message:
    'No cast to reach the browser API: lib/chrome.ts for Chrome-only APIs, lib/page/native.ts in a tab.',
}));
const API_OWNERS = ['lib/page/native.ts', 'lib/chrome.ts'];
const NATIVE = {
  group: ['**/page/native'],
  message:
    "lib/page/native.ts is for code in a web page's tab: pages and the background import `browser` from 'webextension-polyfill'.",
};

const WRITES = 'add|bulkAdd|put|bulkPut|update|bulkUpdate|upsert|delete|bulkDelete|clear|modify';
/** `db.<table>.<write>(…)`, also after `where(…)…`, and `tx.table('<table>')`, for `tables`. */
const tableWrites = (tables, message) => [
  {
    selector: `CallExpression > MemberExpression.callee[property.name=/^(${WRITES})$/] MemberExpression[property.name=/^(${tables})$/]`,
    message,
  },
  {
    selector: `CallExpression[callee.property.name='table'][arguments.0.value=/^(${tables})$/]`,
    message,
  },
];
const ENTRY_ROWS =
  "An entry's rows are written by lib/store/write.ts only: compute the new row and call writeEntry.";
const OUTBOX = 'The outbox is written by the write path and consumed by the sync adapter only.';
// In a Firefox content script a URLSearchParams is reached through an Xray wrapper, and the
// iterators its keys(), values() and entries() return are not iterable there: for…of and spread
// throw, Array.from gives [] (BBC Arabic's reader failed on an image address). The params object
// itself iterates in both browsers: `for (const [k, v] of url.searchParams)`.
const PARAM_ITERATORS = ['searchParams', 'params']
  .flatMap((name) => [
    {
      selector: `CallExpression[callee.property.name=/^(keys|values|entries)$/][callee.object.property.name='${name}']`,
      message:
        'Iterate the URLSearchParams itself: its keys()/values()/entries() fail in Firefox tabs.',
    },
    {
      selector: `CallExpression[callee.property.name=/^(keys|values|entries)$/][callee.object.name='${name}']`,
      message:
        'Iterate the URLSearchParams itself: its keys()/values()/entries() fail in Firefox tabs.',
    },
  ])
  .concat({
    selector: `CallExpression[callee.property.name=/^(keys|values|entries)$/][callee.object.callee.name='URLSearchParams']`,
    message:
      'Iterate the URLSearchParams itself: its keys()/values()/entries() fail in Firefox tabs.',
  });

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'bench-results/', 'eval-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-properties': ['error', ...NO_SINKS],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  forbid(['entrypoints/page.ts'], [ALWAYS_ON]),
  forbid(['lib/page/**', 'lib/detect/**'], [ALWAYS_ON, DOMAIN]),
  forbid(['lib/sync/**'], [SYNC_ENGINE, DOMAIN, NATIVE]),
  forbid(
    ['lib/**'],
    [DOMAIN, NATIVE],
    [
      'lib/background/**',
      'lib/page/**',
      'lib/detect/**',
      'lib/sync/**',
      'lib/reader/overlay-inbox.ts',
    ],
  ),
  forbid(['lib/reader/overlay-inbox.ts'], [DOMAIN]),
  forbid(
    ['lib/background/**', 'components/**', 'entrypoints/**'],
    [NATIVE],
    ['entrypoints/page.ts'],
  ),
  {
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    ignores: API_OWNERS,
    rules: {
      'no-restricted-globals': ['error', ...API_GLOBALS],
      'no-restricted-properties': ['error', ...NO_SINKS, ...API_PROPERTIES],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['lib/store/write.ts', 'lib/store/db.ts', 'tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...tableWrites('articles|bodies|texts|terms|images', ENTRY_ROWS),
        ...PARAM_ITERATORS,
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [
      'lib/store/write.ts',
      'lib/store/db.ts',
      'lib/store/changes.ts',
      'lib/store/sync-local.ts',
      'tests/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...tableWrites('articles|bodies|texts|terms|images', ENTRY_ROWS),
        ...tableWrites('changes', OUTBOX),
        ...PARAM_ITERATORS,
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'tests/**/*.ts', 'tests/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: { 'no-restricted-properties': 'off' },
  },
);
