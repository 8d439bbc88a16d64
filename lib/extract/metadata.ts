/**
 * Page metadata read from the document before Readability rewrites it: title without the site-name
 * suffix, byline, site name, publication date, lead image. Sources, most trusted first: JSON-LD,
 * `<meta>` (Open Graph, article:*, Dublin Core, itemprop), `<time datetime>`, then date text.
 */
import { foldArabic, replaceNonWord } from '../text/normalize';
import { collapse, textOf } from './dom';
import { visibleByline } from './byline';
import { isRelativeDate, mayHoldDate, normalizeIsoDate, parseArabicDate } from './dates';
import { preferHeading, stripTitleLabels } from './title';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** ISO date from machine-readable sources (JSON-LD, meta, `<time datetime>`). */
  published: string | null;
  /** `YYYY-MM-DD` read from date-like elements' text, the fallback when nothing machine-readable exists. */
  publishedFromText: string | null;
  leadImage: string | null;
  /** The page's declared language (`<html lang>`), if any. */
  declaredLang: string | null;
  /** Every name the site goes by on the page (its bylines are never these). */
  siteNames: string[];
}

// An og:site_name that is a code, not a name («LBCIV7», «site_ar»): one Latin token holding a
// digit or an underscore. The site's own name, where the page gives one, is shown instead.
const RAW_SITE_CODE = /^[A-Za-z0-9.-]*[\d_][\w.-]*$/;
const ARTICLE_TYPES = /article|posting|report|review|story/i;
const SITE_SEPARATORS = /\s+(?:[-|–—·•»«~/]|::)\s+/g;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
const ARABIC_LETTERS_ALL = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/g;
const LATIN_LETTERS_ALL = /[A-Za-z]/g;
const URLISH = /^(https?:)?\/\/|^www\./i;
const BYLINE_PREFIX = /^(?:بقلم|كتب|كتبت|تقرير|إعداد|اعداد|by|written by|author)\s*[:،,]?\s*/i;
// "(أبوظبي - البيان)": a place and a source in parentheses is a dateline, not a writer.
const DATELINE = /^\(.*\s[-–—]\s.*\)$/;
// Site names in a <title> beside the headline are short.
const SITE_NAME_MAX_WORDS = 5;
const CDATA = /^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g;
const ENTITY = /&(?:#(\d+)|#x([\da-f]+)|(quot|amp|apos|lt|gt|nbsp));/gi;
const NAMED_ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: ' ',
};

const PUBLISHED_META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish_date',
  'publication_date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'dc.date',
  'date',
];
const DATE_ELEMENT_SELECTOR = [
  'time',
  '[class*="date" i]',
  '[id*="date" i]',
  '[class*="time" i]',
  '[class*="tmstmp" i]',
  '[class*="publish" i]',
  '[itemprop="datePublished"]',
].join(',');
const MAX_DATE_ELEMENTS = 40;
// Date lines under class names of the site's own ("art-info") are found by their words.
const PUBLISHED_WORDS = /تم نشر|نشر في|نشر بتاريخ|تاريخ النشر|بتاريخ|published/i;
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
// Bylines and date lines sit near the headline, early in the page: a huge page costs no more.
const MAX_TEXT_NODES = 3_000;
const MAX_DATE_TEXT = 90;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (_m, dec: string, hex: string, name: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return NAMED_ENTITIES[name.toLowerCase()] ?? _m;
  });
}

function clean(s: string | null | undefined): string | null {
  const c = collapse(decodeEntities(s ?? ''));
  return c || null;
}

/** `<meta>` contents by lower-cased property / name / itemprop; first occurrence wins. */
function readMetaTags(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of Array.from(doc.getElementsByTagName('meta'))) {
    const content = m.getAttribute('content');
    if (content === null) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const keys = (m.getAttribute(attr) ?? '').toLowerCase().split(/\s+/);
      // Microdata's author names the account that posted (WordPress themes hide it in a vcard),
      // not the byline readers see; `<meta name="author">` stays.
      for (const k of keys)
        if (k && !map.has(k) && !(attr === 'itemprop' && k === 'author')) map.set(k, content);
    }
  }
  return map;
}

