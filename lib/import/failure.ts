/**
 * What a failed fetch-and-extract means for an imported link: try again later (the network, the
 * server's bad moment) or give up and keep it as a plain link with the reason shown.
 */
import { NO_LANGUAGE, type Article } from '../article';
import type { FetchExtractFailure } from '../fetch/fetch-extract';
import { isListOfLinks } from './link-list';

/** Reasons shown to the reader; each has a `_locales` key `importFailure_<code>`. */
export type FailureCode =
  | 'gone'
  | 'http'
  | 'network'
  | 'timeout'
  | 'server'
  | 'not-article'
  | 'not-arabic'
  | 'too-large'
  | 'private'
  | 'error';

export const FAILURE_CODES: readonly FailureCode[] = [
  'gone',
  'http',
  'network',
  'timeout',
  'server',
  'not-article',
  'not-arabic',
  'too-large',
  'private',
  'error',
];

// Arabic articles; Persian/Urdu pages in Arabic script are not what this reader is for.
const ARABIC_LANG = /^ar\b/i;

const RETRYABLE = new Set<FailureCode>(['network', 'timeout', 'server']);
const HTTP_STATUS = /^http-(\d{3})$/;
const GONE = new Set([404, 410]);
// 408 and 429 are the server asking us to come back later.
const LATER = new Set([408, 429]);

export function failureOf(reason: FetchExtractFailure | 'not-arabic'): FailureCode {
  const m = HTTP_STATUS.exec(reason);
  if (m) {
    const status = Number(m[1]);
    if (GONE.has(status)) return 'gone';
    if (status >= 500 || LATER.has(status)) return 'server';
    return 'http';
  }
  switch (reason) {
    case 'network':
    case 'timeout':
    case 'too-large':
    case 'not-arabic':
      return reason;
    case 'private-address':
      return 'private';
    case 'not-html':
    case 'empty':
    case 'no-content':
      return 'not-article';
    default:
      return 'error';
  }
}

export const isRetryable = (code: FailureCode): boolean => RETRYABLE.has(code);

export function failureKey(code: string): string {
  return `importFailure_${code.replace(/-/g, '_')}`;
}

/**
 * Why an extracted page is not kept as an article, or null. Whether it is an article is asked
 * first: an Arabic directory page is "not an article", not "not Arabic".
 */
export function articleFailure(article: Pick<Article, 'lang' | 'content'>): FailureCode | null {
  if (article.lang === NO_LANGUAGE || isListOfLinks(article)) return 'not-article';
  return ARABIC_LANG.test(article.lang) ? null : 'not-arabic';
}
