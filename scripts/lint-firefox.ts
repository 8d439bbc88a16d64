/**
 * Builds the Firefox extension and runs `web-ext lint` on it. Fails on any error, and on any
 * warning other than the known ones from bundled libraries (Preact, Readability and DOMPurify
 * write `innerHTML` inside their own code; the Android minimum-version notice).
 */
import { spawnSync } from 'node:child_process';

const OUT = '.output/firefox-mv2';
const ALLOWED_WARNINGS = new Set([
  'UNSAFE_VAR_ASSIGNMENT',
  'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
]);

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  count: number;
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

function run(cmd: string, args: string[]): string {
  const res = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0 && !res.stdout) {
    process.stderr.write(res.stderr ?? '');
    process.exit(res.status ?? 1);
  }
  return res.stdout;
}

run('npx', ['wxt', 'build', '-b', 'firefox']);
const report = JSON.parse(
  run('npx', ['web-ext', 'lint', '-s', OUT, '-o', 'json', '--no-config-discovery']),
) as LintReport;
const unexpected = report.warnings.filter((w) => !ALLOWED_WARNINGS.has(w.code));
for (const m of [...report.errors, ...unexpected])
  console.log(`${m.code} ${m.file ?? ''}: ${m.message}`);
console.log(
  `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${unexpected.length} unexpected)`,
);
process.exit(report.errors.length === 0 && unexpected.length === 0 ? 0 : 1);
