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
import {
  hasArabicScript,
  judgeLanguage,
  otherTitleLanguage,
  type LanguageOptions,
} from './language';

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
// Languages written in the Arabic script (lang subtags), and Kurdish, which may be.
const ARABIC_SCRIPT_LANGS = new Set(['ar', 'fa', 'ur', 'ps', 'ckb', 'ku', 'sd', 'ug', 'ks', 'pnb']);

/**
 * The first look at a page, all that most of the web gets, and no more than detection itself
 * reads: a page whose glance is not Arabic gets nothing more from the always-on script
 * (lib/page/index.ts). A title in another script is read with the first text nodes; an
 * Arabic-script title alone may name another language (Persian, Urdu…); else the page's prose is
 * read, and judged once for both. Null for a document with no body (XML, SVG, empty; a
 * frameset's body is the frameset).
 */
export interface Glance {
  /** Primary subtag of the page's `lang` attribute, lower case, or ''. */
  hint: string;
  /** The text the language was judged on. */
  text: string;
  language: string;
  /** The prose, where the glance read it: then `language` is the prose's, and final. */
  prose?: Prose;
}

/**
 * Whether a page says, before any of its text is read, that it is in another script: a title with
 * no Arabic-script letter, and a `lang` naming a language not written in it. Both must agree (a
 * site's template may tag an Arabic page `en`, but its title is then the Arabic headline).
 */
export function declaresOtherScript(doc: Document): boolean {
  const lang = pageLang(doc);
  return !!lang && !ARABIC_SCRIPT_LANGS.has(lang) && !hasArabicScript(doc.title);
}

/** Primary subtag of the page's `lang`, lower case, or ''. getAttribute: an XML document's root may be no HTML element, or missing. */
const pageLang = (doc: Document): string =>
  (doc.documentElement?.getAttribute('lang') ?? '').split('-')[0]!.toLowerCase();

export function glance(doc: Document, opts: DetectOptions = {}): Glance | null {
  try {
    const body = doc.body;
    if (body?.localName !== 'body') return null;
    const hint = pageLang(doc);
    const title = doc.title;
    const judged = (text: string, prose?: Prose): Glance => ({
      hint,
      text,
      prose,
      language: judgeLanguage(text, { hint, detectLanguage: opts.detectLanguage }),
    });
    if (!hasArabicScript(title)) return judged(`${title}\n${firstText(doc, body)}`);
    const other = otherTitleLanguage(title);
    if (other) return { hint, text: title, language: other };
    const prose = readProse(body);
    return judged(
      languageSample(doc, prose, () => firstText(doc, body)),
      prose,
    );
  } catch {
    return null;
  }
}

/** The whole detection; `seen` is the page's glance when the caller has taken it already. */
export function detect(doc: Document, opts: DetectOptions = {}, seen?: Glance | null): Detection {
  try {
    return judge(doc, opts, seen === undefined ? glance(doc, opts) : seen);
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

function judge(doc: Document, opts: DetectOptions, seen: Glance | null): Detection {
  const body = doc.body;
  if (!seen || body?.localName !== 'body') return notArticle('und', 'no-body');
  // Most of the web has no Arabic script at all: those pages are answered by the glance, and their
  // article-ness is left unjudged (reader mode is for Arabic articles).
  if (!hasArabicScript(seen.text)) {
    return notArticle(seen.language, 'script:none', `lang:${seen.language}`);
  }
  const signals: string[] = [];
  const meta = readMetadata(doc, signals);
  const prose = seen.prose ?? readProse(body);
  // The prose, where a page has enough of it, tells the language better than its menus.
  const language = seen.prose
    ? seen.language
    : judgeLanguage(
        languageSample(doc, prose, () => seen.text),
        { hint: seen.hint, detectLanguage: opts.detectLanguage },
      );
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

/** The title and prose; where the prose is short, with the page's first text (`more`) too. */
function languageSample(doc: Document, prose: Prose, more: () => string): string {
  const sample = `${doc.title}\n${prose.sample}`;
  return sample.length >= SAMPLE_MIN_CHARS ? sample : `${sample}\n${more()}`;
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
