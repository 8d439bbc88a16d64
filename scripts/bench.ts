/**
 * `npm run bench`: our numbers beside their anchors, measured in the same run; one section per
 * file under scripts/bench/ (`npm run bench -- reader library` runs those two).
 * Speed is measured here, never asserted in tests. Timings on a shared 2-core machine are noisy:
 * read the ratios, which are measured side by side.
 */
import { execSync } from 'node:child_process';
import { ROOT } from '../tests/e2e/fixtures';
import { benchAlwaysOn } from './bench/always-on';
import { benchImport } from './bench/import';
import { benchLibrary } from './bench/library';
import { benchPages } from './bench/pages';
import { benchPreview } from './bench/preview';
import { benchReader } from './bench/reader';
import { benchRestore } from './bench/restore';
import { benchSize } from './bench/size';
import { benchSync } from './bench/sync';

const SECTIONS: Record<string, () => Promise<void> | void> = {
  library: benchLibrary,
  size: benchSize,
  'always-on': benchAlwaysOn,
  pages: benchPages,
  reader: benchReader,
  sync: benchSync,
  import: benchImport,
  preview: benchPreview,
  restore: benchRestore,
};

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = only.filter((name) => !Object.hasOwn(SECTIONS, name));
  if (unknown.length > 0)
    throw new Error(`no bench section ${unknown.join(', ')} (${Object.keys(SECTIONS).join(', ')})`);
  // BENCH_SKIP_BUILD=1 measures the build already in .output (e.g. a second bench seeding a
  // profile while another runs from that build).
  if (process.env.BENCH_SKIP_BUILD !== '1')
    execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
  for (const [name, run] of Object.entries(SECTIONS))
    if (!only.length || only.includes(name)) await run();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
