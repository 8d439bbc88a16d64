/**
 * Highlights taken out of the extension: Markdown for a reader's notes (one article, or every
 * article with highlights) and JSON as W3C Web Annotations (the selectors whole, the note a
 * plain-text body). Page and note text is only ever text in the output: Markdown's punctuation is
 * escaped, and every line starts with the article's direction mark, which also keeps a line from
 * opening a heading, list or rule, and lets a renderer that picks each paragraph's direction from
 * its first letter keep Arabic right-to-left when a quote begins with a Latin name or a number.
 * A bidi override or isolate in page or note text is kept but closed at the end of its line, so
 * it cannot reverse the lines after it (a renderer joins a blockquote's lines in one paragraph).
 */
import { inTextOrder, type Highlight } from './model';

// The punctuation Markdown acts on inside a line (a backslash makes it literal). What acts only
// at a line's start (-, +, =, "1.", >) cannot: every line starts with a direction mark. `#` is
// escaped for a heading's closing run (a title ending in « #»).
const MD_PUNCT = /[\\`*_[\]<>!|~&#]/g;
const RLM = '\u200F';
const LRM = '\u200E';
const BLANK_LINES = /\n\s*\n/;
const JSON_FORMAT = 'qari-highlights';
const JSON_VERSION = 1;
const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const ID_PREFIX = 'urn:qari:highlight:';
// Explicit embeddings and overrides (LRE, RLE, LRO, RLO) end with PDF; isolates with PDI.
const EMBED_OPEN = /[\u202A\u202B\u202D\u202E]/g;
const EMBED_CLOSE = /\u202C/g;
const ISOLATE_OPEN = /[\u2066-\u2068]/g;
const ISOLATE_CLOSE = /\u2069/g;
const PDF = '\u202C';
const PDI = '\u2069';

export interface HighlightedArticle {
  title: string;
  url: string;
  siteName: string | null;
  dir: 'rtl' | 'ltr';
  savedAt: number;
  highlights: readonly Highlight[];
}

export interface MarkdownLabels {
  /** Before a note: «ملاحظة». */
  note: string;
  /** Before the date the article was saved: «حُفظ». */
  saved: string;
}

const escapeMd = (s: string): string => s.replace(MD_PUNCT, '\\$&');

const countOf = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;

/** `line` with every embedding, override and isolate it leaves open closed at its end. */
export function closeBidi(line: string): string {
  const embeds = countOf(line, EMBED_OPEN) - countOf(line, EMBED_CLOSE);
  const isolates = countOf(line, ISOLATE_OPEN) - countOf(line, ISOLATE_CLOSE);
  // Isolates first: an isolate opened inside an embedding closes before it.
  return line + PDI.repeat(Math.max(0, isolates)) + PDF.repeat(Math.max(0, embeds));
}

/** Page or note text for one line: escaped, its bidi controls closed. */
const inline = (s: string): string => closeBidi(escapeMd(s));

/** Text as lines, each one started with the direction mark and escaped; blank lines dropped. */
function lines(s: string, mark: string): string[] {
  return s
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((l) => mark + inline(l));
}

function quoteBlock(exact: string, mark: string): string {
  return exact
    .split(BLANK_LINES)
    .map((para) =>
      lines(para, mark)
        .map((l) => `> ${l}`)
        .join('  \n'),
    )
    .filter(Boolean)
    .join('\n>\n');
}

function noteBlock(note: string, label: string, mark: string): string {
  const body = lines(note, mark);
  if (!body.length) return '';
  return [`${mark}**${escapeMd(label)}:** ${body[0]!.slice(mark.length)}`, ...body.slice(1)].join(
    '  \n',
  );
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function sourceLine(a: HighlightedArticle, labels: MarkdownLabels, mark: string): string {
  const name = inline(a.siteName || new URL(a.url).host);
  // URL.href percent-encodes spaces and angle brackets: safe between < and >.
  return `${mark}[${name}](<${new URL(a.url).href}>) · ${escapeMd(labels.saved)} ${day(a.savedAt)}`;
}

/** One article's highlights as Markdown. */
export function articleMarkdown(a: HighlightedArticle, labels: MarkdownLabels): string {
  const mark = a.dir === 'rtl' ? RLM : LRM;
  const parts = [
    `# ${mark}${inline(a.title.replace(/\s+/g, ' ').trim())}`,
    sourceLine(a, labels, mark),
  ];
  for (const h of inTextOrder(a.highlights)) {
    parts.push(quoteBlock(h.quote.exact, mark));
    const note = noteBlock(h.note, labels.note, mark);
    if (note) parts.push(note);
  }
  return parts.join('\n\n') + '\n';
}

/** Every article with highlights, one after another, a rule between them. */
export function libraryMarkdown(
  articles: readonly HighlightedArticle[],
  labels: MarkdownLabels,
): string {
  return articles
    .filter((a) => a.highlights.length > 0)
    .map((a) => articleMarkdown(a, labels))
    .join('\n---\n\n');
}

/** A highlight as a W3C Web Annotation on the article at `source`; the note a plain-text body. */
function annotation(h: Highlight, source: string) {
  return {
    '@context': ANNO_CONTEXT,
    type: 'Annotation',
    id: ID_PREFIX + h.id,
    motivation: h.note ? 'commenting' : 'highlighting',
    created: new Date(h.createdAt).toISOString(),
    modified: new Date(h.updatedAt).toISOString(),
    body: h.note
      ? [{ type: 'TextualBody', value: h.note, format: 'text/plain', purpose: 'commenting' }]
      : [],
    target: { source, selector: [h.quote, h.position] },
    color: h.color,
  };
}

/** Every article with highlights as JSON: the article's facts, its highlights as annotations. */
export function highlightsJson(articles: readonly HighlightedArticle[], now = Date.now()): string {
  return JSON.stringify(
    {
      format: JSON_FORMAT,
      version: JSON_VERSION,
      exportedAt: new Date(now).toISOString(),
      articles: articles
        .filter((a) => a.highlights.length > 0)
        .map((a) => ({
          url: a.url,
          title: a.title,
          siteName: a.siteName,
          dir: a.dir,
          savedAt: new Date(a.savedAt).toISOString(),
          annotations: inTextOrder(a.highlights).map((h) => annotation(h, a.url)),
        })),
    },
    null,
    2,
  );
}
