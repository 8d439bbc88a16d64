/**
 * A small scanner for the flat HTML of Pocket and Netscape bookmark exports. Those files are
 * generated, not authored: tags are never split by comments or scripts, but `<DT>` and `<p>` are
 * left open, so a browser's tree builder nests them in ways that differ between engines. Scanning
 * the tags in order (DL depth, current heading) is simpler and the same everywhere.
 */
// A tag's attributes hold no `<` (exporters escape it): a `<` with no `>` before the next `<` is
// text, found in one step. `[^>]*` ran each such `<` to the end of the file (quadratic).
const TAG = /<(\/?)([a-z][a-z0-9]*)\b([^<>]*)>/gi;
const ANY_TAG = /<[^<>]*>/g;
// Where an element's text ends at the latest, its closing tag missing: the next item or list.
// Each text then spans only up to the next link or heading, so all of them together read the
// file once (a search to the end of the file for each of 30,000 unclosed links did not).
const NEXT_ITEM = '<(?:a|dt|dd|/?dl|/?ul|/?ol|/?li|p|h[1-6])\\b';
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
  name: string;
  attrs: Record<string, string>;
  /** Index just after the tag in the source. */
  end: number;
  /** 1-based line the tag starts on. */
  line: number;
}

export function decodeEntities(s: string): string {
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

function parseAttrs(src: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of src.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

export function* scanTags(html: string): Generator<TagToken> {
  let line = 1;
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    for (let i = last; i < m.index; i++) if (html.charCodeAt(i) === 10) line++;
    last = m.index;
    yield {
      closing: m[1] === '/',
      name: m[2]!.toLowerCase(),
      attrs: m[1] === '/' ? {} : parseAttrs(m[3] ?? ''),
      end: m.index + m[0].length,
      line,
    };
  }
}

const textEnds = new Map<string, RegExp>();

function textEndOf(name: string): RegExp {
  let re = textEnds.get(name);
  if (!re) {
    re = new RegExp(`</${name}\\b|${NEXT_ITEM}`, 'gi');
    textEnds.set(name, re);
  }
  return re;
}

/**
 * The text of an element from `from` to its closing tag (or the next item's tag when it has
 * none), tags inside it dropped.
 */
export function textUntilClose(html: string, from: number, name: string): string {
  const re = textEndOf(name);
  re.lastIndex = from;
  const close = re.exec(html)?.index;
  const raw = html.slice(from, close);
  return decodeEntities(raw.replace(ANY_TAG, '')).replace(/\s+/g, ' ').trim();
}
