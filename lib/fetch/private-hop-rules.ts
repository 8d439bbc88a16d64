/**
 * The browser's own guard on every hop of the background's fetches. `fetch-html.ts` checks the
 * link before the request and where redirects ended, but a hop between (a public link that
 * answers 302 to `http://192.168.1.1/admin/reboot`) is requested by the browser itself: a fetch
 * with `redirect: 'manual'` gives an opaque redirect with no Location (the Fetch standard's
 * filtered response), so script cannot follow the chain hop by hop. These declarativeNetRequest
 * rules block, inside the network stack, any request this extension initiates to the addresses
 * `lib/url/public-address.ts` refuses, redirect hops included (rules are matched against each
 * redirect's new request), before it is sent.
 *
 * They match only requests this extension initiates with fetch (`xmlhttprequest`), so the
 * reader's own browsing of a router page or a local development server is untouched. This module
 * only builds them (tests check them against the browser's and our own address rules);
 * private-hops.ts installs them.
 */
import type { DeclarativeNetRequest } from 'webextension-polyfill';

/** Ids of our session rules: removed and added together, so a second install replaces them. */
export const PRIVATE_HOP_RULE_IDS = [1401, 1402, 1403, 1404, 1405] as const;

// The start of a URL up to its host, with any user name and password passed over.
const START = '^https?://(?:[^/?#@]*@)?';
// What ends a host: a port, a path, a query, a fragment or the end.
const END = '\\.?(?::\\d+)?(?:[/?#]|$)';

/**
 * IPv4 ranges that are not the public internet, by their leading octets (the URL parser writes
 * every IPv4 host as four decimal numbers), in three rules: Chrome refuses a rule whose compiled
 * expression passes its memory limit, which all of them in one did. 127/8 is apart: the e2e
 * switch leaves it out.
 */
const PRIVATE_V4_GROUPS = [
  ['0', '10', '100\\.(?:6[4-9]|[7-9]\\d|1[01]\\d|12[0-7])'],
  ['169\\.254', '172\\.(?:1[6-9]|2\\d|3[01])', '192\\.0\\.0', '192\\.168'],
  ['198\\.1[89]', '22[4-9]', '2[3-5]\\d'],
];
const LOOPBACK_V4_LEAD = '127';

/**
 * IPv6 hosts (as the URL parser writes them: lower case, shortest form) that are not the public
 * internet: everything under ::/96 and ::ffff:0:0/96 (unspecified, loopback, IPv4 inside), NAT64
 * (64:ff9b::/96), unique local fc00::/7, link-local and site-local fe80::/9, multicast ff00::/8.
 */
const PRIVATE_V6 =
  '\\[(?:::|64:ff9b::|f[cd][0-9a-f]{2}:|fe[89a-f][0-9a-f]:|ff[0-9a-f]{2}:)[^\\]]*\\]';

/** Names that only mean something locally: a single label, or under a local-only suffix. */
const LOCAL_NAME =
  '(?:[^/?#@:.\\[]+|[^/?#@:\\[]*\\.(?:localhost|local|internal|home\\.arpa|localdomain|lan)|localhost)';

export interface HopGuardOptions {
  /** The e2e switch: 127/8 literals count as public (lib/fetch/fetch-extract.ts). */
  loopback: boolean;
}

/** The regular expressions (RE2 syntax, also valid JavaScript) the rules block. */
export function privateHopPatterns({ loopback }: HopGuardOptions): string[] {
  const [first, ...rest] = PRIVATE_V4_GROUPS;
  const v4 = [loopback ? first! : [LOOPBACK_V4_LEAD, ...first!], ...rest];
  return [
    ...v4.map((leads) => `${START}(?:${leads.join('|')})(?:\\.\\d{1,3}){1,3}${END}`),
    `${START}${PRIVATE_V6}(?::\\d+)?(?:[/?#]|$)`,
    `${START}${LOCAL_NAME}${END}`,
  ];
}

/** Session rules blocking this extension's own fetches to private addresses. */
export function privateHopRules(
  extensionHost: string,
  opts: HopGuardOptions,
): DeclarativeNetRequest.Rule[] {
  return privateHopPatterns(opts).map((regexFilter, i) => ({
    id: PRIVATE_HOP_RULE_IDS[i]!,
    priority: 1,
    action: { type: 'block' },
    condition: {
      regexFilter,
      initiatorDomains: [extensionHost],
      resourceTypes: ['xmlhttprequest'],
    },
  }));
}
