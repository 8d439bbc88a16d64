/**
 * A small scanner for the flat HTML of Pocket and Netscape bookmark exports. Those files are
 * generated, not authored: tags are never split by comments or scripts, but `<DT>` and `<p>` are
 * left open, so a browser's tree builder nests them in ways that differ between engines. Scanning
 * the tags in order (DL depth, current heading) is simpler and the same everywhere.
 *
 * The scanner walks the file once with `indexOf` and character tests (a regex per tag and a
 * title search that could run to the end of the file cost 3.8 s on a 1.5 MB file in a worker):
 * every search starts where the last one ended or stops at the next `<`, and `scanWork` counts
 * the characters each one covers, so a test can hold the work linear without a clock.
 */
// A tag's attributes hold no `<` (exporters escape it): a `<` with no `>` before the next `<` is
// text, found in one step.
const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
// Where an element's text ends at the latest, its closing tag missing: the next item or list.
// Each text then spans only up to the next link or heading, so all of them together read the
// file once (a search to the end of the file for each of 30,000 unclosed links did not).
const ITEM_TAGS = new Set(['a', 'dt', 'dd', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LIST_TAGS = new Set(['dl', 'ul', 'ol', 'li']);
const ANY_TAG = /<[^<>]*>/g;
const SPACES = /\s+/g;
const ATTR = /([a-z_:][-a-z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/gi;
const ENTITY = /&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};
const MAX_CODE_POINT = 0x10ffff;

export interface TagToken {
  closing: boolean;
  /** Lower case. */
  name: string;
  /** Where the tag's attribute text starts and ends (just before its `>`) in the source. */
  attrsFrom: number;
  attrsTo: number;
  /** Index just after the tag in the source. */
  end: number;
  /** 1-based line the tag starts on. */
  line: number;
}

/** Characters the scanner has examined since the count was last reset (tests read it). */
export const scanWork = { chars: 0 };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, body: string) => {
    if (body[0] === '#') {
      const n =
        body[1] === 'x' || body[1] === 'X'
          ? parseInt(body.slice(2), 16)
          : parseInt(body.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= MAX_CODE_POINT ? String.fromCodePoint(n) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

/** A tag's attributes, names in lower case, values decoded; read only for the tags that need them. */
export function attrsOf(html: string, t: TagToken): Record<string, string> {
  const out: Record<string, string> = {};
  if (t.closing) return out;
  scanWork.chars += t.attrsTo - t.attrsFrom;
  for (const m of html.slice(t.attrsFrom, t.attrsTo).matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** `indexOf`, counted. */
function seek(html: string, ch: string, from: number): number {
  const at = html.indexOf(ch, from);
  scanWork.chars += (at < 0 ? html.length : at) - from;
  return at;
}

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number) => isAlpha(c) || (c >= 48 && c <= 57);
// `\b` after a tag name: the name's last character is a word character, so the next must not be.
const isWordChar = (c: number) => isAlnum(c) || c === 95;

/** The end of the tag name that starts at `from` (letters then letters and digits). */
function nameEnd(html: string, from: number): number {
  if (!isAlpha(html.charCodeAt(from))) return from;
  let i = from + 1;
  while (isAlnum(html.charCodeAt(i))) i++;
  scanWork.chars += i - from;
  return i;
}

/** The index of the `>` that closes a tag before the next `<`, or -1 (then it is text). */
function tagClose(html: string, from: number): number {
  let i = from;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (c === GT || c === LT) break;
    i++;
  }
  scanWork.chars += i - from;
  return html.charCodeAt(i) === GT ? i : -1;
}

/** The tag that starts at `lt` (a `<`), or null when the `<` is text. */
function tagAt(html: string, lt: number): Omit<TagToken, 'line'> | null {
  const closing = html.charCodeAt(lt + 1) === SLASH;
  const nameFrom = lt + (closing ? 2 : 1);
  const nameTo = nameEnd(html, nameFrom);
  if (nameTo === nameFrom || isWordChar(html.charCodeAt(nameTo))) return null;
  const gt = tagClose(html, nameTo);
  if (gt < 0) return null;
  return {
    closing,
    name: html.slice(nameFrom, nameTo).toLowerCase(),
    attrsFrom: nameTo,
    attrsTo: gt,
    end: gt + 1,
  };
}

export function* scanTags(html: string): Generator<TagToken> {
  let line = 1;
  // The first newline not yet counted: each newline is found once, however many tags share a line.
  let nextNewline = seek(html, '\n', 0);
  for (let lt = seek(html, '<', 0); lt >= 0; lt = seek(html, '<', lt + 1)) {
    const tag = tagAt(html, lt);
    if (!tag) continue;
    while (nextNewline >= 0 && nextNewline < lt) {
      line++;
      nextNewline = seek(html, '\n', nextNewline + 1);
    }
    yield { ...tag, line };
    lt = tag.end - 1;
  }
}

/** Whether the `<` at `lt` starts the closing tag of `name` or the next item or list. */
function endsText(html: string, lt: number, name: string): boolean {
  const closing = html.charCodeAt(lt + 1) === SLASH;
  const from = lt + (closing ? 2 : 1);
  const to = nameEnd(html, from);
  if (to === from || isWordChar(html.charCodeAt(to))) return false;
  const tag = html.slice(from, to).toLowerCase();
  if (closing) return tag === name || LIST_TAGS.has(tag);
  return ITEM_TAGS.has(tag) || LIST_TAGS.has(tag);
}

/**
 * The text of an element from `from` to its closing tag (or the next item's tag when it has
 * none), tags inside it dropped.
 */
export function textUntilClose(html: string, from: number, name: string): string {
  let close = seek(html, '<', from);
  while (close >= 0 && !endsText(html, close, name)) close = seek(html, '<', close + 1);
  let raw = html.slice(from, close < 0 ? html.length : close);
  if (raw.includes('<')) raw = raw.replace(ANY_TAG, '');
  return decodeEntities(raw).replace(SPACES, ' ').trim();
}
