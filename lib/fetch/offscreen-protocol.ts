/**
 * The messages the background sends to the offscreen document, and the guards on both ends:
 * the request is checked by the offscreen page, the answer by the background. Kept apart from
 * `lib/messages.ts` because these never go to the background's own handlers.
 */
import { isObj } from '../shapes';
import { MAX_PAGE_BYTES } from './fetch-html';

// The answer is an extraction result like any other that crosses a boundary: one guard for all.
export { isExtractResult } from '../shapes';

export const OFFSCREEN_TARGET = 'qari-offscreen';
export const OFFSCREEN_EXTRACT = 'offscreen:extract';
/** Sanitize a restored backup's body and apply the image policy (lib/import/restored-body.ts). */
export const OFFSCREEN_CLEAN_BODY = 'offscreen:cleanBody';
const MAX_URL = 8192;
// Decoded text can be longer in UTF-16 code units than the byte cap only for 1-byte encodings.
const MAX_HTML_CHARS = MAX_PAGE_BYTES;

export interface OffscreenExtractRequest {
  target: typeof OFFSCREEN_TARGET;
  type: typeof OFFSCREEN_EXTRACT;
  html: string;
  url: string;
}

export function isOffscreenExtractRequest(v: unknown): v is OffscreenExtractRequest {
  return (
    isObj(v) &&
    v.target === OFFSCREEN_TARGET &&
    v.type === OFFSCREEN_EXTRACT &&
    typeof v.html === 'string' &&
    v.html.length <= MAX_HTML_CHARS &&
    typeof v.url === 'string' &&
    v.url.length <= MAX_URL &&
    /^https?:\/\//i.test(v.url)
  );
}

export interface OffscreenCleanBodyRequest {
  target: typeof OFFSCREEN_TARGET;
  type: typeof OFFSCREEN_CLEAN_BODY;
  html: string;
  url: string;
}

export function isOffscreenCleanBodyRequest(v: unknown): v is OffscreenCleanBodyRequest {
  return (
    isObj(v) &&
    v.target === OFFSCREEN_TARGET &&
    v.type === OFFSCREEN_CLEAN_BODY &&
    typeof v.html === 'string' &&
    v.html.length <= MAX_HTML_CHARS &&
    typeof v.url === 'string' &&
    v.url.length <= MAX_URL &&
    /^https?:\/\//i.test(v.url)
  );
}

/** The cleaned body's answer: its HTML, never longer than what was sent. */
export function isCleanBodyAnswer(v: unknown): v is { html: string } {
  return isObj(v) && typeof v.html === 'string' && v.html.length <= MAX_HTML_CHARS;
}
