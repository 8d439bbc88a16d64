import type { Frame, Page } from 'playwright-core';
import { pressShortcut } from './keyboard';

// The extension's host elements at the page's root (plain `div`s, lib/page/host.ts): the
// overlay's holds the style that stops the page scrolling under it, the button's holds nothing.
export const READER_HOST = ':root > div:has(> style)';
export const BUTTON_HOST = ':root > div:not(:has(> style))';

type Box = { x: number; y: number; width: number; height: number };

/**
 * The page's reader-mode button once it is there; with `visible`, also once the browser has said
 * it is really visible (IntersectionObserver v2, as the button's own check asks): a click before
 * that is refused, as it should be.
 */
export async function waitForButton(page: Page, { visible = true } = {}): Promise<Box> {
  const host = page.locator(BUTTON_HOST);
  await host.waitFor({ state: 'attached', timeout: 15_000 });
  // On the element itself, not through `document.querySelector`: a hostile page may clobber
  // the document's names (`<img name=querySelector>`).
  if (visible)
    await host.evaluate(
      (el) =>
        new Promise<void>((resolve, reject) => {
          const io = new IntersectionObserver(
            (entries) => {
              if (entries.some((e) => (e as { isVisible?: boolean }).isVisible)) {
                io.disconnect();
                clearTimeout(timer);
                resolve();
              }
            },
            { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
          );
          // Bounded, and named: an unbounded wait here once ran into the test's own limit.
          const timer = setTimeout(() => {
            io.disconnect();
            reject(new Error('the reader button was not reported visible within 15 s'));
          }, 15_000);
          io.observe(el);
        }),
    );
  const box = await host.boundingBox();
  if (!box) throw new Error('reader button has no box');
  return box;
}

/** How many reader overlays the page has (0 or 1). */
export const readerHostCount = (page: Page): Promise<number> => page.locator(READER_HOST).count();

/** Click the page's reader-mode button like a reader (a trusted click at its position). */
export async function openReaderFromButton(page: Page): Promise<void> {
  const box = await waitForButton(page);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The reader page's frame inside the overlay, once it has loaded. */
export async function readerFrame(page: Page, timeout = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().includes('/reader.html'));
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('reader frame did not open');
}

/** The reader's frame once its table of contents is in. */
export async function waitForReaderToc(page: Page): Promise<Frame> {
  const frame = await readerFrame(page);
  await frame
    .locator('nav#qari-toc button')
    .first()
    .waitFor({ state: 'attached', timeout: 15_000 });
  return frame;
}

export const READER_SHORTCUT = 'alt+shift+q';

/** Open the reader with its keyboard command on the page at the front, as a reader does. */
export async function openReaderByShortcut(page: Page): Promise<Frame> {
  await page.bringToFront();
  pressShortcut(READER_SHORTCUT);
  // A busy machine can drop the window focus before the key arrives: one more press, as a
  // reader would, only if nothing opened.
  return waitForReaderToc(page).catch(() => {
    pressShortcut(READER_SHORTCUT);
    return waitForReaderToc(page);
  });
}
