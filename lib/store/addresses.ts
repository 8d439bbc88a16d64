/**
 * The addresses of an entry: canonical keys (`lib/url/canonical.ts`) of every URL its page was
 * seen under. The entry's own key comes first; the rest only widen what finds it.
 */
import { sameHost, tryCanonicalUrl, type SiteRule } from '../url/canonical';

/** The entry's key, then the keys of `urls` (page URL, canonical link, redirect end), once each. */
export function addressesOf(key: string, ...urls: (string | null | undefined)[]): string[] {
  const out = new Set([key]);
  for (const u of urls) {
    const k = u ? tryCanonicalUrl(u) : null;
    if (k) out.add(k);
  }
  return [...out];
}

/**
 * The keys a saved or fetched article is known by: under its canonical link, then its own URL.
 * The canonical link counts only for the page's own site by `site` (another site's would file
 * the page under an entry saved from there); without the Public Suffix List, the same host.
 */
export function articleKeys(
  url: string,
  canonical?: string | null,
  site: SiteRule = sameHost,
): string[] {
  const keys = [tryCanonicalUrl(url, canonical, site), tryCanonicalUrl(url)];
  return [...new Set(keys.filter((k): k is string => k !== null))];
}
