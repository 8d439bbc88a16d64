import { readFileSync } from 'node:fs';
import path from 'node:path';

// WCAG 2 contrast, recomputed from the stylesheet so a colour change cannot silently break AA.
const CSS = readFileSync(path.resolve(__dirname, '../../entrypoints/reader/themes.css'), 'utf8');
const TEXT = ['--qari-fg', '--qari-muted', '--qari-link', '--qari-accent'];
const BACKGROUNDS = ['--qari-bg', '--qari-surface', '--qari-current'];

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every rule block that defines a theme, as selector → custom properties. */
function themeBlocks(): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const stripped = CSS.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of stripped.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const vars: Record<string, string> = {};
    for (const d of m[2]!.matchAll(/(--qari-[\w-]+)\s*:\s*(#[0-9a-fA-F]{6})\s*;/g))
      vars[d[1]!] = d[2]!;
    if (vars['--qari-bg']) out.set(m[1]!.trim().replace(/\s+/g, ' '), vars);
  }
  return out;
}

describe('reader themes', () => {
  const blocks = themeBlocks();

  it('defines light, sepia, dark and the system dark variant', () => {
    const selectors = [...blocks.keys()].join(' | ');
    expect(blocks.size).toBe(4);
    expect(selectors).toContain("[data-theme='sepia']");
    expect(selectors).toContain("[data-theme='dark']");
    expect(selectors).toContain("[data-theme='system']");
  });

  it('meets 4.5:1 for every text colour on every background of each theme', () => {
    for (const [selector, vars] of blocks) {
      for (const fg of TEXT) {
        for (const bg of BACKGROUNDS) {
          const ratio = contrast(vars[fg]!, vars[bg]!);
          expect(ratio, `${selector}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });

  it('meets 3:1 for control borders and the focus ring', () => {
    for (const [selector, vars] of blocks) {
      for (const ui of ['--qari-border', '--qari-accent']) {
        for (const bg of ['--qari-bg', '--qari-surface']) {
          expect(
            contrast(vars[ui]!, vars[bg]!),
            `${selector}: ${ui} on ${bg}`,
          ).toBeGreaterThanOrEqual(3);
        }
      }
    }
  });

  it('keeps the system dark variant identical to the dark theme', () => {
    const dark = [...blocks].find(([s]) => s.includes("[data-theme='dark']"))![1];
    const system = [...blocks].find(([s]) => s.includes("[data-theme='system']"))![1];
    expect(system).toEqual(dark);
  });
});
