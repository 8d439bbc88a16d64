/**
 * Removes what Readability leaves inside Arabic article bodies: "اقرأ أيضا" and related-story
 * blocks, ad labels, share/follow prompts, comment policies and forms, app-download blocks, image
 * credits, byline/date/view-count lines, most-read lists, prev/next links, repeated headlines.
 *
 * Prose is protected by only matching short, label-like blocks: a block whose whole text IS the
 * phrase, or that starts with it and is short or mostly links. A paragraph that merely contains
 * "إعلان" in a sentence is never a label.
 */
import { foldArabic, replaceNonWord, tokens } from '../text/normalize';
import {
  REGION_LABELS,
  REGION_PREFIXES,
  LINE_LABELS,
  LINE_PREFIXES,
  COMMENT_POLICY_MARKERS,
  TAIL_LABELS,
  COMMENT_POLICY_HINT,
  BYLINE_LINE,
  BY_WHOM,
  VIEW_COUNT,
  READING_TIME,
  READING_TIME_PREFIX,
  COUNTER,
  CREDIT_AGENCY,
  CREDIT_AGENCY_START,
  CREDIT_SUFFIX,
  SKIP_LINK,
  END_MARKER,
  TRAILING_COUNT,
  STORY_LABEL,
  COPYRIGHT_CREDIT,
  STRONG_CLUTTER_HINT,
  HIDDEN_HINT,
  RESPONSIVE_SHOW,
  AD_IMAGE_SRC,
  SHARE_VERBS,
  SHARE_FILLERS,
  SOCIAL_NETWORKS,
} from './clutter-words';
import { isDateLine } from './dates';
import {
  collapse,
  hasBlockChild,
  HEADING_TAGS,
  isBlock,
  isEmptyBlock,
  linkDensity,
  proseLength,
  removeAndPrune,
  textOf,
  wordCountOf,
} from './dom';

type Category =
  | 'region' // a block that heads or is a related/most-read/share/comments/app/prev-next region
  | 'tail' // heads what ends the article: the author box, readers' comments (it and all after it)
  | 'line'; // a single line to drop on its own (ad label, credit, byline, date, counter)

const CREDIT_MAX_WORDS = 10;
const SHARE_LINE_MIN_NETWORKS = 2;

const MEDIA = 'img, picture, video, audio, iframe, svg';
const JUNK_TAGS = 'form, button, input, select, textarea, nav, dialog, noscript, ins, menu';
const ARTICLE_BODY =
  '[itemprop~="articleBody" i], [property~="articleBody" i], [property~="schema:articleBody" i]';

