/**
 * What a new reader meets around the reader (issue 15, item 9), in Chromium with the built
 * extension: the first-run page opened on install, the page button hidden per site from the
 * toolbar popup and brought back from the options page, the button stepping aside in a narrow
 * window, and the reader's table of contents, help and «المقال الأصلي». Also makes the README's
 * first-run and options screenshots.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closedShadows } from './closed-shadow';
import { ROOT, launch, type Launched } from './fixtures';
import {
  BUTTON_HOST,
  openReaderByShortcut,
  readerHostCount,
  waitForButton,
} from './reader-helpers';
import { openToolbarPopup } from './toolbar-popup';

const SHOTS = join(ROOT, 'docs/screenshots');
const SAMPLE = '/pages/sample-article.html';

let l: Launched;
beforeAll(async () => {
  l = await launch({ headless: false, keepWelcome: true });
});
afterAll(async () => {
  await l?.close();
});

async function open(path: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(l.server.url(path));
  return page;
}

/**
 * Whether the page's button is painted inside the viewport: its box as drawn (after the
 * translate that moves it aside) is read over CDP, through the closed shadow root.
 */
async function buttonInView(page: Page): Promise<boolean> {
  const [view] = await closedShadows(page, BUTTON_HOST);
  const button = view?.buttons[0];
  if (!button) return false;
  const height = await page.evaluate(() => innerHeight);
  return button.y > 0 && button.y < height;
}

describe('a new reader', () => {
  it('meets the first-run page on install: badge, button, pinning, shortcuts, site access', async () => {
    const deadline = Date.now() + 20_000;
    let welcome: Page | undefined;
    while (!welcome && Date.now() < deadline) {
      welcome = l.context.pages().find((p) => p.url().endsWith('/welcome.html'));
      if (!welcome) await new Promise((r) => setTimeout(r, 200));
    }
    expect(welcome, 'no first-run page opened').toBeDefined();
    await welcome!.waitForLoadState('load');
    await welcome!.evaluate(() => document.fonts.ready);
    const text = (await welcome!.locator('main').textContent()) ?? '';
    for (const part of ['الشارة', 'وضع القراءة', 'ثبّت', 'Alt+Shift+Q', 'Alt+Shift+S', 'الاستيراد'])
      expect(text).toContain(part);
    expect(await welcome!.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // The icon is the extension's own and loads.
    expect(
      await welcome!.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBe(128);
    const width = await welcome!.evaluate(() => document.body.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(600);
    await welcome!.screenshot({ path: join(SHOTS, 'first-run.png'), fullPage: true });
    await welcome!.close();
  });

  it('hides the page button on a site from the popup, at once, and gets it back from the options page', async () => {
    const page = await open(SAMPLE);
    await waitForButton(page);
    const popup = await openToolbarPopup(l, page);
    try {
      await popup.until(`document.querySelector('.qari-button-site button')`);
      await popup.value(`document.querySelector('.qari-button-site button').click()`);
      await popup.until(
        `document.querySelector('.qari-button-site button').textContent.includes('أظهِر')`,
      );
    } finally {
      await popup.close();
    }
    await page.locator(BUTTON_HOST).waitFor({ state: 'detached', timeout: 15_000 });
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await page.locator(BUTTON_HOST).count()).toBe(0);

    const options = await l.extensionPage('options.html');
    await options.locator('.qari-button-sites li').first().waitFor();
    expect(await options.locator('.qari-button-sites li bdi').allTextContents()).toEqual([
      '127.0.0.1',
    ]);
    await options.evaluate(() => document.fonts.ready);
    // A page in a tab: the window's width, and the whole page scrolls (not the popup's 400 × 600).
    const fit = await options.evaluate(() => ({
      body: document.body.getBoundingClientRect().width,
      window: innerWidth,
      panelBottom: document.querySelector('.qari-button-sites')!.getBoundingClientRect().bottom,
      scroll: document.scrollingElement!.scrollHeight,
    }));
    expect(fit.body).toBeGreaterThan(fit.window - 40);
    expect(fit.panelBottom).toBeLessThanOrEqual(fit.scroll);
    await options.screenshot({ path: join(SHOTS, 'options.png'), fullPage: true });
    await options.locator('.qari-button-sites li button').click();
    await options.locator('.qari-button-sites li').waitFor({ state: 'detached' });
    await options.close();
    await page.reload();
    await waitForButton(page);
    await page.close();
  });

  it('in a narrow window the button steps aside while the page scrolls down, and comes back', async () => {
    const page = await l.context.newPage();
    await page.setViewportSize({ width: 420, height: 760 });
    await page.goto(l.server.url(SAMPLE));
    await waitForButton(page);
    expect(await buttonInView(page)).toBe(true);
    await page.mouse.move(200, 300);
    await page.mouse.wheel(0, 600);
    await page.waitForFunction(() => scrollY > 100);
    await page.waitForTimeout(400);
    expect(await buttonInView(page)).toBe(false);
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(400);
    expect(await buttonInView(page)).toBe(true);
    await page.close();
  });

  it('reader: sections are buttons, hover is not "current", j marks lightly, help lists the shortcuts, «المقال الأصلي» closes', async () => {
    const page = await open(SAMPLE);
    const frame = await openReaderByShortcut(page);
    const toc = frame.locator('nav#qari-toc');
    expect(await toc.locator('[href]').count()).toBe(0);
    // Hover a section that is not the current one: it must not look like the current one.
    const entries = toc.locator('button');
    await entries.nth(2).hover();
    const look = (i: number) =>
      entries.nth(i).evaluate((b) => {
        const s = getComputedStyle(b);
        return { bg: s.backgroundColor, bar: s.borderInlineStartColor, weight: s.fontWeight };
      });
    const hovered = await look(2);
    const current = await frame.evaluate(() => {
      const b = document.querySelector('nav#qari-toc button[aria-current]');
      if (!b) return null;
      const s = getComputedStyle(b);
      return { bg: s.backgroundColor, bar: s.borderInlineStartColor, weight: s.fontWeight };
    });
    expect(hovered.bg).toBe('rgba(0, 0, 0, 0)');
    if (current) expect(hovered).not.toEqual(current);
    // j: focus on the heading, visible but no box around it.
    await frame.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await frame.waitForFunction(() => /^H[1-6]$/.test(document.activeElement?.tagName ?? ''));
    const ring = await frame.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { outline: s.outlineStyle, line: s.textDecorationLine };
    });
    expect(ring.outline).toBe('none');
    expect(ring.line).toContain('underline');
    // Help: the browser's two shortcuts, as bound.
    await frame.locator('#qari-help-toggle').click();
    const help = (await frame.locator('#qari-help').textContent()) ?? '';
    expect(help).toContain('Alt+Shift+Q');
    expect(help).toContain('Alt+Shift+S');
    await frame.locator('#qari-help-toggle').click();
    // «المقال الأصلي»: closes the reader, opens no second tab.
    const pagesBefore = l.context.pages().length;
    await frame.locator('.qari-original').click();
    await page.waitForFunction(() => !document.querySelector(':root > div:has(> style)'));
    expect(await readerHostCount(page)).toBe(0);
    expect(l.context.pages().length).toBe(pagesBefore);
    await page.close();
  });
});
