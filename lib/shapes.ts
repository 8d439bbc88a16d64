/**
 * Shape guards for values that cross a context boundary (messages, the offscreen document, window
 * messages), below every protocol that uses them. Hand-written (not a schema library) because the
 * always-on content script imports them and must stay small.
 */
import { EXTRACT_FAILURES, type ExtractFailure, type ExtractResult } from './article';
import { isArticle } from './store/validate';

const MAX_TEXT = 4096;

export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isStr = (v: unknown, max = MAX_TEXT): v is string =>
  typeof v === 'string' && v.length <= max;
export const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

/** What reader code in a tab sent: an article within the store's limits, or a known failure. */
export const isExtractResult = (v: unknown): v is ExtractResult =>
  isObj(v) &&
  (v.ok === true
    ? isArticle(v.article) && isObj(v.timings) && isNum(v.timings.extractMs)
    : v.ok === false &&
      EXTRACT_FAILURES.includes(v.reason as ExtractFailure) &&
      (v.detail === undefined || isStr(v.detail)));
