/**
 * The headline a reader sees: without the labels sites put before or after it («عاجل |»,
 * «تغطية مباشرة |», «فيديو..», «(بالصور)»), and the page's own `<h1>` when the metadata title only
 * adds words around it.
 */
import { collapse } from './dom';

const LABELS =
  'عاجل|خاص|حصري|حصريا|فيديو|بالفيديو|صور|بالصور|شاهد|مباشر|تغطية مباشرة|تحديث|breaking|video|live';
// A label is followed (or, at the end, preceded) by a separator: a bar, a dash, a colon, dots.
const LEADING_LABEL = new RegExp(`^[«"]?(?:${LABELS})[»"]?\\s*(?:[|:\\-–—]|\\.{2,}|…)\\s*`, 'i');
const TRAILING_LABEL = new RegExp(
  `\\s*(?:(?:[|\\-–—]|\\.{2,}|…)\\s*[«"]?(?:${LABELS})[»"]?|\\((?:${LABELS})\\))$`,
  'i',
);
// An <h1> shorter than this is a logo or a section name, not the headline.
const H1_MIN_WORDS = 3;
const H1_MIN_SHARE = 0.5;

/** The headline without leading and trailing labels (never emptied: a label alone stays). */
export function stripTitleLabels(title: string): string {
  let t = title;
  for (let prev = ''; prev !== t;) {
    prev = t;
    t = t.replace(LEADING_LABEL, '').replace(TRAILING_LABEL, '');
  }
  t = collapse(t);
  return t || collapse(title);
}

const comparable = (s: string) => collapse(s.normalize('NFC'));

/**
 * The `<h1>` when the title read from metadata is that headline with words around it (a site
 * name, a label, a longer variant written for search engines); otherwise the metadata title.
 */
export function preferHeading(title: string, h1: string | null): string {
  if (!h1) return title;
  const h = stripTitleLabels(h1);
  const words = h.split(' ').length;
  const fits = comparable(title).includes(comparable(h));
  return fits && words >= H1_MIN_WORDS && h.length >= H1_MIN_SHARE * title.length ? h : title;
}
