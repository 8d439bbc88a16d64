/**
 * Renders the extension's icon (assets/icon.svg) to the PNG sizes the manifest names
 * (public/icon/N.png), in the local Chromium: no network, no image library. Run once after
 * changing the SVG (`npx tsx scripts/render-icons.ts`); the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 128];

const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // Every request refused: the SVG is inline and needs nothing else.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: join(ROOT, `public/icon/${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
