/**
 * What the table compares our search with, in memory over the same articles:
 *
 * - LUCENE-STYLE: Lucene's ArabicAnalyzer as it ships (StandardTokenizer-like split on
 *   non-letters/digits, lower case, ArabicNormalizer, a stop list, light10 as ArabicStemmer
 *   applies it), every query word required, BM25 over title and body with the title boosted.
 *   Written here from Lucene's rules so it stays the baseline whatever our analyzer becomes.
 * - SUBSTRING: what read-it-later services do: the query as typed, lower-cased, found as a
 *   substring of the title or the body; title matches first.
 */
import type { QualityArticle } from './articles';

const LUCENE_DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;
const LUCENE_PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'];
const LUCENE_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];
// A part of Lucene's Arabic stop list (the function words a news query may hold).
const LUCENE_STOP = new Set(
  'في من الي إلى على عن ان أن او أو ثم قد لا لم لن ما مع هذا هذه ذلك التي الذي كان كانت بين بعد قبل حتى عند كل له لها'.split(
    ' ',
  ),
);
const NON_WORD = /[^\p{L}\p{N}]+/u;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
const TITLE_BOOST = 2;

function luceneNormalize(w: string): string {
  return w
    .replace(LUCENE_DIACRITICS, '')
    .replace(/[\u0622\u0623\u0625]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647');
}

function light10(w: string): string {
  let s = w;
  const p = LUCENE_PREFIXES.find(
    (x) => s.startsWith(x) && s.length >= x.length + 2 && (x.length > 1 || s.length >= 4),
  );
  if (p) s = s.slice(p.length);
  for (const x of LUCENE_SUFFIXES)
    if (s.length >= x.length + 2 && s.endsWith(x)) s = s.slice(0, -x.length);
  return s;
}

function luceneTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(NON_WORD)
    .filter((w) => w.length > 0 && !LUCENE_STOP.has(w))
    .map((w) => light10(luceneNormalize(w)))
    .filter((w) => w.length > 0);
}

interface Field {
  tf: Map<string, number>;
  len: number;
}

function field(text: string): Field {
  const tf = new Map<string, number>();
  const terms = luceneTerms(text);
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return { tf, len: terms.length };
}

/** A Lucene-style engine over `articles`: ids of the matches, best first. */
export function luceneStyle(articles: QualityArticle[]): (query: string) => string[] {
  const docs = articles.map((a) => ({ id: a.id, title: field(a.title), body: field(a.text) }));
  const avg = (pick: (d: (typeof docs)[number]) => Field) =>
    docs.reduce((n, d) => n + pick(d).len, 0) / docs.length;
  const avgTitle = avg((d) => d.title);
  const avgBody = avg((d) => d.body);
  const df = (t: string) => docs.filter((d) => d.title.tf.has(t) || d.body.tf.has(t)).length;
  const bm25 = (f: Field, t: string, avgLen: number, idf: number) => {
    const tf = f.tf.get(t) ?? 0;
    return (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * f.len) / avgLen));
  };
  return (query) => {
    const terms = [...new Set(luceneTerms(query))];
    if (terms.length === 0) return [];
    const idf = new Map(
      terms.map((t) => [t, Math.log(1 + (docs.length - df(t) + 0.5) / (df(t) + 0.5))]),
    );
    return docs
      .filter((d) => terms.every((t) => d.title.tf.has(t) || d.body.tf.has(t)))
      .map((d) => ({
        id: d.id,
        score: terms.reduce(
          (n, t) =>
            n +
            TITLE_BOOST * bm25(d.title, t, avgTitle, idf.get(t)!) +
            bm25(d.body, t, avgBody, idf.get(t)!),
          0,
        ),
      }))
      .sort((a, b) => b.score - a.score)
      .map((d) => d.id);
  };
}

/** A raw substring engine: title matches first, then body matches, each in library order. */
export function substring(articles: QualityArticle[]): (query: string) => string[] {
  return (query) => {
    const needle = query.trim().toLowerCase();
    if (needle === '') return [];
    const inTitle = articles.filter((a) => a.title.toLowerCase().includes(needle));
    const inBody = articles.filter(
      (a) => !inTitle.includes(a) && a.text.toLowerCase().includes(needle),
    );
    return [...inTitle, ...inBody].map((a) => a.id);
  };
}
