/**
 * Runs the end-to-end suite in Chromium and in Firefox (BROWSERS=chromium or BROWSERS=firefox
 * runs one; file arguments run those files). The keyboard-command tests need a real display
 * (Chromium handles extension shortcuts in its window's accelerators, which headless mode and
 * CDP key events never reach), so without one the suite runs under a virtual X server (xvfb-run).
 * Firefox's tests (tests/e2e/firefox/) drive the built .output/firefox-mv2.
 */
import { spawnSync } from 'node:child_process';

const FIREFOX_DIR = 'tests/e2e/firefox/';
const ALL = ['chromium', 'firefox'];
const browsers = (process.env.BROWSERS || ALL.join(',')).split(',').map((b) => b.trim());
const unknown = browsers.filter((b) => !ALL.includes(b));
if (unknown.length) {
  console.error(`BROWSERS: unknown ${unknown.join(', ')} (use ${ALL.join(', ')})`);
  process.exit(2);
}
const files = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));

/** This browser's part of the run: its directory, or the given files that belong to it. */
function selection(browser: string): string[] | null {
  const firefox = (f: string) => f.includes(FIREFOX_DIR);
  if (files.length === 0)
    return browser === 'firefox' ? [FIREFOX_DIR] : ['--exclude', `${FIREFOX_DIR}**`];
  const mine = files.filter((f) => (browser === 'firefox' ? firefox(f) : !firefox(f)));
  return mine.length ? mine : null;
}

const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
let status = 0;
for (const browser of browsers) {
  const picked = selection(browser);
  if (!picked) continue;
  console.log(`\n— end-to-end tests in ${browser} —`);
  const vitest = ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...picked, ...flags];
  const cmd =
    !process.env.DISPLAY && hasXvfb ? ['xvfb-run', '-a', 'npx', ...vitest] : ['npx', ...vitest];
  const res = spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'inherit' });
  if (res.status !== 0) status = res.status ?? 1;
}
process.exit(status);
