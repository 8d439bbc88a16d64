/**
 * Search in the real toolbar popup finds what a reader types: a word the article writes behind a
 * lone proclitic (بإعارة), the singular of a broken plural it writes (المدارس), a word with one
 * letter wrong (said to be near); and one typed letter asks for a second instead of saying
 * nothing matched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, launch, tabIdOf, type Launched } from './fixtures';
import { openToolbarPopup, type ToolbarPopup } from './toolbar-popup';

const SAMPLE = '/pages/sample-article.html';
const TITLE = 'مكتبات الأحياء';
const MESSAGES = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string) => MESSAGES[key]!.message;
const WAIT_MS = 15_000;

let l: Launched;
let front: Page;
beforeAll(async () => {
  // openPopup needs a focused normal window: a visible one (under Xvfb without a display).
  l = await launch({ headless: false });
  front = await l.context.newPage();
  await front.goto(l.server.url(SAMPLE));
  const ext = await l.extensionPage('options.html');
  const tabId = await tabIdOf(l, front);
  const res = await ext.evaluate(
    (tabId) => chrome.runtime.sendMessage({ type: 'library:saveTab', payload: { tabId } }),
    tabId,
  );
  expect(res, `saving the sample: ${JSON.stringify(res)}`).toMatchObject({ ok: true });
  await ext.close();
});
afterAll(async () => {
  await l?.close();
});

async function withPopup(run: (popup: ToolbarPopup) => Promise<void>): Promise<void> {
  const popup = await openToolbarPopup(l, front);
  try {
    await popup.until(`document.querySelector('.qari-popup[aria-busy="false"]')`, WAIT_MS);
    await run(popup);
  } finally {
    await popup.close();
  }
}

/** Type `query` into the focused search box and wait until its results (or none) are shown. */
async function search(popup: ToolbarPopup, query: string): Promise<string> {
  await popup.type(query);
  await popup.until(
    `document.querySelector('.qari-popup[data-query=${JSON.stringify(query)}][aria-busy="false"]')` +
      ` && (document.querySelector('.qari-row[data-entry-id]') || document.querySelector('.qari-empty'))`,
    WAIT_MS,
  );
  return popup.value<string>(`document.querySelector('.qari-popup')?.textContent ?? ''`);
}

describe('search in the toolbar popup', () => {
  it('finds the article by a word it writes behind a lone proclitic (بإعارة)', async () => {
    await withPopup(async (popup) => {
      expect(await search(popup, 'إعارة الكتب')).toContain(TITLE);
    });
  });

  it('finds the article by the singular of a plural it writes (المدارس)', async () => {
    await withPopup(async (popup) => {
      expect(await search(popup, 'مدرسة')).toContain(TITLE);
    });
  });

  it('shows near results for a word with one letter wrong, and says so', async () => {
    await withPopup(async (popup) => {
      const shown = await search(popup, 'المتطوعبن');
      expect(shown).toContain(TITLE);
      expect(shown).toContain(msg('popupNearResults').replace('$QUERY$', 'المتطوعبن'));
    });
  });

  it('asks for a second letter when one is typed', async () => {
    await withPopup(async (popup) => {
      const shown = await search(popup, 'م');
      expect(shown).toContain(msg('popupSearchTooShort'));
      expect(shown).not.toContain(msg('popupNoResults'));
    });
  });
});
