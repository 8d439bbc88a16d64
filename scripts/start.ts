/**
 * The main job: build the extension and open Chromium with it on our own sample Arabic article.
 * With a display it stays open for you to use; without one (or with --headless) it opens reader
 * mode headless, saves a screenshot of the reader, and exits.
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT } from '../tests/e2e/fixtures';
import { openReaderFromButton, readerFrame } from '../tests/e2e/reader-helpers';

const SAMPLE = '/pages/sample-article.html';
const SHOT = join(ROOT, 'screenshots/start-reader.png');

async function main(): Promise<void> {
  execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  const headless = process.argv.includes('--headless') || !process.env.DISPLAY || !!process.env.CI;
  const l = await launch({ headless });
  const page = await l.context.newPage();
  await page.goto(l.server.url(SAMPLE));
  console.log(`Opened ${l.server.url(SAMPLE)} with the extension ${l.extensionId}.`);
  if (!headless) {
    console.log(
      'Click the “وضع القراءة” button on the page, or press Alt+Shift+Q. Ctrl+C to quit.',
    );
    await new Promise<void>((resolve) => l.context.on('close', () => resolve()));
    return;
  }
  await openReaderFromButton(page);
  const frame = await readerFrame(page);
  await frame.locator('article h1, h1').first().waitFor();
  await page.waitForTimeout(300); // let fonts settle before the picture
  mkdirSync(join(ROOT, 'screenshots'), { recursive: true });
  await page.screenshot({ path: SHOT });
  console.log(`Reader mode opened headless; screenshot saved to ${SHOT}`);
  await l.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
