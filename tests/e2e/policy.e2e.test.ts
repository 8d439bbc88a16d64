/**
 * Permissions and policy of the built extension: both manifests ask for exactly the permissions
 * the README justifies, extension pages run under a strict CSP, content scripts reach web pages
 * only, and `web-ext lint` passes on the Firefox build (scripts/lint-firefox.ts builds it).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixtures';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string };
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: ({ resources: string[] } | string)[];
}

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(ROOT, '.output', dir, 'manifest.json'), 'utf8')) as Manifest;

/** Every permission named in the README's permissions table (first column, in backticks). */
function justified(): Set<string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('### Permissions'),
    readme.indexOf('### Threat model'),
  );
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    const first = /^\|([^|]*)\|/.exec(line)?.[1] ?? '';
    for (const m of first.matchAll(/`([^`]+)`/g)) names.add(m[1]!);
  }
  return names;
}

const granted = (m: Manifest) => [...(m.permissions ?? []), ...(m.host_permissions ?? [])];
const optional = (m: Manifest) => [
  ...(m.optional_host_permissions ?? []),
  ...(m.optional_permissions ?? []),
];
const isHostPattern = (p: string) => p.includes('://') || p === '<all_urls>';
const cspOf = (m: Manifest) =>
  typeof m.content_security_policy === 'string'
    ? m.content_security_policy
    : (m.content_security_policy?.extension_pages ?? '');

describe('permissions and policy', () => {
  let firefox: Manifest;
  beforeAll(() => {
    const lint = spawnSync('npx', ['tsx', 'scripts/lint-firefox.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(lint.stdout + lint.stderr).toMatch(/web-ext lint: 0 errors/);
    expect(lint.status).toBe(0);
    firefox = readManifest('firefox-mv2');
  }, 300_000);

  it('asks for exactly the permissions the README justifies', () => {
    const chrome = readManifest('chrome-mv3');
    const readme = justified();
    expect(readme.size).toBeGreaterThan(5);
    const all = [chrome, firefox].flatMap((m) => [...granted(m), ...optional(m)]);
    for (const p of all) expect(readme, p).toContain(p);
    const used = new Set(all);
    for (const p of readme) expect(used, `README justifies unused ${p}`).toContain(p);
    for (const m of [chrome, firefox]) {
      expect(granted(m)).not.toContain('<all_urls>');
      expect(granted(m)).not.toContain('tabs');
      // No site access at install: only asked for when an import or a synced entry needs it.
      expect(granted(m).filter(isHostPattern)).toEqual([]);
      expect(optional(m)).toEqual(['http://*/*', 'https://*/*']);
      for (const cs of m.content_scripts ?? [])
        for (const pattern of cs.matches) expect(pattern).toMatch(/^https?:\/\/\*\/\*$/);
    }
  });

  it('runs extension pages under a strict CSP, without remote or inline code', () => {
    for (const m of [readManifest('chrome-mv3'), firefox]) {
      const csp = cspOf(m);
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name!, values] as const;
        }),
      );
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(directives.get('form-action')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:\/\/|\*/);
      // Only the reader page is reachable from web pages (with its scripts and assets).
      const exposed = (m.web_accessible_resources ?? []).flatMap((r) =>
        typeof r === 'string' ? [r] : r.resources,
      );
      expect(exposed.filter((r) => r.endsWith('.html'))).toEqual(['reader.html']);
    }
  });
});
