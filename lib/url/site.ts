/**
 * Which site a host belongs to: its registrable domain (eTLD+1) by the Public Suffix List, its
 * private section included, so `alice.github.io` and `mallory.github.io` are two sites. A page
 * speaks only for its own site: a canonical link or a backup key naming another site is not
 * believed (it would let one site overwrite an article saved from another).
 */
import { getDomain } from 'tldts';

const PSL_OPTIONS = { allowPrivateDomains: true } as const;

/** The registrable domain of a host; the host itself for an IP, `localhost` or a bare suffix. */
export function siteOfHost(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return getDomain(host, PSL_OPTIONS) ?? host;
}

/** Whether two URLs are on the same site (scheme and port aside: a key drops them anyway). */
export function sameSite(a: URL, b: URL): boolean {
  return siteOfHost(a.hostname) === siteOfHost(b.hostname);
}
