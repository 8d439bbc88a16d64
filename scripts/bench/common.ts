/** What the benchmark sections share: runs per measure, the built extension, the pages. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SHARED_DIR } from '../../tests/e2e/fixtures';
import { startServer } from '../../tests/e2e/server';

export const RUNS = Number(process.env.BENCH_RUNS ?? 3);
export const EXT = join(ROOT, '.output/chrome-mv3');

// Another build to measure beside this one, page by page in alternating order (an A/B in one run).
export const AB_DIR = process.env.BENCH_AB_DIR;

// BENCH_PAGES=youm7: only the pages whose file name matches (a section on a few pages).
export const ONLY_PAGES = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : null;

export interface PageSet {
  dir: string;
  prefix: string;
  files: string[];
}

/** The benchmark's pages (the corpus and fixtures, and `extra` sets), served on loopback. */
export async function pagesServer(extra: PageSet[] = []) {
  const sets = [...pagesOf(), ...extra];
  const server = await startServer(sets.map((s) => ({ prefix: s.prefix, dir: s.dir })));
  return { sets, server };
}

function pagesOf(): PageSet[] {
  const real = join(SHARED_DIR, 'corpus/real');
  const fixtures = join(SHARED_DIR, 'fixtures');
  const html = (d: string) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.html') && (!ONLY_PAGES || ONLY_PAGES.test(f)))
      .sort();
  return [
    { dir: real, prefix: '/real/', files: html(real) },
    { dir: fixtures, prefix: '/fixtures/', files: html(fixtures) },
  ];
}