function asObjects(node: Json | undefined): JsonObject[] {
  if (!node || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(asObjects);
  const graph = node['@graph'];
  return [node, ...asObjects(graph)];
}

/** Every JSON-LD object on the page, `@graph`s flattened; malformed blocks skipped. */
function readJsonLd(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      out.push(...asObjects(JSON.parse((s.textContent ?? '').replace(CDATA, '')) as Json));
    } catch {
      // A broken JSON-LD block says nothing; the other sources still do.
    }
  }
  return out;
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

function str(v: Json | undefined): string | null {
  return typeof v === 'string' ? clean(v) : null;
}

/** Names from a JSON-LD person/organization field (string, object, or a list of either). */
function names(v: Json | undefined): string[] {
  if (!v) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'object') return typeof v['name'] === 'string' ? [v['name']] : [];
  return [];
}

function imageUrl(v: Json | undefined): string | null {
  if (!v) return null;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.length ? imageUrl(v[0]) : null;
  if (typeof v === 'object') return str(v['url']) ?? str(v['contentUrl']);
  return null;
}

function absoluteHttpUrl(raw: string | null, base: string): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Letters only, folded: how site names are compared with title segments. */
function siteKey(s: string): string {
  return replaceNonWord(foldArabic(s), '');
}

function isArabicText(s: string): boolean {
  const ar = (s.match(ARABIC_LETTERS_ALL) ?? []).length;
  const la = (s.match(LATIN_LETTERS_ALL) ?? []).length;
  return ar > la;
}

function matchesSite(segment: string, siteKeys: string[]): boolean {
  const k = siteKey(segment);
  if (k.length < 2) return false;
  return siteKeys.some(
    (s) => s.length >= 2 && (s === k || (k.length >= 3 && (s.includes(k) || k.includes(s)))),
  );
}

interface Segment {
  text: string;
  start: number;
  end: number;
}

/** A title split at site-name separators, each piece with its offsets in the title. */
function segments(title: string): Segment[] {
  const out: Segment[] = [];
  let from = 0;
  for (const m of title.matchAll(SITE_SEPARATORS)) {
    out.push({ text: title.slice(from, m.index), start: from, end: m.index });
    from = m.index + m[0].length;
  }
  out.push({ text: title.slice(from), start: from, end: title.length });
  return out;
}

/**
 * The headline without the site name the page appends or prepends (" - CNN Arabic", " | الصباح").
 * A trailing Latin-only short segment after an Arabic headline is a site name too.
 */
export function stripSiteName(title: string, siteNames: string[]): string {
  const keys = siteNames.map(siteKey).filter((k) => k.length >= 2);
  const segs = segments(title);
  let i = 0;
  let j = segs.length - 1;
  while (j > i) {
    const last = segs[j]?.text ?? '';
    const head = title.slice(segs[i]?.start ?? 0, segs[j - 1]?.end ?? 0);
    const latinBrand =
      isArabicText(head) && !ARABIC_LETTER.test(last) && last.split(/\s+/).length <= 4;
    if (!matchesSite(last, keys) && !latinBrand) break;
    j--;
  }
  while (i < j && matchesSite(segs[i]?.text ?? '', keys)) i++;
  return collapse(title.slice(segs[i]?.start ?? 0, segs[j]?.end ?? title.length));
}

function hostLabel(pageUrl: string): string | null {
  try {
    const host = new URL(pageUrl).hostname.replace(/^www\./, '');
    const labels = host.split('.');
    return labels.length >= 2 ? (labels[labels.length - 2] ?? null) : host;
  } catch {
    return null;
  }
}

