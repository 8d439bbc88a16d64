/**
 * Article extraction for reader mode: Readability makes the first pass on a clone of the page,
 * then our passes fix what it gets wrong on Arabic pages (clutter, headings, direction, dates).
 * The page's own document is never modified, and no exception escapes: every failure is a reason.
 */
import { Readability } from '@mozilla/readability';
import type { Article, ExtractFailure, ExtractResult } from '../article';
import { sanitizeNode, serializeChildren } from '../sanitize';
import { canonicalLinkOf } from './canonical-link';
import { findDateLines, removeClutter } from './clutter';
import { isUpdateLine, parseArabicDate } from './dates';
import { detectLanguage, markBlockDirections } from './direction';
import { hasText } from './dom';
import { keepShownImages, type LoadedImages } from './images';
import { absoluteHttpUrl, cleanByline, readMetadata } from './metadata';
import { countWords, readingMinutes } from './reading-time';
import { buildSections, markPlainHeadings } from './sections';
import { excerptOf, joinParagraphs, paragraphsOf } from './text';

export interface ExtractOptions {
  /** The page's URL; defaults to the document's own (never its `<base href>`). */
  url?: string;
  /** Refuse documents with more elements than this. */
  nodeLimit?: number;
  /** Give up between passes once this much time has gone by. */
  timeBudgetMs?: number;
  /** Clock in milliseconds (tests drive it); `performance.now` by default. */
  now?: () => number;
  /** Told the elapsed time after each pass (profiling scripts read where the time goes). */
  onPass?: (pass: string, elapsedMs: number) => void;
  /**
   * What the live page had loaded (`loadedImagesOf`); images from elsewhere are dropped. Absent
   * for a fetched page: its images are kept from the article's own site only.
   */
  loadedImages?: LoadedImages | null;
}

export const DEFAULT_NODE_LIMIT = 100_000;
export const DEFAULT_TIME_BUDGET_MS = 5_000;

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out so no global NodeFilter is needed
const HTML_CONTENT_TYPES = new Set(['text/html', 'application/xhtml+xml']);

class Stop extends Error {
  constructor(
    readonly reason: ExtractFailure,
    detail?: string,
  ) {
    super(detail ?? reason);
  }
}

function fail(reason: ExtractFailure, detail?: string): ExtractResult {
  return detail ? { ok: false, reason, detail } : { ok: false, reason };
}

/** The page's URL: the caller's, else the document's own address (a `<base href>` is not the page). */
function pageUrlOf(doc: Document, url: string | undefined): string {
  if (url) return url;
  const loc = doc.location?.href;
  if (loc && loc !== 'about:blank') return loc;
  return doc.documentURI || doc.URL || 'about:blank';
}

/** What relative URLs in the page resolve against: its `<base href>` (as the browser does), else the page. */
function baseUrlOf(doc: Document, pageUrl: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (!href) return pageUrl;
  try {
    return new URL(href, pageUrl).href;
  } catch {
    return pageUrl;
  }
}

function checkDocument(doc: Document | null | undefined, nodeLimit: number): void {
  if (!doc || doc.nodeType !== 9 || !doc.documentElement) throw new Stop('not-html', 'no document');
  const type = (doc.contentType ?? 'text/html').toLowerCase();
  if (!HTML_CONTENT_TYPES.has(type)) throw new Stop('not-html', type);
  if (doc.documentElement.tagName.toUpperCase() !== 'HTML' || !doc.body)
    throw new Stop('not-html', 'no body');
  const count = doc.getElementsByTagName('*').length;
  if (count > nodeLimit) throw new Stop('too-large', `${count} elements`);
  if (!hasContent(doc.body)) throw new Stop('empty');
}

const NOT_CONTENT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Any visible-ish text or media at all; stops at the first, so large pages cost nothing. */
function hasContent(body: HTMLElement): boolean {
  const walker = body.ownerDocument.createTreeWalker(body, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (/\S/.test(n.nodeValue ?? '') && !NOT_CONTENT_PARENTS.has(n.parentElement?.tagName ?? ''))
      return true;
  }
  return body.querySelector('img, video, iframe') !== null;
}

/**
 * The clone Readability works on. Where the caller's URL differs from the document's own
 * (HTML fetched and parsed with DOMParser), a `<base>` makes Readability resolve against it.
 */
function cloneForReadability(doc: Document, baseUrl: string): Document {
  const clone = doc.cloneNode(true) as Document;
  if (clone.baseURI !== baseUrl && clone.head) {
    const base = clone.querySelector('base') ?? clone.createElement('base');
    base.setAttribute('href', baseUrl);
    if (!base.parentNode) clone.head.prepend(base);
  }
  return clone;
}

// Never article text, so Readability need not score and strip them node by node: dropping them
// whole first is faster and changes nothing it keeps (JSON-LD is read above). Not forms: ASP.NET
// pages wrap the whole page in one.
const NON_CONTENT = 'script, style, svg, nav, select, textarea, button, template';

function pruneNonContent(clone: Document): void {
  for (const el of Array.from(clone.body?.querySelectorAll(NON_CONTENT) ?? [])) el.remove();
}

