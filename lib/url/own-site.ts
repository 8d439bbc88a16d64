/**
 * The reading list's key for a saved page: its canonical link believed for the page's own site
 * (registrable domain, by the Public Suffix List) and no other. The store's save and backup
 * import key every entry with it, so no path can file a page under another site's entry.
 *
 * The list (~140 KB) is loaded on first use: extension pages that only read the reading list
 * (the popup) never load it; the background's single-file bundle has it inlined.
 */
import { canonicalUrl, type SiteRule } from './canonical';

/** The registrable-domain rule, loaded once. */
export async function ownSiteRule(): Promise<SiteRule> {
  return (await import('./site')).sameSite;
}

/** `canonicalUrl` with the registrable-domain rule; throws a TypeError on a malformed URL. */
export async function ownSiteKey(url: string, canonicalHint?: string | null): Promise<string> {
  return canonicalUrl(url, canonicalHint, await ownSiteRule());
}
