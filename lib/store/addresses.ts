/**
 * The addresses of an entry: canonical keys (`lib/url/canonical.ts`) of every URL its page was
 * seen under. The entry's own key comes first; the rest only widen what finds it.
 */
import { tryCanonicalUrl } from '../url/canonical';

/** The entry's key, then the keys of `urls` (page URL, canonical link, redirect end), once each. */
export function addressesOf(key: string, ...urls: (string | null | undefined)[]): string[] {
  const out = new Set([key]);
  for (const u of urls) {
    const k = u ? tryCanonicalUrl(u) : null;
    if (k) out.add(k);
  }
  return [...out];
}

/** The keys a saved or fetched article is known by: under its canonical link, then its own URL. */
export function articleKeys(url: string, canonical?: string | null): string[] {
  const keys = [tryCanonicalUrl(url, canonical), tryCanonicalUrl(url)];
  return [...new Set(keys.filter((k): k is string => k !== null))];
}
