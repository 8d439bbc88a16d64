/**
 * `npm run bench -- size`: the always-on content script's minified size, and what is in it.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tests/e2e/fixtures';
import { table } from '../lib/stats';
import { EXT } from './common';

const POLYFILL_MIN = join(ROOT, 'node_modules/webextension-polyfill/dist/browser-polyfill.min.js');
const FORBIDDEN_IN_ALWAYS_ON = ['Readability', 'preact', 'Dexie', 'DOMPurify'];
const POLYFILL_MARK = 'webRequest';

export function benchSize(): void {
  const total = statSync(join(EXT, 'page.js')).size;
  const src = readFileSync(join(EXT, 'page.js'), 'utf8');
  // The polyfill names the API namespaces it wraps; the always-on script itself names none.
  const polyfill = src.includes(POLYFILL_MARK) ? statSync(POLYFILL_MIN).size : 0;
  const found = FORBIDDEN_IN_ALWAYS_ON.filter((w) => src.includes(w));
  console.log('\n## Always-on content script size (minified)');
  table(
    ['', 'bytes', 'KB'],
    [
      ['page.js (total)', total, (total / 1024).toFixed(2)],
      [
        `webextension-polyfill (min)${polyfill ? '' : ': not in page.js'}`,
        polyfill,
        (polyfill / 1024).toFixed(2),
      ],
      [
        'ours beyond the polyfill (goal ≤ 8 KB)',
        total - polyfill,
        ((total - polyfill) / 1024).toFixed(2),
      ],
    ],
  );
  console.log(`Heavy libraries in it: ${found.length ? found.join(', ') : 'none'}`);
}
