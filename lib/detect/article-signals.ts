/**
 * Evidence on whether a page is one article: what its metadata claims, how much prose it holds and
 * where, and how many headline links surround that prose. Everything here only reads the page, and
 * every walk over it is capped so that huge pages cost no more than ordinary ones.
 */

const ARTICLE_TYPE = /^(\w*NewsArticle|Article|LiveBlogPosting|BlogPosting|Report)$/;
const LIST_TYPE = /^(CollectionPage|ItemList|SearchResultsPage)$/;
// A substring of every type either pattern accepts.
const TYPES_OF_INTEREST = /Article|Posting|Report|Collection|ItemList|SearchResults/;
const MAX_JSONLD_SCRIPTS = 8;
const MAX_JSONLD_CHARS = 200_000;
const MAX_JSONLD_DEPTH = 4;
// Sites wrap the JSON in CDATA sections or comments (`//<![CDATA[`, `//]]>`).
const JSON_WRAPPERS = /<!\[CDATA\[|\]\]>|<!--|-->/g;
const OPENING = /[[{]/;
// Meta tags and microdata: [selector, score, signal]. Only microdata counts as structured data.
const META_TAGS: [string, number, string][] = [
  ['meta[property="og:type"][content*="article"]', 2, 'og:article'],
  ['meta[property="article:published_time"],[itemprop="datePublished"]', 1, 'meta:published'],
  ['[itemprop="articleBody"]', 2, 'microdata:articleBody'],
];
// Several <article> elements are teaser cards, unless the page declares itself an article
// (whose related stories may be cards too).
const MAX_ARTICLE_ELEMENTS = 4;

// Readability's isProbablyReaderable counts paragraphs past 140 characters; shorter ones still
// count as prose, which a two-paragraph brief needs.
const PROSE_MIN = 80;
const READERABLE_MIN = 140;
const MAX_LINK_SHARE = 0.3;
const MAX_BLOCKS = 400;
// Not `form`: ASP.NET sites wrap whole pages in one.
const OUTSIDE_PROSE = 'li,nav,aside,footer,[hidden]';
// A `div` that breaks its lines with `br` is a paragraph only if blocks inside it hold less than
// half its text: a wrapper with one stray `br` would otherwise pass for a paragraph the size of
// the page, while an empty ad slot (or one holding only its script) must not break a text run.
const BLOCKS_INSIDE = 'p,div,table,ul,ol,section,article';
// Prose shared out among parents under one grandparent (by more than this factor) is an article
// whose paragraphs sit in wrappers of their own, or a list of teasers: the grandparent holds either.
const SPREAD = 1.5;
// The language needs a few hundred letters (judgeLanguage reads at most 1500 characters).
const SAMPLE_CHARS = 1500;
// A headline link: long enough to be a teaser title rather than a menu entry.
const HEADLINE_MIN = 25;
const MAX_LINKS = 1500;

export interface Metadata {
  /** 3 or more: the page declares itself an article. */
  score: number;
  /** Declared in structured data (JSON-LD, microdata), which sites set per page, unlike og:type. */
  structured: boolean;
  /** The page declares itself a list. */
  list: boolean;
}

export interface Prose {
  /** Readability-style score: the sum of √(length − 140) over paragraphs. */
  score: number;
  /** The element holding the most prose: an article's body, or the list of a section page's teasers. */
  main: Element | null;
  /** Prose on the whole page. */
  chars: number;
  mainChars: number;
  mainParagraphs: number;
  /** The first paragraphs' text, for telling the language. */
  sample: string;
}

/** Metadata evidence, with the reasons pushed to `signals`. */
export function readMetadata(doc: Document, signals: string[]): Metadata {
  const meta: Metadata = { score: 0, structured: false, list: false };
  const add = (score: number, signal: string): void => {
    meta.score += score;
    signals.push(signal);
  };
  for (const type of jsonLdTypes(doc)) {
    if (ARTICLE_TYPE.test(type) && !meta.structured) {
      meta.structured = true;
      add(3, `jsonld:${type}`);
    } else if (LIST_TYPE.test(type) && !meta.list) {
      meta.list = true;
      add(0, `jsonld:${type}`);
    }
  }
  for (const [selector, score, signal] of META_TAGS) {
    if (doc.querySelector(selector)) add(score, signal);
  }
  meta.structured ||= signals.includes('microdata:articleBody');
  const articles = doc.getElementsByTagName('article').length;
  if (articles === 1) add(1, 'dom:article');
  if (articles > MAX_ARTICLE_ELEMENTS) {
    meta.list = true;
    add(0, 'dom:articles');
  }
  // An article with a carousel of related items described as a list is still an article.
  meta.list &&= meta.score < 3;
  return meta;
}

function jsonLdTypes(doc: Document): string[] {
  const types: string[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < MAX_JSONLD_SCRIPTS; i++) {
    const text = scripts[i]?.textContent ?? '';
    // Most JSON-LD (breadcrumbs, organizations) names no type of interest: skip its parse.
    if (text.length > MAX_JSONLD_CHARS || !TYPES_OF_INTEREST.test(text)) continue;
    const json = bracketed(text.replace(JSON_WRAPPERS, ''));
    try {
      collectTypes(JSON.parse(json), types, 0);
    } catch {
      // Broken JSON-LD is common; it simply gives no evidence.
    }
  }
  return types;
}

// The JSON between its first opening and last closing bracket: by index, as a regex anchored at
// the end backtracks from every character of a long JSON-LD (articleBody) in turn.
function bracketed(text: string): string {
  const start = text.search(OPENING);
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  return start < 0 || end < start ? '' : text.slice(start, end + 1);
}

// Only the top level, arrays, @graph and mainEntity: deeper nodes describe other things (an item
// list of articles is not an article).
function collectTypes(value: unknown, types: string[], depth: number): void {
  if (depth > MAX_JSONLD_DEPTH || !value || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  const items = Array.isArray(value) ? value : [node['@graph'], node['mainEntity']];
  for (const t of [node['@type']].flat()) {
    if (typeof t === 'string') types.push(t.replace(/^.*[/#:]/, ''));
  }
  for (const item of items.slice(0, 50)) collectTypes(item, types, depth + 1);
}

/** Prose paragraphs (`p`, and `div`s that break lines with `br`), skipping lists, menus and link blocks. */
export function readProse(body: Element): Prose {
  const prose: Prose = {
    score: 0,
    main: null,
    chars: 0,
    mainChars: 0,
    mainParagraphs: 0,
    sample: '',
  };
  const parents: Groups = new Map();
  const grandparents: Groups = new Map();
  const blocks = proseBlocks(body);
  // Indexed loops and no tuple destructuring: this runs cold in every page, where V8's
  // interpreter makes each iterator protocol step costly.
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Element;
    const text = (block.textContent ?? '').trim();
    const length = text.length;
    if (length < PROSE_MIN || block.closest(OUTSIDE_PROSE)) continue;
    if (linkChars(block, 1).chars > length * MAX_LINK_SHARE) continue;
    prose.chars += length;
    if (length > READERABLE_MIN) prose.score += Math.sqrt(length - READERABLE_MIN);
    if (prose.sample.length < SAMPLE_CHARS) prose.sample += `${text.slice(0, 1000)}\n`;
    const parent = block.parentElement;
    tally(parents, parent, length);
    tally(grandparents, parent?.parentElement, length);
  }
  const parent = largest(parents);
  const grandparent = largest(grandparents);
  const main = grandparent.chars > SPREAD * parent.chars ? grandparent : parent;
  prose.main = main.el;
  prose.mainChars = main.chars;
  prose.mainParagraphs = main.count;
  return prose;
}

function proseBlocks(body: Element): Element[] {
  // One walk of the page for both kinds: each query walks the whole body, which on a large page
  // costs more than reading its few paragraphs.
  const found = body.querySelectorAll('p, div > br');
  const blocks: Element[] = [];
  const breaks: Element[] = [];
  for (let i = 0; i < found.length; i++) {
    const el = found[i] as Element;
    if (el.localName !== 'p') breaks.push(el);
    else if (blocks.length < MAX_BLOCKS) blocks.push(el);
  }
  const seen = new Set<Element>();
  for (let i = 0; i < breaks.length && blocks.length < 2 * MAX_BLOCKS; i++) {
    const div = breaks[i]!.parentElement;
    if (!div || seen.has(div)) continue;
    seen.add(div);
    if (mostlyOwnText(div)) blocks.push(div);
  }
  return blocks;
}

/**
 * Whether less than half of an element's text is in blocks inside it. Counted until it is not: a
 * page's wrapper with one `br` of its own holds the whole page, whose every block's text would
 * otherwise be read.
 */
function mostlyOwnText(div: Element): boolean {
  const total = textLength(div);
  const inside = div.querySelectorAll(BLOCKS_INSIDE);
  let chars = 0;
  for (let i = 0; 2 * chars < total; i++) {
    if (i >= inside.length) return true;
    chars += textLength(inside[i]);
  }
  return false;
}

// Prose per element.
interface Group {
  el: Element | null;
  chars: number;
  count: number;
}
type Groups = Map<Element, Group>;

function tally(groups: Groups, el: Element | null | undefined, chars: number): void {
  if (!el) return;
  const group = groups.get(el);
  if (group) {
    group.chars += chars;
    group.count++;
  } else groups.set(el, { el, chars, count: 1 });
}

function largest(groups: Groups): Group {
  let best: Group = { el: null, chars: 0, count: 0 };
  groups.forEach((group) => {
    if (group.chars > best.chars) best = group;
  });
  return best;
}

function textLength(node: Node | undefined): number {
  return (node?.textContent ?? '').trim().length;
}

/** Links under `root` at least `min` characters long. */
function linkChars(root: Element, min: number): Links {
  const links = root.getElementsByTagName('a');
  const out: Links = { count: 0, chars: 0 };
  for (let i = 0; i < links.length && i < MAX_LINKS; i++) {
    const length = textLength(links[i]);
    if (length >= min) {
      out.count++;
      out.chars += length;
    }
  }
  return out;
}

export interface Links {
  count: number;
  chars: number;
}

/** Headline-sized links under `root`: home, section and directory pages are mostly these. */
export function readHeadlines(root: Element): Links {
  return linkChars(root, HEADLINE_MIN);
}
