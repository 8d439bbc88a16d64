/**
 * The sanitizer every backup restore passes to `importLibrary`: the file is untrusted, so each
 * body is sanitized and put under the image policy (lib/import/restored-body.ts) before it is
 * stored. Parsed here where DOMParser exists (Firefox's background page), else in Chrome's
 * offscreen document.
 */
import { cleanBodiesOffscreen } from '../fetch/offscreen-parser';
import { restoredBodyCleaner } from '../import/restored-body';
import type { ImportOptions } from '../store/backup';

export function restoreSanitizer(): NonNullable<ImportOptions['sanitize']> {
  return typeof DOMParser === 'function'
    ? restoredBodyCleaner(globalThis as unknown as Window & typeof globalThis)
    : cleanBodiesOffscreen;
}
