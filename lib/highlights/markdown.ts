/**
 * Highlights taken out of the extension: Markdown for a reader's notes (one article, or every
 * article with highlights) and JSON with the W3C selectors kept. Page and note text is only ever
 * text in the output: Markdown's punctuation is escaped, and every line starts with the article's
 * direction mark, which also keeps a line from opening a heading, list or rule, and lets a
 * renderer that picks each paragraph's direction from its first letter keep Arabic right-to-left
 * when a quote begins with a Latin name or a number.
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

/** Text as lines, each one started with the direction mark and escaped; blank lines dropped. */
function lines(s: string, mark: string): string[] {
  return s
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((l) => mark + escapeMd(l));
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
  const name = escapeMd(a.siteName || new URL(a.url).host);
  // URL.href percent-encodes spaces and angle brackets: safe between < and >.
  return `${mark}[${name}](<${new URL(a.url).href}>) · ${escapeMd(labels.saved)} ${day(a.savedAt)}`;
}

/** One article's highlights as Markdown. */
export function articleMarkdown(a: HighlightedArticle, labels: MarkdownLabels): string {
  const mark = a.dir === 'rtl' ? RLM : LRM;
  const parts = [
    `# ${mark}${escapeMd(a.title.replace(/\s+/g, ' ').trim())}`,
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

/** Every article with highlights as JSON: the article's address and title, its highlights whole. */
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
          savedAt: new Date(a.savedAt).toISOString(),
          highlights: inTextOrder(a.highlights),
        })),
    },
    null,
    2,
  );
}
