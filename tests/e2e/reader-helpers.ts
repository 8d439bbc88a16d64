import type { Frame, Page } from 'playwright-core';

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
