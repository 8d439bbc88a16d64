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
/**
 * Sanitize restored backup bodies and apply the image policy (lib/import/restored-body.ts), many
 * to a message: one message per body made a 10,000-entry restore 10,000 round trips.
 */
export const OFFSCREEN_CLEAN_BODIES = 'offscreen:cleanBodies';
/** The most bodies one message carries; their HTML together is at most one page's cap. */
export const MAX_BODIES_PER_MESSAGE = 500;
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

export interface RestoredBodyRequest {
  html: string;
  url: string;
}

export interface OffscreenCleanBodiesRequest {
  target: typeof OFFSCREEN_TARGET;
  type: typeof OFFSCREEN_CLEAN_BODIES;
  bodies: RestoredBodyRequest[];
}

const isWebAddress = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= MAX_URL && /^https?:\/\//i.test(v);

const htmlChars = (bodies: readonly { html: string }[]) =>
  bodies.reduce((n, b) => n + b.html.length, 0);

export function isOffscreenCleanBodiesRequest(v: unknown): v is OffscreenCleanBodiesRequest {
  return (
    isObj(v) &&
    v.target === OFFSCREEN_TARGET &&
    v.type === OFFSCREEN_CLEAN_BODIES &&
    Array.isArray(v.bodies) &&
    v.bodies.length > 0 &&
    v.bodies.length <= MAX_BODIES_PER_MESSAGE &&
    v.bodies.every((b) => isObj(b) && typeof b.html === 'string' && isWebAddress(b.url)) &&
    htmlChars(v.bodies as RestoredBodyRequest[]) <= MAX_HTML_CHARS
  );
}

/**
 * Bodies in the order given, as messages within both bounds (a body alone over the HTML bound is
 * refused by the guard, as one over a page's cap always was).
 */
export function bodyMessages(bodies: readonly RestoredBodyRequest[]): RestoredBodyRequest[][] {
  const out: RestoredBodyRequest[][] = [];
  let cur: RestoredBodyRequest[] = [];
  let chars = 0;
  for (const b of bodies) {
    if (
      cur.length &&
      (cur.length >= MAX_BODIES_PER_MESSAGE || chars + b.html.length > MAX_HTML_CHARS)
    ) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(b);
    chars += b.html.length;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** The cleaned bodies' answer: one HTML per body sent, in order, none longer than a page's cap. */
export function isCleanBodiesAnswer(v: unknown, count: number): v is { html: string[] } {
  return (
    isObj(v) &&
    Array.isArray(v.html) &&
    v.html.length === count &&
    v.html.every((h) => typeof h === 'string' && h.length <= MAX_HTML_CHARS)
  );
}
