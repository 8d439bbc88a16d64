/**
 * Runs the end-to-end suite. The keyboard-command tests need a real display (Chromium handles
 * extension shortcuts in its window's accelerators, which headless mode and CDP key events never
 * reach), so without one the suite runs under a virtual X server (xvfb-run).
 */
import { spawnSync } from 'node:child_process';

const vitest = ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)];
const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
const cmd =
  !process.env.DISPLAY && hasXvfb ? ['xvfb-run', '-a', 'npx', ...vitest] : ['npx', ...vitest];
const res = spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'inherit' });
process.exit(res.status ?? 1);