// Pages indent their markup: most of their text nodes are whitespace between tags (nine tenths
// of one corpus page's text). Readability measures text by reading `textContent` of element after
// element; one space in place of each run keeps every length it compares (it collapses runs
// itself) and spares it reading the indentation again and again. Only HTML's collapsible
// whitespace: no-break spaces render, and preformatted text keeps its own.
const INDENTATION = /^[ \t\n\r\f]+$/;
const PREFORMATTED = 'pre, textarea, listing, xmp, plaintext';

function collapseIndentation(clone: Document): void {
  const body = clone.body;
  if (!body) return;
  const hasPre = body.querySelector(PREFORMATTED) !== null;
  const walker = clone.createTreeWalker(body, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const v = n.nodeValue ?? '';
    if (v.length > 1 && INDENTATION.test(v) && !(hasPre && n.parentElement?.closest(PREFORMATTED)))
      n.nodeValue = ' ';
  }
}

function windowOf(doc: Document): Window {
  const win = doc.defaultView ?? (typeof window !== 'undefined' ? window : null);
  if (!win) throw new Stop('error', 'no window to sanitize with');
  return win;
}

function run(doc: Document, opts: ExtractOptions, now: () => number, t0: number): ExtractResult {
  const budget = opts.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const checkTime = (pass: string) => {
    const elapsed = now() - t0;
    opts.onPass?.(pass, elapsed);
    if (elapsed > budget) throw new Stop('timeout', `after ${pass}`);
  };

  checkDocument(doc, opts.nodeLimit ?? DEFAULT_NODE_LIMIT);
  const win = windowOf(doc);
  const url = pageUrlOf(doc, opts.url);
  const baseUrl = baseUrlOf(doc, url);
  const clone = cloneForReadability(doc, baseUrl);
  checkTime('clone');

  // Metadata first: Readability strips scripts (JSON-LD) and moves nodes out of the clone.
  const meta = readMetadata(clone, url, baseUrl);
  checkTime('metadata');
  pruneNonContent(clone);
  collapseIndentation(clone);
  markPlainHeadings(clone, meta.title);
  checkTime('prune');

  const parsed = new Readability<Element>(clone, {
    serializer: (el) => el as Element,
    keepClasses: true,
    maxElemsToParse: opts.nodeLimit ?? DEFAULT_NODE_LIMIT,
  }).parse();
  if (!parsed?.content || !hasText(parsed.content)) throw new Stop('no-content');
  checkTime('readability');

  const title = meta.title ?? parsed.title?.trim() ?? '';
  const root = parsed.content;
  const lines = findDateLines(root);
  const dateLine =
    [...lines.filter((l) => !isUpdateLine(l)), ...lines.filter(isUpdateLine)]
      .map(parseArabicDate)
      .find((d) => d) ?? null;
  removeClutter(root, title || null);
  checkTime('clutter');

  const fragment = sanitizeNode(win, root, baseUrl);
  const content = fragment.ownerDocument.createElement('div');
  content.appendChild(fragment);
  keepShownImages(content, url, opts.loadedImages ?? null);
  checkTime('sanitize');

  const sections = buildSections(content, title || null);
  const paragraphs = paragraphsOf(content);
  const text = joinParagraphs(paragraphs);
  if (!text) throw new Stop('no-content', 'nothing left after cleaning');
  const { lang, dir } = detectLanguage(text, meta.declaredLang ?? parsed.lang ?? null);
  markBlockDirections(content, dir);
  checkTime('sections');

  const firstImage = content.querySelector('img')?.getAttribute('src') ?? null;
  const article: Article = {
    url,
    canonical: canonicalLinkOf(doc, baseUrl),
    title: title || (paragraphs[0]?.text ?? ''),
    byline: meta.byline ?? cleanByline(bylineFromReadability(parsed.byline), meta.siteNames),
    siteName: meta.siteName ?? (parsed.siteName?.trim() || null),
    published: meta.published ?? dateLine ?? meta.publishedFromText,
    lang,
    dir,
    excerpt: excerptOf(paragraphs),
    leadImage: meta.leadImage ?? absoluteHttpUrl(firstImage, baseUrl),
    content: serializeChildren(content),
    text,
    sections,
    wordCount: countWords(text),
    readingMinutes: readingMinutes(text, lang),
  };
  const extractMs = now() - t0;
  opts.onPass?.('article', extractMs);
  return { ok: true, article, timings: { extractMs } };
}

// Readability's byline guess is often a category or a date on Arabic pages: a name has 2–8 words.
function bylineFromReadability(b: string | null | undefined): string | null {
  const t = (b ?? '').replace(/\s+/g, ' ').trim();
  const words = t ? t.split(' ').length : 0;
  return words >= 2 && words <= 8 && t.length <= 80 && !/\d/.test(t) ? t : null;
}

/**
 * Extract the article of `doc` (a live page or a DOMParser document). Never modifies `doc`
 * and never throws.
 */
export function extract(doc: Document, opts: ExtractOptions = {}): ExtractResult {
  const now = opts.now ?? (() => performance.now());
  try {
    return run(doc, opts, now, now());
  } catch (err) {
    if (err instanceof Stop)
      return fail(err.reason, err.message !== err.reason ? err.message : undefined);
    return fail('error', err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  }
}