/** A byline, unless it is a link, a dateline, or the site's own name (whole or as a segment). */
export function cleanByline(raw: string | null, siteNames: string[]): string | null {
  const b = clean(raw)?.replace(BYLINE_PREFIX, '');
  if (!b || URLISH.test(b) || b.length > 100 || DATELINE.test(b)) return null;
  const keys = siteNames.map(siteKey);
  if (segments(b).some((seg) => matchesSite(seg.text, keys))) return null;
  return b;
}

/** The article's own `<h1>`: inside `<article>` if there is one, else the page's first. */
function mainHeading(doc: Document): Element | null {
  const h = doc.querySelector('article h1') ?? doc.querySelector('h1');
  const t = h ? textOf(h) : '';
  return t.length >= 3 && t.length <= 300 ? h : null;
}

/** The host's name label of the page's own canonical address (the page may be served elsewhere). */
function canonicalHostLabel(doc: Document, meta: Map<string, string>): string | null {
  const href =
    meta.get('og:url') ?? doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  return href && /^https?:/i.test(href) ? hostLabel(href) : null;
}

// The site's home link (its logo) comes early in the page.
const HOME_LINKS_SCANNED = 30;

/** What the page's first links to its home page say: the logo's text or picture's alt, a site name. */
function homeLinkNames(doc: Document, baseUrl: string): string[] {
  const out: string[] = [];
  for (const a of Array.from(doc.getElementsByTagName('a')).slice(0, HOME_LINKS_SCANNED)) {
    let home = false;
    try {
      const u = new URL(a.getAttribute('href') ?? '', baseUrl);
      home = u.pathname === '/' && !u.search && !u.hash;
    } catch {
      continue;
    }
    const name = textOf(a) || (a.querySelector('img')?.getAttribute('alt') ?? '');
    if (home && name && name.split(' ').length <= SITE_NAME_MAX_WORDS) out.push(collapse(name));
  }
  return out;
}

/**
 * Short segments at the edges of the document's title that the headline does not hold: the
 * site's name as the site writes it ("الوطن"), which no host or Latin og:site_name spells.
 */
function titleSiteNames(docTitle: string, headline: string | null): string[] {
  const segs = segments(docTitle);
  if (!headline || segs.length < 2) return [];
  const h = siteKey(headline);
  return [segs[0], segs[segs.length - 1]]
    .map((seg) => seg?.text ?? '')
    .filter((t) => t && t.split(' ').length <= SITE_NAME_MAX_WORDS && !h.includes(siteKey(t)));
}

function firstTimeDatetime(doc: Document): string | null {
  const el =
    doc.querySelector('time[itemprop="datePublished" i][datetime]') ??
    doc.querySelector('time[pubdate][datetime]') ??
    doc.querySelector('article time[datetime]') ??
    doc.querySelector('time[datetime]');
  return el ? normalizeIsoDate(el.getAttribute('datetime')) : null;
}

/**
 * A date written out in a date-like element ("الأربعاء، 28 آب/اغسطس 2013"): those inside the
 * article first, so a header clock or a sidebar's dates lose to the article's own.
 */
function dateFromElements(doc: Document): string | null {
  const all = [
    ...publishedLines(doc),
    ...Array.from(doc.querySelectorAll(DATE_ELEMENT_SELECTOR)).slice(0, MAX_DATE_ELEMENTS * 4),
  ];
  const scope = doc.querySelector('article, [itemprop~="articleBody"], main, [role="main"]');
  const ranked = scope
    ? [...all.filter((e) => scope.contains(e)), ...all.filter((e) => !scope.contains(e))]
    : all;
  for (const el of ranked.slice(0, MAX_DATE_ELEMENTS)) {
    const t = textOf(el);
    // The cheap test first: most date-like elements hold no date at all.
    if (!t || t.length > MAX_DATE_TEXT || !mayHoldDate(t) || isRelativeDate(t)) continue;
    const d = parseArabicDate(t);
    if (d) return d;
  }
  return null;
}