const LABEL_MAX_CHARS = 120;
const RAW_TEXT_MAX = 8_000;
const DATE_LINE_RAW_MAX = 400;
const PREFIX_MAX_WORDS = 12;
const COMMENT_POLICY_MAX_CHARS = 600;
const REGION_PROSE_MAX = 250;
const HINT_MAX_SHARE = 0.3;
const BODY_MIN_SHARE = 0.7;
const TAIL_PROSE_MAX = 200;
const TITLE_REPEAT_JACCARD = 0.8;
const TAIL_LEAD_MAX = 40;
const TAIL_MAX_SHARE = 0.5;
const TEASER_LINK_SHARE = 0.9;
const TEASER_PROSE_MAX = 200;
const TINY_IMAGE_PX = 5;
const SENTENCE_END = /[.!؟?…"»”)]$/;

/** Folded, punctuation-free, single-spaced: the form labels are compared in. */
export function labelKey(s: string): string {
  return replaceNonWord(foldArabic(s), ' ').trim();
}

const keySet = (xs: string[]) => new Set(xs.map(labelKey));
const SHARE_VERB_KEYS = keySet(SHARE_VERBS);
const SHARE_FILLER_KEYS = keySet(SHARE_FILLERS);
// Two-word names first, so «فيس بوك» is one name, not two unknown words.
const NETWORK_KEYS = SOCIAL_NETWORKS.map(labelKey).sort(
  (a, b) => b.split(' ').length - a.split(' ').length,
);

/** A share or follow verb followed only by fillers and at least two networks' names. */
function isShareLine(key: string): boolean {
  const words = key.split(' ');
  if (!SHARE_VERB_KEYS.has(words[0] ?? '')) return false;
  let networks = 0;
  for (let i = 1; i < words.length; i++) {
    // «وتويتر»: the conjunction glued to a name.
    const w = (words[i] ?? '').replace(/^و(?=\S{3})/, '');
    if (SHARE_FILLER_KEYS.has(w) || SHARE_VERB_KEYS.has(w)) continue;
    const name = NETWORK_KEYS.find(
      (n) => words.slice(i, i + n.split(' ').length).join(' ') === n || n === w,
    );
    if (!name) return false;
    networks++;
    i += name.split(' ').length - 1;
  }
  return networks >= SHARE_LINE_MIN_NETWORKS;
}
const REGION_LABEL_KEYS = keySet(REGION_LABELS);
const LINE_LABEL_KEYS = keySet(LINE_LABELS);
const REGION_PREFIX_KEYS = [...keySet(REGION_PREFIXES)];
const LINE_PREFIX_KEYS = [...keySet(LINE_PREFIXES)];
const COMMENT_POLICY_KEYS = [...keySet(COMMENT_POLICY_MARKERS)];
const TAIL_LABEL_KEYS = keySet(TAIL_LABELS);

function startsWithAny(key: string, prefixes: string[]): boolean {
  return prefixes.some((p) => key === p || key.startsWith(p + ' '));
}

/** What kind of clutter a block's text is, or null for anything that may be prose. */
export function classifyLabel(text: string, el?: Element): Category | null {
  const raw = collapse(text);
  if (!raw || raw.length > COMMENT_POLICY_MAX_CHARS) return null;
  if (raw.length > LABEL_MAX_CHARS) {
    // Only a comment policy is this long; folding every paragraph to look for one is wasted work.
    if (!COMMENT_POLICY_HINT.test(raw)) return null;
    const long = labelKey(raw);
    return COMMENT_POLICY_KEYS.filter((m) => long.includes(m)).length >= 2 ? 'region' : null;
  }
  const key = labelKey(raw).replace(END_MARKER, '');
  if (!key) return null;
  if (
    TAIL_LABEL_KEYS.has(key) ||
    (raw.endsWith(')') && TAIL_LABEL_KEYS.has(labelKey(raw.replace(TRAILING_COUNT, ''))))
  )
    return 'tail';
  if (COMMENT_POLICY_KEYS.filter((m) => key.includes(m)).length >= 2) return 'region';
  if (REGION_LABEL_KEYS.has(key) || SKIP_LINK.test(key) || isShareLine(key)) return 'region';
  if (LINE_LABEL_KEYS.has(key)) return 'line';
  if (VIEW_COUNT.test(key) || READING_TIME.test(key) || READING_TIME_PREFIX.test(key))
    return 'line';
  if (COUNTER.test(key) || (CREDIT_AGENCY_START.test(key) && CREDIT_AGENCY.test(key)))
    return 'line';
  const words = wordCountOf(raw);
  if (CREDIT_SUFFIX.test(key) && words <= 6) return 'line';
  if (COPYRIGHT_CREDIT.test(raw) && words <= CREDIT_MAX_WORDS) return 'line';
  if (STORY_LABEL.test(raw) && words <= PREFIX_MAX_WORDS) return 'region';
  if (BYLINE_LINE.test(raw) || BY_WHOM.test(raw)) return words <= PREFIX_MAX_WORDS ? 'line' : null;
  if (isDateLine(raw)) return 'line';
  const linky = el ? linkDensity(el) > 0.5 : false;
  // A prefix match must look like a label: short and not a finished sentence, or mostly links.
  if (!linky && (words > PREFIX_MAX_WORDS || SENTENCE_END.test(raw))) return null;
  if (startsWithAny(key, REGION_PREFIX_KEYS)) return 'region';
  if (startsWithAny(key, LINE_PREFIX_KEYS)) return 'line';
  return null;
}

/** A block that reads as a real sentence of the article (long enough, ends like a sentence). */
function hasSentence(el: Element): boolean {
  const blocks = el.querySelectorAll('p, li, blockquote, div, td');
  const candidates = blocks.length ? Array.from(blocks) : [el];
  return candidates.some((b) => {
    if (hasBlockChild(b)) return false;
    const t = textOf(b);
    return t.length >= 60 && SENTENCE_END.test(t) && linkDensity(b) < 0.5;
  });
}

/**
 * From a matched label, the largest enclosing block that is still all clutter: little prose
 * outside links and no real sentence. The article body itself is never reached.
 */
function regionOf(label: Element, root: Element, body: Element | null): Element {
  let region = label;
  for (let p = label.parentElement; p && p !== root; p = p.parentElement) {
    if (body && p.contains(body)) break;
    if (proseLength(p) > REGION_PROSE_MAX || hasSentence(p)) break;
    region = p;
  }
  return region;
}

function isLinkList(el: Element | null): el is Element {
  return (
    !!el &&
    /^(UL|OL|DIV|SECTION)$/.test(el.tagName) &&
    textOf(el).length > 0 &&
    linkDensity(el) >= 0.5
  );
}

function removeRegion(el: Element, root: Element, body: Element | null): void {
  const region = regionOf(el, root, body);
  // A heading like "اقرأ أيضا" is often followed by its list of links as a sibling.
  const next = region.nextElementSibling;
  if (isLinkList(next) && proseLength(next) <= REGION_PROSE_MAX) removeAndPrune(next, root);
  removeAndPrune(region, root);
}

/**
 * From a tail header, its box (while the header opens it) and every block after the box: the
 * rest is the author's biography or the comments. Never more than half the prose, so a header
 * misplaced above the article cannot take the article with it.
 */
function removeTail(label: Element, root: Element, body: Element | null): void {
  const head = textOf(label);
  let box = label;
  for (let p = label.parentElement; p && p !== root; p = p.parentElement) {
    if ((body && p.contains(body)) || textOf(p).indexOf(head) > TAIL_LEAD_MAX) break;
    box = p;
  }
  const tail = [box];
  for (let n = box.nextElementSibling; n; n = n.nextElementSibling) tail.push(n);
  const prose = tail.reduce((sum, el) => sum + proseLength(el), 0);
  if (prose > TAIL_MAX_SHARE * proseLength(root)) return removeRegion(label, root, body);
  for (const el of tail) removeAndPrune(el, root);
}

/**
 * Teaser cards among the article: a heading that is wholly a link to another page, with its
 * picture and a line of summary. Headings of the article's own sections are not links.
 */
function removeTeaserCards(root: Element, body: Element | null): void {
  for (const h of Array.from(root.querySelectorAll('h2, h3, h4, h5, h6'))) {
    if (!root.contains(h) || linkDensity(h) < TEASER_LINK_SHARE) continue;
    if (h.querySelector('a[href^="#"]')) continue;
    const card = h.parentElement;
    const isCard =
      card &&
      card !== root &&
      !(body && card.contains(body)) &&
      proseLength(card) - textOf(h).length <= TEASER_PROSE_MAX &&
      card.getElementsByTagName('p').length <= 1;
    removeAndPrune(isCard ? card : h, root);
  }
}

const JUNK_TAG_NAMES = new Set(JUNK_TAGS.split(/,\s*/).map((t) => t.toUpperCase()));

/** Forms, navigation, hidden elements: one pass by tag and attribute (cheaper than selectors). */
function removeJunk(root: Element): void {
  const total = Math.max(1, (root.textContent ?? '').length);
  // A "hidden" wrapper holding much of the text is a page script's state, not clutter.
  const small = (el: Element) => (el.textContent ?? '').length / total <= HINT_MAX_SHARE;
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    if (JUNK_TAG_NAMES.has(el.tagName)) {
      el.remove();
      continue;
    }
    const cls = el.getAttribute('class');
    const hidden =
      el.hasAttribute('hidden') ||
      (el.getAttribute('aria-hidden') === 'true' && !el.querySelector(MEDIA)) ||
      (!!cls && HIDDEN_HINT.test(cls) && !RESPONSIVE_SHOW.test(cls));
    if (hidden && small(el)) el.remove();
  }
}

