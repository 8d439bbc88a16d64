/** Where an entry's page may be found, and the site access fetching it needs. */

const WWW = /^www\./;

/**
 * Where to look for an entry's page. An entry from another browser knows only its canonical
 * URL, which may say https and lack `www.` where the site itself does not: when the site cannot
 * be reached at all there, the plain-http and `www.` addresses are tried too.
 */
export function pageUrlCandidates(url: string): string[] {
  const out = [url];
  try {
    const u = new URL(url);
    const hosts = WWW.test(u.hostname) ? [u.hostname] : [u.hostname, `www.${u.hostname}`];
    const schemes = u.protocol === 'https:' ? ['https:', 'http:'] : [u.protocol];
    for (const host of hosts)
      for (const scheme of schemes) {
        const v = new URL(url);
        v.protocol = scheme;
        v.hostname = host;
        if (!out.includes(v.href)) out.push(v.href);
      }
  } catch {
    // Not a URL: only the original is tried, and fails as such.
  }
  return out;
}

/**
 * The host permissions (match patterns) that fetching an entry's page needs: the sites of its
 * candidate addresses and nothing wider, asked for when the reader opens the entry.
 */
export function siteAccessOrigins(url: string): string[] {
  const out = new Set<string>();
  for (const candidate of pageUrlCandidates(url)) {
    try {
      const u = new URL(candidate);
      if (u.protocol === 'http:' || u.protocol === 'https:')
        out.add(`${u.protocol}//${u.hostname}/*`);
    } catch {
      // Not a URL: nothing to ask for.
    }
  }
  return [...out];
}
