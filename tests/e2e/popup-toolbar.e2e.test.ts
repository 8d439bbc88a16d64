/**
 * The toolbar popup as a reader meets it: opened by the browser from its toolbar action, not
 * popup.html in a tab (a tab gives the page a whole window's room and hid that the real popup
 * was crushed to ~200 px). Also makes the README's popup screenshots.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, launch, tabIdOf, type Launched } from './fixtures';
import { openToolbarPopup, type ToolbarPopup } from './toolbar-popup';

const SHOTS = join(ROOT, 'docs/screenshots');
const SAMPLE = '/pages/sample-article.html';
// Real Arabic news articles of the shared corpus, saved to fill the list.
const CORPUS = [
  'albayan-1',
  'assabah-1',
  'bbcarabic-1',
  'beirutobserver-1',
  'cnnarabic-1',
  'lbcgroup-1',
  'sputnikarabic-1',
  'youm7-1',
].map((name) => `/shared/corpus/real/${name}.html`);
const MIN_WIDTH = 380;
const MIN_HEIGHT = 500;
const MIN_ROWS = 6;

let l: Launched;
let front: Page;
beforeAll(async () => {
  // openPopup needs a focused normal window: a visible one (under Xvfb without a display).
  l = await launch({ headless: false });
  front = await l.context.newPage();
  await front.goto(l.server.url(SAMPLE));
});
afterAll(async () => {
  await l?.close();
});

async function withPopup(run: (popup: ToolbarPopup) => Promise<void>): Promise<void> {
  const popup = await openToolbarPopup(l, front);
  try {
    await popup.until(`document.querySelector('.qari-popup[aria-busy="false"]')`);
    await popup.until(`document.fonts.status === 'loaded'`);
    await run(popup);
  } finally {
    await popup.close();
  }
}

/** Save pages to the reading list the way the popup's save button does, through the background. */
async function saveAll(paths: string[]): Promise<void> {
  const ext = await l.extensionPage('options.html');
  for (const path of paths) {
    const tab = await l.context.newPage();
    await tab.goto(l.server.url(path), { waitUntil: 'domcontentloaded' });
    // Some real pages never finish loading offline (their blocked resources): what loaded will do.
    await tab.waitForLoadState('load', { timeout: 10_000 }).catch(() => undefined);
    const tabId = await tabIdOf(l, tab);
    const res = await ext.evaluate(
      (tabId) => chrome.runtime.sendMessage({ type: 'library:saveTab', payload: { tabId } }),
      tabId,
    );
    expect(res, `${path}: ${JSON.stringify(res)}`).toMatchObject({ ok: true });
    await tab.close();
  }
  await ext.close();
}

describe('the toolbar popup', () => {
  it('opens 400 px wide in the bundled UI font, with search focused', async () => {
    await withPopup(async (popup) => {
      const seen = await popup.value<{ w: number; h: number; focus: string; font: boolean }>(
        `({ w: innerWidth, h: innerHeight, focus: document.activeElement?.type ?? '',
            font: [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Sans Arabic'
              && f.status === 'loaded') })`,
      );
      await popup.screenshot(join(SHOTS, 'popup-empty.png'));
      expect(seen.w).toBeGreaterThanOrEqual(MIN_WIDTH);
      expect(seen.h).toBeGreaterThanOrEqual(MIN_HEIGHT);
      expect(seen.font).toBe(true);
      expect(seen.focus).toBe('search');
    });
  });

  it('shows at least six whole rows, and the focused row’s outline whole', async () => {
    await saveAll([SAMPLE, ...CORPUS]);
    await withPopup(async (popup) => {
      await popup.until(`document.querySelectorAll('.qari-row[data-entry-id]').length >= 6`);
      const whole = await popup.value<number>(
        `(() => {
          const list = document.querySelector('.qari-vlist').getBoundingClientRect();
          return [...document.querySelectorAll('.qari-row[data-entry-id]')].filter((r) => {
            const b = r.getBoundingClientRect();
            return b.top >= list.top - 0.5 && b.bottom <= list.bottom + 0.5;
          }).length;
        })()`,
      );
      await popup.screenshot(join(SHOTS, 'popup-list.png'));
      expect(whole).toBeGreaterThanOrEqual(MIN_ROWS);
      // The rows were read by the page's early script (lib/popup/early-read.ts), and the view
      // took that read rather than reading again.
      const early = await popup.value<{ marks: number; left: boolean }>(
        `({ marks: performance.getEntriesByName('qari:popup-early-read').length,
            left: Symbol.for('qari.popup-first-page') in window })`,
      );
      expect(early).toEqual({ marks: 1, left: false });

      await popup.press('ArrowDown');
      await popup.until(`document.activeElement?.classList.contains('qari-row')`);
      // The outline's box (border box grown by its width and offset) inside the list's clip.
      const outline = await popup.value<{ inside: boolean; width: number }>(
        `(() => {
          const row = document.activeElement;
          const s = getComputedStyle(row);
          const grow = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
          const b = row.getBoundingClientRect();
          const list = document.querySelector('.qari-vlist');
          const c = list.getBoundingClientRect();
          const left = c.left + list.clientLeft, right = left + list.clientWidth;
          const top = c.top + list.clientTop, bottom = top + list.clientHeight;
          return { width: parseFloat(s.outlineWidth), inside: b.left - grow >= left - 0.5 &&
            b.right + grow <= right + 0.5 && b.top - grow >= top - 0.5 && b.bottom + grow <= bottom + 0.5 };
        })()`,
      );
      expect(outline.width).toBeGreaterThan(0);
      expect(outline.inside).toBe(true);
    });
  });

  it('shows search results in its own size', async () => {
    await withPopup(async (popup) => {
      await popup.type('مكتبات');
      await popup.until(
        `document.querySelector('.qari-popup[data-query="مكتبات"][aria-busy="false"] mark')`,
      );
      await popup.screenshot(join(SHOTS, 'popup-search.png'));
      expect(await popup.value<number>('innerWidth')).toBeGreaterThanOrEqual(MIN_WIDTH);
    });
  });
});
