/**
 * The always-on detector: is this page one article, and is its text Arabic? It runs in every page,
 * so it reads a bounded part of the document, imports nothing heavy and never changes the page.
 */
import type { Detection } from '../article';
import {
  readHeadlines,
  readMetadata,
  readProse,
  type Metadata,
  type Prose,
} from './article-signals';
import { hasArabicScript, judgeLanguage, type LanguageOptions } from './language';

export interface DetectOptions {
  /** Names the language of text that is not in Arabic script (e.g. a wrapper of a browser API). */
  detectLanguage?: LanguageOptions['detectLanguage'];
}

// Metadata score from which a page counts as declaring itself an article.
const META_ARTICLE = 3;
// A page tagged og:type article whose prose is one block of a few paragraphs is a brief, however
// many headline links its sidebars hold.
const META_BRIEF = 2;
const BRIEF_SHARE = 0.8;
// Prose a declared article needs (a two-paragraph brief has it) and what an undeclared one needs.
const DECLARED_MIN_CHARS = 200;
const UNDECLARED_MIN_CHARS = 600;
const UNDECLARED_MIN_SCORE = 20;
// Headline-link characters per character of main prose past which a page is a list of links;
// looser for pages tagged og:type article (some sites tag every page so), and no limit for pages
// declared articles in structured data, whose sidebars of latest news may be long.
const LIST_RATIO = 2.5;
const DECLARED_LIST_RATIO = 4;
const LIST_MIN_HEADLINES = 10;
// Teaser titles among the main prose, several and nearly one per paragraph: a section page or
// search results, not an article body (which may hold a few "read also" links).
const MAX_MAIN_TEASERS = 4;
const TEASERS_PER_PARAGRAPH = 0.75;
// Pages with little prose (directories, home pages) are sampled from their first text nodes.
const SAMPLE_MIN_CHARS = 400;
const SAMPLE_CHARS = 3000;
const SAMPLE_NODES = 3000;
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, without relying on the global
const NOT_TEXT = /^(script|style|noscript|template)$/i;

export function detect(doc: Document, opts: DetectOptions = {}): Detection {
  try {
    return judge(doc, opts);
  } catch {
    // The last line of defence: a page we cannot read is no article.
    return notArticle('und', 'error');
  }
}

const notArticle = (language: string, ...signals: string[]): Detection => ({
  isArticle: false,
  isArabic: false,
  language,
  signals,
});

function judge(doc: Document, opts: DetectOptions): Detection {
  const body = doc.body;
  // No body: XML, SVG or an empty document; a frameset's body is the frameset.
  if (body?.localName !== 'body') {
    return notArticle('und', 'no-body');
  }
  const hint = (doc.documentElement.getAttribute('lang') ?? '').split('-')[0]?.toLowerCase();
  // Most of the web has no Arabic script at all: answer those pages at the cost of one short
  // text walk, and leave their article-ness unjudged (reader mode is for Arabic articles).
  // An Arabic title spares the walk; the page's first text is read later only if its prose is short.
  const title = doc.title;
  const glance = hasArabicScript(title) ? null : `${title}\n${firstText(doc, body)}`;
  if (glance !== null && !hasArabicScript(glance)) {
    const language = judgeLanguage(glance, { hint, detectLanguage: opts.detectLanguage });
    return notArticle(language, 'script:none', `lang:${language}`);
  }
  const signals: string[] = [];
  const meta = readMetadata(doc, signals);
  const prose = readProse(body);
  const language = judgeLanguage(languageSample(doc, body, prose, glance), {
    hint,
    detectLanguage: opts.detectLanguage,
  });
  signals.push(`lang:${language}`);
  const isArticle = judgeArticle(body, meta, prose, signals);
  return { isArticle, isArabic: language === 'ar', language, signals };
}

function judgeArticle(body: Element, meta: Metadata, prose: Prose, signals: string[]): boolean {
  const declared = meta.score >= META_ARTICLE;
  const textOk = prose.mainChars >= UNDECLARED_MIN_CHARS && prose.score >= UNDECLARED_MIN_SCORE;
  const textSome = prose.mainChars >= DECLARED_MIN_CHARS;
  signals.push(textOk ? 'text:ok' : textSome ? 'text:some' : 'text:little');
  if (meta.list) return false;
  if (isTeaserList(prose)) {
    signals.push('list:teasers');
    return false;
  }
  const brief =
    meta.score >= META_BRIEF &&
    prose.mainParagraphs > 1 &&
    prose.mainChars >= BRIEF_SHARE * prose.chars;
  if (!brief && !meta.structured && isLinkDense(body, prose, declared)) {
    signals.push('links:dense');
    return false;
  }
  return textOk || ((declared || brief) && textSome);
}

function isTeaserList(prose: Prose): boolean {
  const count = prose.main ? readHeadlines(prose.main).count : 0;
  return count > MAX_MAIN_TEASERS && count >= TEASERS_PER_PARAGRAPH * prose.mainParagraphs;
}

function isLinkDense(body: Element, prose: Prose, declared: boolean): boolean {
  const { count, chars } = readHeadlines(body);
  const ratio = declared ? DECLARED_LIST_RATIO : LIST_RATIO;
  // With no prose at all, any ten headline links make a list.
  return count >= LIST_MIN_HEADLINES && chars > ratio * prose.mainChars;
}

function languageSample(doc: Document, body: Element, prose: Prose, glance: string | null): string {
  const sample = `${doc.title}\n${prose.sample}`;
  if (sample.length >= SAMPLE_MIN_CHARS) return sample;
  return `${sample}\n${glance ?? `${doc.title}\n${firstText(doc, body)}`}`;
}

function firstText(doc: Document, body: Element): string {
  const walker = doc.createTreeWalker(body, SHOW_TEXT);
  let text = '';
  for (let i = 0; i < SAMPLE_NODES && text.length < SAMPLE_CHARS; i++) {
    const node = walker.nextNode();
    if (!node) break;
    if (!NOT_TEXT.test(node.parentNode?.nodeName ?? '')) text += `${node.nodeValue ?? ''} `;
  }
  return text;
}
