/**
 * The one message the background sends to the offscreen document, and the guards on both ends:
 * the request is checked by the offscreen page, the answer by the background. Kept apart from
 * `lib/messages.ts` because these never go to the background's own handlers.
 */
import type { ExtractResult } from '../article';
import { isArticle } from '../store/validate';
import { MAX_PAGE_BYTES } from './fetch-html';

export const OFFSCREEN_TARGET = 'qari-offscreen';
export const OFFSCREEN_EXTRACT = 'offscreen:extract';
const EXTRACT_REASONS = new Set([
  'empty',
  'not-html',
  'too-large',
  'timeout',
  'no-content',
  'error',
]);
const MAX_URL = 8192;
const MAX_DETAIL = 2000;
// Decoded text can be longer in UTF-16 code units than the byte cap only for 1-byte encodings.
const MAX_HTML_CHARS = MAX_PAGE_BYTES;

export interface OffscreenExtractRequest {
  target: typeof OFFSCREEN_TARGET;
  type: typeof OFFSCREEN_EXTRACT;
  html: string;
  url: string;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

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

export function isExtractResult(v: unknown): v is ExtractResult {
  if (!isObj(v)) return false;
  if (v.ok === true) return isArticle(v.article) && isObj(v.timings);
  return (
    v.ok === false &&
    typeof v.reason === 'string' &&
    EXTRACT_REASONS.has(v.reason) &&
    (v.detail === undefined || (typeof v.detail === 'string' && v.detail.length <= MAX_DETAIL))
  );
}