/** The page's own marked-up article body, when it holds most of the prose Readability kept. */
function findArticleBody(root: Element): Element | null {
  const marked = Array.from(root.querySelectorAll(ARTICLE_BODY));
  if (marked.length !== 1) return null;
  const body = marked[0] ?? null;
  const total = proseLength(root);
  return body && total > 0 && proseLength(body) / total >= BODY_MIN_SHARE ? body : null;
}

/** After the marked-up body, siblings at every level up that carry no prose are page furniture. */
function trimAfterBody(body: Element, root: Element): void {
  for (let node: Element | null = body; node && node !== root; node = node.parentElement) {
    let sib = node.nextElementSibling;
    while (sib) {
      const next = sib.nextElementSibling;
      if (proseLength(sib) <= TAIL_PROSE_MAX || linkDensity(sib) > 0.5) sib.remove();
      sib = next;
    }
  }
}

function removeByHints(root: Element, body: Element | null): void {
  const total = Math.max(1, (root.textContent ?? '').length);
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (hint.length < 3 || !STRONG_CLUTTER_HINT.test(hint)) continue;
    if (!root.contains(el) || (body && (el === body || el.contains(body)))) continue;
    if ((el.textContent ?? '').length / total > HINT_MAX_SHARE || hasSentence(el)) continue;
    removeAndPrune(el, root);
  }
}

