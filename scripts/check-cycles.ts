/**
 * `npm run check`'s import-cycle check: every import between the project's own modules (type-only
 * ones too: a cycle of types is still two layers leaning on each other), over lib/, components/,
 * entrypoints/ and the config. Prints each cycle and exits 1 when there is one.
 *
 * Usage: tsx scripts/check-cycles.ts
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIRS = ['lib', 'components', 'entrypoints'];
const FILES = ['wxt.config.ts'];
const EXTENSIONS = ['.ts', '.tsx'];
// `import … from '…'`, `export … from '…'`, `import('…')` and bare `import '…'`.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)['"]([^'"]+)['"]/gm;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The project file an import names, or null for a package. */
function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/') || spec.startsWith('~/')) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

function graph(files: string[]): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const deps = new Set<string>();
    for (const m of text.matchAll(IMPORT)) {
      const to = resolve(f, m[1]!);
      if (to) deps.add(to);
    }
    g.set(f, [...deps]);
  }
  return g;
}

/** Strongly connected components of more than one module, or of one importing itself (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const comp: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      comp.push(w);
    } while (w !== v);
    if (comp.length > 1 || (g.get(v) ?? []).includes(v)) out.push(comp);
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** One import path around a component, for the message. */
function loopIn(g: Map<string, string[]>, comp: string[]): string[] {
  const inComp = new Set(comp);
  const start = comp[comp.length - 1]!;
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of g.get(v) ?? []) {
      if (!inComp.has(w)) continue;
      if (w === start) {
        const loop = [v];
        for (let u = v; u !== start;) loop.unshift((u = prev.get(u)!));
        return [...loop, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return comp;
}

const files = [
  ...DIRS.flatMap((d) => sources(path.join(ROOT, d))),
  ...FILES.map((f) => path.join(ROOT, f)),
];
const g = graph(files);
const found = cycles(g);
for (const comp of found) {
  const loop = loopIn(g, comp).map((f) => path.relative(ROOT, f));
  console.error(`import cycle: ${loop.join(' → ')}`);
}
if (found.length > 0) process.exit(1);
console.log(`no import cycles in ${files.length} modules`);
