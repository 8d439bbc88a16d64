import type { Frame, Page } from 'playwright-core';
import { pressShortcut } from './keyboard';

/** Click the page's reader-mode button like a reader (a trusted click at its position). */
export async function openReaderFromButton(page: Page): Promise<void> {
  const host = page.locator('qari-button');
  await host.waitFor({ state: 'attached', timeout: 15_000 });
  const box = await host.boundingBox();
  if (!box) throw new Error('reader button has no box');
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
  await frame.locator('nav#qari-toc a').first().waitFor({ state: 'attached', timeout: 15_000 });
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