/**
 * Only blocks are matched: an inline word inside a sentence ("تم <b>إعلان</b> النتائج", a year in
 * a <span>) is prose. Figures are the exception, where credit and caption labels are inline.
 */
function isLabelCandidate(el: Element, hasTables: boolean, hasFigures: boolean): boolean {
  if (hasTables && (el.tagName === 'TABLE' || el.closest('table'))) return false;
  return isBlock(el) || (hasFigures && el.closest('figure') !== null) || isOwnLine(el);
}

/** An inline element between blocks (a «عاجل» tag above the body) renders as a line of its own. */
function isOwnLine(el: Element): boolean {
  const prev = el.previousElementSibling;
  const next = el.nextElementSibling;
  return (!prev || isBlock(prev)) && (!next || isBlock(next)) && (!!prev || !!next);
}

function removeLabels(root: Element, body: Element | null): void {
  const hasTables = root.getElementsByTagName('table').length > 0;
  const hasFigures = root.getElementsByTagName('figure').length > 0;
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    if (!isLabelCandidate(el, hasTables, hasFigures) || !root.contains(el)) continue;
    if (body && el.contains(body)) continue;
    // Labels are short: the raw length rules out big blocks, one collapse rules out paragraphs.
    const raw = el.textContent ?? '';
    if (raw.length > RAW_TEXT_MAX) continue;
    const rough = collapse(raw);
    if (!rough || (rough.length > LABEL_MAX_CHARS && !COMMENT_POLICY_HINT.test(rough))) continue;
    // Without child elements, the spaced text is the text itself.
    const st = el.firstElementChild ? spacedText(el) : rough;
    const cat = classifyLabel(st, el);
    if (cat === 'region') removeRegion(el, root, body);
    else if (cat === 'tail') removeTail(el, root, body);
    // A credit or date line sharing a wrapper with its picture: the line goes, the picture stays.
    else if (cat === 'line' && !el.querySelector(MEDIA)) removeAndPrune(el, root);
  }
}