/** Elements whose own text says "published" (تم نشره، نشر في، بتاريخ), whatever their class. */
function publishedLines(doc: Document): Element[] {
  const out: Element[] = [];
  if (!doc.body) return out;
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  for (let i = 0; i < MAX_TEXT_NODES && out.length < MAX_DATE_ELEMENTS; i++) {
    const n = walker.nextNode();
    if (!n) break;
    const v = n.nodeValue ?? '';
    if (v.length <= MAX_DATE_TEXT && PUBLISHED_WORDS.test(v) && n.parentElement)
      out.push(n.parentElement);
  }
  return out;
}

/** Read everything the page says about itself. Read-only: the document is not changed. */
export function readMetadata(doc: Document, pageUrl: string, baseUrl: string): PageMetadata {
  const meta = readMetaTags(doc);
  const ld = readJsonLd(doc);
  const article = ld.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t))) ?? null;
  const website = ld.find((o) => typesOf(o).includes('WebSite')) ?? null;

  const ownNames = [
    article ? clean(names(article['publisher'])[0]) : null,
    clean(meta.get('application-name')),
    website ? str(website['name']) : null,
  ];
  const ogSiteName = clean(meta.get('og:site_name'));
  const siteName =
    (ogSiteName && !RAW_SITE_CODE.test(ogSiteName) ? ogSiteName : null) ??
    ownNames.find((n) => n && !RAW_SITE_CODE.test(n)) ??
    ogSiteName ??
    ownNames.find((n) => n) ??
    null;
  const heading = mainHeading(doc);
  const h1 = heading ? textOf(heading) : null;
  const siteNames = [
    siteName,
    website ? str(website['name']) : null,
    hostLabel(pageUrl),
    canonicalHostLabel(doc, meta),
    ...titleSiteNames(clean(doc.title) ?? '', h1),
    ...homeLinkNames(doc, baseUrl),
  ].filter((s): s is string => !!s);

  const candidates = [
    clean(meta.get('og:title')),
    article ? (str(article['headline']) ?? str(article['name'])) : null,
    clean(meta.get('twitter:title')),
    h1,
    clean(doc.title),
  ].filter((s): s is string => !!s);
  const title = candidates.length
    ? preferHeading(
        stripSiteName(stripTitleLabels(stripSiteName(candidates[0] ?? '', siteNames)), siteNames),
        h1,
      )
    : null;

  const ldAuthors = article
    ? names(article['author'])
        .map((n) => clean(n))
        .filter((n): n is string => !!n)
    : [];
  const byline =
    cleanByline(ldAuthors.join('، ') || null, siteNames) ??
    cleanByline(meta.get('author') ?? null, siteNames) ??
    cleanByline(meta.get('article:author') ?? null, siteNames) ??
    cleanByline(visibleByline(doc, heading), siteNames);

  let published = article ? normalizeIsoDate(str(article['datePublished'])) : null;
  for (const k of PUBLISHED_META_KEYS) {
    if (published) break;
    published = normalizeIsoDate(meta.get(k));
  }
  published ??= firstTimeDatetime(doc);

  const leadImage =
    absoluteHttpUrl(clean(meta.get('og:image')) ?? clean(meta.get('og:image:url')), baseUrl) ??
    absoluteHttpUrl(
      clean(meta.get('twitter:image')) ?? clean(meta.get('twitter:image:src')),
      baseUrl,
    ) ??
    absoluteHttpUrl(article ? imageUrl(article['image']) : null, baseUrl);

  return {
    title,
    byline,
    siteName,
    published,
    publishedFromText: published ? null : dateFromElements(doc),
    leadImage,
    declaredLang: clean(doc.documentElement?.getAttribute('lang')),
    siteNames,
  };
}

export { absoluteHttpUrl };
