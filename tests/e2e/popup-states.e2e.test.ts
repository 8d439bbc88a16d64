/**
 * The list's states in the toolbar popup as the browser opens it (issue 15, item 7): one reading
 * state per row, the count line names its filter, archiving keeps the reading time in the row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, launch, tabIdOf, type Launched } from './fixtures';
import { openToolbarPopup, type ToolbarPopup } from './toolbar-popup';

const SHOTS = join(ROOT, 'docs/screenshots');
const MESSAGES = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string) => MESSAGES[key]!.message;
const PAGES = ['albayan-1', 'bbcarabic-1', 'cnnarabic-1', 'youm7-1'].map(
  (name) => `/shared/corpus/real/${name}.html`,
);

let l: Launched;
let front: Page;
beforeAll(async () => {
  l = await launch({ headless: false });
  front = await l.context.newPage();
  await front.goto(l.server.url('/pages/sample-article.html'));
});
afterAll(async () => {
  await l?.close();
});

async function saveAll(paths: string[]): Promise<number[]> {
  const ext = await l.extensionPage('options.html');
  const ids: number[] = [];
  for (const path of paths) {
    const tab = await l.context.newPage();
    await tab.goto(l.server.url(path), { waitUntil: 'domcontentloaded' });
    // Saved as a reader saves: once the page has loaded (youm7-1's `load` never fires: bounded).
    await tab.waitForLoadState('load', { timeout: 10_000 }).catch(() => undefined);
    const tabId = await tabIdOf(l, tab);
    const res = (await ext.evaluate(
      (tabId) => chrome.runtime.sendMessage({ type: 'library:saveTab', payload: { tabId } }),
      tabId,
    )) as { ok: boolean; entry: { id: number } };
    expect(res, `${path}: ${JSON.stringify(res)}`).toMatchObject({ ok: true });
    ids.push(res.entry.id);
    await tab.close();
  }
  await ext.close();
  return ids;
}

async function setProgress(id: number, progress: number): Promise<void> {
  const ext = await l.extensionPage('options.html');
  const res = await ext.evaluate(
    (p) => chrome.runtime.sendMessage({ type: 'library:setProgress', payload: p }),
    { id, progress },
  );
  expect(res, JSON.stringify(res)).toMatchObject({ ok: true });
  await ext.close();
}

interface RowSeen {
  text: string;
  timeInside: boolean;
}

const rowsSeen = (popup: ToolbarPopup) =>
  popup.value<Record<string, RowSeen>>(
    `Object.fromEntries([...document.querySelectorAll('.qari-row[data-entry-id]')].map((r) => {
      const meta = r.querySelector('.qari-row-meta');
      const m = meta.getBoundingClientRect();
      // The reading time's span: the one whose text ends with the words of a reading time.
      const time = [...meta.children].find((c) => /قراءة/.test(c.textContent));
      const t = time ? time.getBoundingClientRect() : null;
      return [r.dataset.entryId, { text: r.textContent,
        timeInside: !!t && t.width > 0 && t.left >= m.left - 0.5 && t.right <= m.right + 0.5
          && t.top >= m.top - 0.5 && t.bottom <= m.bottom + 0.5 }];
    }))`,
  );

describe('the list’s states in the toolbar popup', () => {
  it('shows one state per row, keeps the reading time when archived, and counts per filter', async () => {
    const [inProgress, archived] = await saveAll(PAGES);
    await setProgress(inProgress!, 0.8);
    const popup = await openToolbarPopup(l, front);
    try {
      await popup.until(`document.querySelector('.qari-popup[aria-busy="false"]')`);
      await popup.until(`document.querySelectorAll('.qari-row[data-entry-id]').length === 4`);
      await popup.click(`.qari-row[data-entry-id="${archived}"] .qari-row-actions button`);
      await popup.until(
        `document.querySelector('.qari-row[data-entry-id="${archived}"] .qari-state-archived')`,
      );
      await popup.value(`document.activeElement?.blur()`);
      await popup.screenshot(join(SHOTS, 'popup-states.png'));
      const rows = await rowsSeen(popup);
      const progress = msg('popupStateProgress').replace('$COUNT$', '٨٠٪');
      expect(rows[inProgress!]!.text).toContain(progress);
      expect(rows[archived!]!.text).toContain(msg('popupStateArchived'));
      for (const [id, row] of Object.entries(rows)) {
        const unread = row.text.includes(msg('popupStateUnread'));
        expect({ id, both: unread && row.text.includes(msg('popupStateArchived')) }).toEqual({
          id,
          both: false,
        });
        expect({ id, both: unread && row.text.includes(progress) }).toEqual({ id, both: false });
        expect({ id, timeInside: row.timeInside }).toEqual({ id, timeInside: true });
      }

      await popup.click(`.qari-filter:nth-child(3)`);
      await popup.until(
        `document.querySelector('.qari-popup[data-filter="archived"][aria-busy="false"]')`,
      );
      await popup.until(`document.querySelectorAll('.qari-row[data-entry-id]').length === 1`);
      await popup.until(`document.querySelector('.qari-count').textContent !== ''`);
      expect(await popup.value<string>(`document.querySelector('.qari-count').textContent`)).toBe(
        `${msg('popupFilterArchived')}: ١`,
      );
    } finally {
      await popup.close();
    }
  });
});
