/**
 * Reader mode as a reader meets it on the seed page: opened from the page button and from the
 * keyboard command, navigated by its table of contents, closed with Esc, and out of the page's
 * reach. Also makes the README's screenshots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT, SHARED_DIR, launch, type Launched } from './fixtures';
import { pressShortcut } from './keyboard';
import {
  BUTTON_HOST,
  openReaderByShortcut,
  openReaderFromButton,
  READER_HOST,
  readerFrame,
  READER_SHORTCUT,
  waitForButton,
  waitForReaderToc,
} from './reader-helpers';
import { EARLY_EXTRACTION_FRESH_MS } from '../../lib/page/reader-tab';

const SEED = '/shared/fixtures/seed-article.html';
const GOLD = JSON.parse(
  readFileSync(join(SHARED_DIR, 'fixtures/seed-article.gold.json'), 'utf8'),
) as {
  title: string;
  sections: string[];
};
const SHOTS = join(ROOT, 'docs/screenshots');

let l: Launched;
beforeAll(async () => {
  // A visible window (under Xvfb when there is no display) so keyboard shortcuts are real.
  l = await launch({ headless: false });
});
afterAll(async () => {
  await l?.close();
});

async function openSeed(page: Page): Promise<Frame> {
  await page.goto(l.server.url(SEED));
  await openReaderFromButton(page);
  return waitForReaderToc(page);
}

const tocTitles = async (frame: Frame) =>
  (await frame.locator('nav#qari-toc button').allTextContents()).map((t) => t.trim());
const currentSection = (frame: Frame) =>
  frame.evaluate(
    () =>
      document.querySelector('nav#qari-toc button[aria-current="location"]')?.textContent?.trim() ??
      null,
  );

describe('reader mode on the seed page', () => {
  it('opens from the page button with the seed’s 7 sections in order', async () => {
    const page = await l.context.newPage();
    const frame = await openSeed(page);
    expect((await frame.locator('h1.qari-title').textContent())?.trim()).toBe(GOLD.title);
    expect(await tocTitles(frame)).toEqual(GOLD.sections);
    await page.close();
  });

  it('connects to its tab from its head, before its bundle runs, with nothing the page hears', async () => {
    const page = await l.context.newPage();
    // The page's window hears every window message the reader frame posts to its parent.
    await page.addInitScript(() => {
      const w = window as { heard?: unknown[] };
      w.heard = [];
      addEventListener('message', (e) => w.heard!.push(e.data));
    });
    const frame = await openSeed(page);
    const timing = await frame.evaluate(() => ({
      open: performance.getEntriesByName('qari:overlay-inbox')[0]?.startTime ?? null,
      // A parser-blocking script in <head> runs before parsing ends; the module bundle after.
      interactive:
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
          ?.domInteractive ?? null,
    }));
    expect(timing.open).not.toBeNull();
    expect(timing.interactive).not.toBeNull();
    expect(timing.open!).toBeLessThan(timing.interactive!);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(READER_HOST).count()).toBe(0);
    expect(await page.evaluate(() => (window as { heard?: unknown[] }).heard)).toEqual([]);
    await page.close();
  });

  it('loads the reader code when the pointer reaches the button, before any click', async () => {
    const page = await l.context.newPage();
    const loaded: string[] = [];
    page.on('requestfinished', (r) => {
      const name = /\/(reader-tab|extract-tab)\.js$/.exec(r.url())?.[1];
      if (name) loaded.push(name);
    });
    await page.goto(l.server.url(SEED));
    const host = page.locator(BUTTON_HOST);
    await host.waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    expect(loaded).toEqual([]);
    const box = (await host.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => [...new Set(loaded)].sort()).toEqual(['extract-tab', 'reader-tab']);
    expect(await page.locator(READER_HOST).count()).toBe(0);
    await page.close();
  });

  // The page adds this to its first paragraph after the pointer reached the button.
  const ADDED = 'وهذه جملة أضافتها الصفحة بعد أن وصل المؤشر إلى زر وضع القراءة.';
  const addSentence = (page: Page) =>
    page.evaluate(
      (text) => document.querySelector('.td-post-content p')!.append(` ${text}`),
      ADDED,
    );
  const hoverButton = async (page: Page) => {
    const box = await waitForButton(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    return box;
  };
  const contentOf = (frame: Frame) =>
    frame.evaluate(() => document.querySelector('.qari-content')?.textContent ?? '');

  it('extracts the article when the pointer reaches the button: the click shows the page as it was then', async () => {
    const page = await l.context.newPage();
    await page.goto(l.server.url(SEED));
    const box = await hoverButton(page);
    // The hidden frame is made as the extraction starts; then time for it to end, well inside
    // the result's freshness.
    await readerFrame(page);
    await page.waitForTimeout(EARLY_EXTRACTION_FRESH_MS / 2);
    await addSentence(page);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const frame = await waitForReaderToc(page);
    expect(await contentOf(frame)).toContain(GOLD.sections[0]!);
    expect(await contentOf(frame)).not.toContain(ADDED);
    await page.close();
  });

  it('loads the reader’s frame hidden when the pointer reaches the button, and shows that frame on the click', async () => {
    const page = await l.context.newPage();
    await page.goto(l.server.url(SEED));
    const box = await hoverButton(page);
    const hidden = await readerFrame(page);
    await hidden.locator('body').waitFor({ state: 'attached' });
    // Nothing shows and nothing of the page changed: no overlay over it, its root still scrolls,
    // what is under the pointer is the page's own; the frame holds no article yet.
    expect(await page.locator(READER_HOST).count()).toBe(0);
    const page0 = await page.evaluate(
      ([x, y]) => ({
        overflow: getComputedStyle(document.documentElement).overflow,
        centre: document.elementFromPoint(x!, y!)?.closest(':root > div') ?? null,
      }),
      [box.x + box.width + 300, 200],
    );
    expect(page0).toEqual({ overflow: 'visible', centre: null });
    expect(await contentOf(hidden)).toBe('');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const frame = await waitForReaderToc(page);
    expect(frame.url()).toBe(hidden.url());
    expect(page.frames().filter((f) => f.url().includes('/reader.html'))).toHaveLength(1);
    await page.close();
  });

  it('renders its view once while its frame waits for the article, and leaves nothing of it', async () => {
    const page = await l.context.newPage();
    await page.goto(l.server.url(SEED));
    const box = await hoverButton(page);
    const hidden = await readerFrame(page);
    // Asked in one round trip, inside the hidden frame's deadline (EARLY_EXTRACTION_FRESH_MS): it
    // has its bundle and settings well before, and no article until the click. Then nothing of
    // that render is left: no painted mark, the page's own title, no theme set on the root, no
    // element but the status.
    const left = await hidden.evaluate(async (ms) => {
      const end = performance.now() + ms;
      while (!performance.getEntriesByName('qari:view-warmed').length) {
        if (performance.now() > end) return 'the waiting reader frame did not render its view';
        await new Promise((r) => setTimeout(r, 20));
      }
      return {
        warmed: performance.getEntriesByName('qari:view-warmed').length,
        painted: performance.getEntriesByName('qari:article-painted').length,
        title: document.title,
        theme: document.documentElement.getAttribute('data-theme'),
        body: [...document.body.children].filter((e) => e.localName !== 'script').map((e) => e.id),
        content: document.querySelectorAll('.qari-content, .qari-article-header').length,
      };
    }, EARLY_EXTRACTION_FRESH_MS / 2);
    expect(left).toEqual({
      warmed: 1,
      painted: 0,
      title: 'قارئ',
      theme: null,
      body: ['app'],
      content: 0,
    });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const frame = await waitForReaderToc(page);
    expect((await frame.locator('h1.qari-title').textContent())?.trim()).toBe(GOLD.title);
    await expect
      .poll(
        () => frame.evaluate(() => performance.getEntriesByName('qari:article-painted').length),
        {
          timeout: 15_000,
          message: 'the article to be marked painted',
        },
      )
      .toBe(1);
    await page.close();
  });

  it('extracts the page again when the click comes long after the pointer reached the button', async () => {
    const page = await l.context.newPage();
    await page.goto(l.server.url(SEED));
    const box = await hoverButton(page);
    // The extraction's clock starts as the hidden frame is made.
    await readerFrame(page);
    await page.waitForTimeout(EARLY_EXTRACTION_FRESH_MS + 1_000);
    // The hidden frame made for that pointer is gone by then.
    await expect
      .poll(() => page.frames().filter((f) => f.url().includes('/reader.html')).length, {
        timeout: 10_000,
        message: 'the hidden reader frame to be dropped',
      })
      .toBe(0);
    await addSentence(page);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const frame = await waitForReaderToc(page);
    expect(await contentOf(frame)).toContain(ADDED);
    await page.close();
  });

  it('opens and closes with the keyboard command', async () => {
    const page = await l.context.newPage();
    await page.goto(l.server.url(SEED));
    await page.locator(BUTTON_HOST).waitFor({ state: 'attached' });
    const frame = await openReaderByShortcut(page);
    expect(await tocTitles(frame)).toEqual(GOLD.sections);
    // From the keyboard the article follows its frame at once: the frame does not spend that time
    // rendering its view on a sample (on a quiet machine that made the article wait, 1.12×).
    expect(
      await frame.evaluate(() => ({
        prepared: new URLSearchParams(location.hash.slice(1)).get('w'),
        warmed: performance.getEntriesByName('qari:view-warmed').length,
      })),
    ).toEqual({ prepared: null, warmed: 0 });
    pressShortcut(READER_SHORTCUT);
    await expect.poll(() => page.locator(READER_HOST).count()).toBe(0);
    await page.close();
  });

  it('jumps to a section from the table of contents, and scrolling moves the highlight', async () => {
    const page = await l.context.newPage();
    const frame = await openSeed(page);
    const target = GOLD.sections[4]!;
    await frame.locator('nav#qari-toc button', { hasText: target }).click();
    await expect.poll(() => currentSection(frame)).toBe(target);
    const inView = await frame.evaluate((t) => {
      const h = Array.from(document.querySelectorAll('.qari-content h2, .qari-content h3')).find(
        (e) => e.textContent?.trim() === t,
      );
      const r = h?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= innerHeight;
    }, target);
    expect(inView).toBe(true);
    // Scroll back to the top as a reader would: the highlight follows.
    await frame.evaluate(() => scrollTo(0, 0));
    await expect.poll(() => currentSection(frame)).not.toBe(target);
    await frame.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => currentSection(frame)).toBe(GOLD.sections.at(-1));
    await page.close();
  });

  it('gives the page back exactly as it was on Esc: DOM, scroll position, focus', async () => {
    const page = await l.context.newPage();
    await page.goto(l.server.url(SEED));
    await page.locator(BUTTON_HOST).waitFor({ state: 'attached' });
    await page.evaluate(() => {
      scrollTo(0, 900);
      document.querySelector<HTMLElement>('a[href]')?.focus({ preventScroll: true });
    });
    const before = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      y: scrollY,
      focus: document.activeElement?.outerHTML,
    }));
    await openReaderFromButton(page);
    const frame = await waitForReaderToc(page);
    await frame.locator('main').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(READER_HOST).count()).toBe(0);
    const after = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      y: scrollY,
      focus: document.activeElement?.outerHTML,
    }));
    expect(after.y).toBe(before.y);
    expect(after.html).toBe(before.html);
    await page.close();
  });

  it('keeps a setting after reload and in another tab', async () => {
    const a = await l.context.newPage();
    let fa = await openSeed(a);
    await fa.locator('#qari-settings-toggle').click();
    await fa.locator('input[name="qari-theme"][value="sepia"]').check();
    await a.reload();
    fa = await (async () => {
      await openReaderFromButton(a);
      return waitForReaderToc(a);
    })();
    await expect
      .poll(() => fa.evaluate(() => document.documentElement.dataset.theme))
      .toBe('sepia');
    const b = await l.context.newPage();
    // The theme at the moment the reader marks its article painted: the stored one, not the
    // default shown until storage answers.
    await b.addInitScript(() => {
      if (location.protocol !== 'chrome-extension:') return;
      const mark = performance.mark.bind(performance);
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        if (name === 'qari:article-painted')
          (window as { paintedTheme?: string }).paintedTheme =
            document.documentElement.dataset.theme ?? 'none';
        return mark(name, options);
      };
    });
    const fb = await openSeed(b);
    await expect
      .poll(() => fb.evaluate(() => (window as { paintedTheme?: string }).paintedTheme))
      .toBe('sepia');
    expect(await fb.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');
    await fb.locator('#qari-settings-toggle').click();
    await fb.locator('input[name="qari-theme"][value="system"]').check();
    await a.close();
    await b.close();
  });

  it('opens on a page whose CSP forbids scripts, frames and connections', async () => {
    // News sites send strict policies; the page's CSP governs the page, not our isolated world,
    // so the reader's code still loads into it and its frame still opens.
    const seed = readFileSync(join(SHARED_DIR, 'fixtures/seed-article.html'));
    l.server.routes.set('/csp/seed.html', (res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy':
          "default-src 'none'; script-src 'none'; frame-src 'none'; connect-src 'none'; img-src 'none'",
      });
      res.end(seed);
    });
    const page = await l.context.newPage();
    await page.goto(l.server.url('/csp/seed.html'));
    await openReaderFromButton(page);
    const frame = await waitForReaderToc(page);
    expect(await tocTitles(frame)).toEqual(GOLD.sections);
    await page.close();
  });

  it('is out of reach of the page’s own scripts', async () => {
    const page = await l.context.newPage();
    const frame = await openSeed(page);
    const title = (await frame.locator('h1.qari-title').textContent())?.trim();
    // The page's main world tries every door it has.
    const attempts = await page.evaluate((sel) => {
      const host = document.querySelector(sel);
      const out: Record<string, string> = { shadow: String(host?.shadowRoot ?? null) };
      try {
        const w = window.frames[0];
        out.read = w ? String(w.document.title) : 'no frame';
      } catch (e) {
        out.read = (e as Error).name;
      }
      try {
        window.frames[0]!.document.body.textContent = 'pwned';
        out.write = 'wrote';
      } catch (e) {
        out.write = (e as Error).name;
      }
      window.frames[0]?.postMessage('qari:close', '*');
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      // Where the overlay's token (the key to its article messages) could show to the page.
      out.seen = [
        document.documentElement.outerHTML,
        ...performance.getEntries().map((e) => e.name),
        location.href,
      ].join('\n');
      return out;
    }, READER_HOST);
    const token = new URLSearchParams(new URL(frame.url()).hash.slice(1)).get('t');
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    // Even knowing the token, the page has no way to hand the reader an article: the frame
    // reads no window message.
    await page.evaluate((t) => {
      const article = { type: 'qari:article', token: t, result: { ok: false, reason: 'error' } };
      window.frames[0]?.postMessage(article, '*');
    }, token);
    expect(attempts.seen).not.toContain(token);
    expect(attempts.shadow).toBe('null');
    expect(attempts.read).toBe('SecurityError');
    expect(attempts.write).toBe('SecurityError');
    await page.waitForTimeout(200);
    expect(await page.locator(READER_HOST).count()).toBe(1); // forged close ignored
    expect((await frame.locator('h1.qari-title').textContent())?.trim()).toBe(title);
    await page.close();
  });

  it('makes the README screenshots: light, dark, and a narrow window with the drawer open', async () => {
    const page = await l.context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    const frame = await openSeed(page);
    // Each shot waits for what it shows: the theme applied and the settings panel closed (a
    // shot taken while the frame was still busy once showed the panel open over the old theme).
    const theme = async (t: string) => {
      await frame.locator('#qari-settings-toggle').click();
      await frame.locator(`input[name="qari-theme"][value="${t}"]`).check();
      await frame.waitForFunction((want) => document.documentElement.dataset.theme === want, t);
      await page.keyboard.press('Escape');
      await frame.locator('#qari-settings').waitFor({ state: 'hidden' });
      await frame.evaluate(() => document.fonts.ready);
      // Two frames drawn since: the shot shows the frame's new state, not its last composited one.
      await frame.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
    };
    await theme('light');
    await page.screenshot({ path: join(SHOTS, 'reader-light.png') });
    await theme('dark');
    await page.screenshot({ path: join(SHOTS, 'reader-dark.png') });
    await page.setViewportSize({ width: 420, height: 860 });
    await frame.locator('#qari-toc-toggle').click();
    await frame.locator('nav#qari-toc').waitFor({ state: 'visible' });
    // The drawer runs from the toolbar to the bottom of the window, however few its entries.
    const drawer = await frame.evaluate(() => {
      const r = document.querySelector('nav#qari-toc')!.getBoundingClientRect();
      return { bottom: r.bottom, height: innerHeight };
    });
    expect(drawer.bottom).toBe(drawer.height);
    // The page's own scrollbars do not show beside the reader's: the reader has the whole window.
    const viewport = await page.evaluate(() => ({
      width: innerWidth,
      height: innerHeight,
      clientWidth: document.documentElement.clientWidth,
      clientHeight: document.documentElement.clientHeight,
    }));
    expect([viewport.clientWidth, viewport.clientHeight]).toEqual([
      viewport.width,
      viewport.height,
    ]);
    await page.screenshot({ path: join(SHOTS, 'reader-narrow-drawer.png') });
    await page.keyboard.press('Escape');
    await theme('system');
    await page.close();
  });
});