/**
 * Text with a space at every element boundary: `<span>المقال السابق</span><a>…</a>` reads as two
 * words, as it renders, not as one glued token.
 */
function spacedText(el: Element): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    else if (n.nodeType === 1) {
      parts.push(' ');
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
      parts.push(' ');
    }
  };
  walk(el);
  return collapse(parts.join(''));
}

function removeJunkImages(root: Element): void {
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    const w = Number(img.getAttribute('width'));
    const h = Number(img.getAttribute('height'));
    const src = img.getAttribute('src') ?? '';
    const alt = labelKey(img.getAttribute('alt') ?? '');
    const tiny = (w > 0 && w <= TINY_IMAGE_PX) || (h > 0 && h <= TINY_IMAGE_PX);
    const labelled = !!alt && (LINE_LABEL_KEYS.has(alt) || REGION_LABEL_KEYS.has(alt));
    if (!tiny && !labelled && !AD_IMAGE_SRC.test(src.split('?')[0] ?? '')) continue;
    const link = img.closest('a');
    removeAndPrune(link && root.contains(link) && !textOf(link) ? link : img, root);
  }
}

function jaccard(a: string[], b: string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  const union = A.size + B.size - inter;
  return union === 0 ? 0 : inter / union;
}

/** Whether a heading or line repeats the article's title (same words, any order or quoting). */
export function repeatsTitle(text: string, title: string | null): boolean {
  if (!title) return false;
  const t = tokens(title);
  const s = tokens(text);
  return t.length > 0 && s.length > 0 && jaccard(s, t) >= TITLE_REPEAT_JACCARD;
}

/** Drop headings and short leading lines that repeat the title. */
function removeTitleRepeats(root: Element, title: string | null): void {
  if (!title) return;
  const maxWords = tokens(title).length * 2 + 4;
  let seenProse = false;
  for (const el of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6, p, div, span'))) {
    const heading = HEADING_TAGS.has(el.tagName);
    if (!heading && seenProse) continue;
    if (!root.contains(el) || hasBlockChild(el) || el.querySelector(MEDIA)) continue;
    const t = textOf(el);
    if ((heading || !seenProse) && wordCountOf(t) <= maxWords && repeatsTitle(t, title)) {
      removeAndPrune(el, root);
      continue;
    }
    if (!heading && t.length >= 80) seenProse = true;
  }
}

const KEEP_EMPTY = new Set([
  'BR',
  'HR',
  'TD',
  'TH',
  'TR',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'IFRAME',
  'SOURCE',
]);

function removeEmpty(root: Element): void {
  const hasTables = root.getElementsByTagName('table').length > 0;
  for (const el of Array.from(root.getElementsByTagName('*')).reverse()) {
    if (KEEP_EMPTY.has(el.tagName) || (hasTables && el.closest('table'))) continue;
    if (root.contains(el) && isEmptyBlock(el)) el.remove();
  }
}

/**
 * Remove Arabic (and common English) clutter from Readability's article element, in place.
 * `title` is the article's title, used to drop headings that only repeat it.
 */
export function removeClutter(root: Element, title: string | null): void {
  removeJunk(root);
  const body = findArticleBody(root);
  if (body) trimAfterBody(body, root);
  removeByHints(root, body);
  removeTeaserCards(root, body);
  removeLabels(root, body);
  removeJunkImages(root);
  removeTitleRepeats(root, title);
  removeEmpty(root);
}

/** Date lines in the article element (before clutter removal): the article's own date when the page gives no other. */
export function findDateLines(root: Element, limit = 5): string[] {
  const out: string[] = [];
  for (const el of Array.from(root.querySelectorAll('p, div, span, time, li, small'))) {
    // The child test first: it spares reading the whole text of every container.
    if (hasBlockChild(el) || (el.textContent ?? '').length > DATE_LINE_RAW_MAX) continue;
    const t = textOf(el);
    if (t && t.length <= 90 && isDateLine(t)) out.push(t);
    if (out.length >= limit) break;
  }
  return out;
}
