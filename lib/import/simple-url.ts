/**
 * Most links in a bookmark file are already written as the URL parser writes them
 * (`https://host/path?query`, lower-case host, nothing to resolve or escape). Parsing each with
 * `new URL` and reading its parts back cost ~15 µs a link in the import page's worker (30,000
 * links: about half of the preview); such a link is read here with one regex instead. Anything
 * the parser could change (upper case, a port, user info, a fragment, dot segments, characters
 * it escapes, a name IDNA would check, a host that may be an IPv4 number) is left to `new URL`.
 * A property test holds `new URL(s).href === s` and the same parts for every link read here.
 */
import type { WebUrlParts } from '../url/canonical';

// The host as a run of the characters it may hold (no backtracking), its labels checked apart.
const HOST_CHARS = '[a-z0-9.-]{1,253}';
// Lower-case letters, digits and inner hyphens; the last label starts with a letter (a host that
// ends in a number is read as an IPv4 address). `--` anywhere (IDNA's `xn--`) is left out.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const LAST_LABEL_START = /^[a-z]/;
// Characters the parser keeps as they are in a path, and in a query, of an http(s) URL; `%`
// only before two hex digits. (`'` is escaped in a query, so it is left out of both.)
const PATH_CHAR = '(?:[A-Za-z0-9\\-._~!$&()*+,;=:@/]|%[0-9A-Fa-f]{2})';
const QUERY_CHAR = '(?:[A-Za-z0-9\\-._~!$&()*+,;=:@/?]|%[0-9A-Fa-f]{2})';
const SIMPLE_WEB_URL = new RegExp(
  `^(https?:)//(${HOST_CHARS})(/${PATH_CHAR}*)(\\?${QUERY_CHAR}*)?$`,
);
// A `.` or `..` segment (the parser resolves them), and any escaped dot.
const DOT_SEGMENT = /\/\.{1,2}(?:[/?]|$)|%2e/i;

function simpleHost(host: string): boolean {
  if (host.includes('--')) return false;
  const labels = host.split('.');
  return LAST_LABEL_START.test(labels[labels.length - 1]!) && labels.every((l) => LABEL.test(l));
}

/** The parts of `s` when the URL parser would keep it exactly as written, else null. */
export function simpleWebUrl(s: string): WebUrlParts | null {
  const m = SIMPLE_WEB_URL.exec(s);
  if (!m || DOT_SEGMENT.test(s) || !simpleHost(m[2]!)) return null;
  const query = m[4] ?? '';
  return {
    protocol: m[1]!,
    hostname: m[2]!,
    port: '',
    pathname: m[3]!,
    // The parser's `search` of a bare `?` is empty; the link keeps its `?`.
    search: query.length > 1 ? query : '',
  };
}
