/**
 * The reader view in Chromium: accessibility, the narrow drawer and print. Its controls
 * (sections by keyboard and TOC, Escape, settings) are shared with Firefox:
 * ./reader-scenarios.e2e.test.ts; its layout (right to left, the sections, the sidebar's side,
 * the Naskh face): ./reading.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT, launch, type Launched } from './fixtures';
import { openReaderFromButton, readerFrame } from './reader-helpers';

const SAMPLE = '/pages/sample-article.html';
const GOLD = JSON.parse(
  readFileSync(join(ROOT, 'tests/pages/sample-article.gold.json'), 'utf8'),
) as {
  title: string;
  sections: string[];
};
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

let l: Launched;
beforeAll(async () => {
  l = await launch();
});
afterAll(async () => {
  await l?.close();
});

async function openReader(page: Page): Promise<Frame> {
  await page.goto(l.server.url(SAMPLE));
  await openReaderFromButton(page);
  const frame = await readerFrame(page);
  await frame.locator('.qari-content h2, .qari-content h3').first().waitFor({ timeout: 15_000 });
  return frame;
}

/** axe-core's serious and critical violations in a frame (evaluate is not subject to the page CSP). */
async function axeViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE);
  return frame.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            o: unknown,
          ) => Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const res = await axe.run(document, { resultTypes: ['violations'] });
    return res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('the reader view in Chromium', () => {
  it('has no serious accessibility violations in any theme', async () => {
    const page = await l.context.newPage();
    const frame = await openReader(page);
    for (const theme of ['light', 'sepia', 'dark']) {
      await frame.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      expect(await axeViolations(frame), theme).toEqual([]);
    }
    await page.close();
  });

  it('turns the table of contents into a drawer on narrow windows', async () => {
    const page = await l.context.newPage();
    await page.setViewportSize({ width: 600, height: 800 });
    const frame = await openReader(page);
    const nav = frame.locator('nav#qari-toc');
    const toggle = frame.locator('#qari-toc-toggle');
    expect(await nav.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await nav.isVisible()).toBe(true);
    await frame.locator('nav#qari-toc button').nth(2).click();
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe(GOLD.sections[2]);
    expect(await nav.isVisible()).toBe(false);
    await page.close();
  });

  it('prints the article alone', async () => {
    const page = await l.context.newPage();
    const frame = await openReader(page);
    await frame.locator('.qari-content h2').first().waitFor();
    // The reader's frame is a target of its own (another process): print media is emulated there.
    const cdp = await l.context.newCDPSession(frame);
    await cdp.send('Emulation.setEmulatedMedia', { media: 'print' });
    for (const sel of ['.qari-toolbar', 'nav#qari-toc', '.qari-progress']) {
      expect(await frame.locator(sel).isVisible(), sel).toBe(false);
    }
    expect(await frame.locator('article.qari-article').isVisible()).toBe(true);
    await cdp.send('Emulation.setEmulatedMedia', { media: '' });
    expect(await frame.locator('.qari-toolbar').isVisible()).toBe(true);
    await cdp.detach();
    await page.close();
  });
});
