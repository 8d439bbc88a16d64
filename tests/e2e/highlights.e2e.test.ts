/**
 * Highlights and notes as a reader makes and finds them, in Chromium with the built extension:
 * on a real corpus article, a passage selected with the mouse in the reader is highlighted from
 * the selection bar (the article saved first, and said), H highlights a double-clicked word, a
 * note is typed in the panel; the saved article reopened from the list offline shows both at
 * the same words with the note; the toolbar popup marks the article and finds it by the note,
 * saying the match is in a note; the Markdown export holds the quote and the note, and so do
 * the options page's exports of every article's highlights (Markdown and JSON); a backup
 * restored into a new profile shows them again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT, launch, type Launched } from './fixtures';
import { READER_HOST, openReaderFromButton, readerFrame } from './reader-helpers';
import { openToolbarPopup } from './toolbar-popup';
import { surface } from './scenarios/chromium';
import {
  BBC,
  KEY,
  NOTE,
  NOTE_WORD,
  WORD,
  highlightsScenarios,
  msg,
  type ArticleTab,
  type HighlightsHost,
  type Marked,
} from './scenarios/highlights';

const SHOTS = join(ROOT, 'docs/screenshots');
const WAIT_MS = 15_000;
// The keys the scenarios press twice, with the key codes Chromium's events carry.
const KEY_CODES: Record<string, number> = { Escape: 27 };

let l: Launched;
let backup = '';
const marked: Marked = { selected: '' };
beforeAll(async () => {
  // The toolbar popup needs a focused normal window: a visible one (under Xvfb).
  l = await launch({ headless: false });
});
afterAll(async () => {
  await l?.close();
});

/** The words each painted highlight covers, by colour, in the article's order. */
function painted(frame: Frame | Page): Promise<Record<string, string>> {
  return frame.evaluate(() => {
    const out: Record<string, string> = {};
    for (const m of Array.from(document.querySelectorAll<HTMLElement>('mark.qari-hl'))) {
      const colour = m.className.replace(/.*qari-hl-(\w+).*/, '$1');
      out[colour] = (out[colour] ?? '') + m.textContent;
    }
    return out;
  });
}

/** Open the saved article from the list page (popup.html in a tab), as a reader clicks it. */
async function openFromList(ll: Launched, key = KEY): Promise<Page> {
  const list = await ll.extensionPage('popup.html');
  const row = list.getByRole('listitem').filter({ hasText: key });
  await row.waitFor({ timeout: WAIT_MS });
  const [page] = await Promise.all([
    ll.context.waitForEvent('page'),
    row.getByRole('link').click(),
  ]);
  await page.locator('.qari-content p').first().waitFor({ timeout: WAIT_MS });
  await list.close();
  return page;
}

async function openPanel(at: Page | Frame): Promise<void> {
  await at.locator('#qari-highlights-toggle').click();
  await at.locator('#qari-highlights').waitFor({ state: 'visible', timeout: WAIT_MS });
}

// Each scenario tab's page, for the README's screenshot.
const pages = new WeakMap<ArticleTab, Page>();

function articleTab(page: Page, view: Page | Frame): ArticleTab {
  const tab: ArticleTab = {
    view: surface(view),
    async offset() {
      if (view === page) return { x: 0, y: 0 };
      const box = await (await (view as Frame).frameElement()).boundingBox();
      if (!box) throw new Error('the reader frame has no box');
      return box;
    },
    async drag(from, to) {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 8 });
      await page.mouse.up();
    },
    dblclick: (at) => page.mouse.dblclick(at.x, at.y),
    clickAt: (at) => page.mouse.click(at.x, at.y),
    press: (key) => page.keyboard.press(key),
    // Playwright's keyboard waits for each key's handling; the protocol's own events, sent
    // together, do not (both are trusted input all the same).
    async pressTwice(key) {
      const cdp = await page.context().newCDPSession(page);
      const event = (type: 'keyDown' | 'keyUp') =>
        cdp.send('Input.dispatchKeyEvent', {
          type,
          key,
          code: key,
          windowsVirtualKeyCode: KEY_CODES[key],
        });
      try {
        await Promise.all([event('keyDown'), event('keyUp'), event('keyDown'), event('keyUp')]);
      } finally {
        await cdp.detach();
      }
    },
    type: (text) => page.keyboard.insertText(text),
    readerCount: () => page.locator(READER_HOST).count(),
    async download(click) {
      const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: WAIT_MS }),
        click(),
      ]);
      return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
    },
    close: () => page.close(),
  };
  pages.set(tab, page);
  return tab;
}

const host: HighlightsHost = {
  url: (path) => l.server.url(path),
  async openReader(url) {
    const page = await l.context.newPage();
    await page.goto(url);
    await openReaderFromButton(page);
    const frame = await readerFrame(page);
    await frame.locator('.qari-content p').first().waitFor({ timeout: WAIT_MS });
    return articleTab(page, frame);
  },
  async searchList(query) {
    const list = await l.extensionPage('popup.html');
    try {
      await list.locator('#qari-search').fill(query);
      const row = list.locator(
        `.qari-popup[data-query=${JSON.stringify(query)}][aria-busy="false"] .qari-row[data-entry-id]`,
      );
      await row.first().waitFor({ timeout: WAIT_MS });
      return (await row.first().textContent()) ?? '';
    } finally {
      await list.close();
    }
  },
  async openFromListOffline(key) {
    const blocked = (route: { abort: (code?: string) => Promise<void> }) =>
      route.abort('internetdisconnected');
    const online = async () => {
      await l.context.setOffline(false);
      await l.context.unroute(/^https?:/, blocked);
    };
    await l.context.route(/^https?:/, blocked);
    await l.context.setOffline(true);
    try {
      const page = await openFromList(l, key);
      return { tab: articleTab(page, page), online };
    } catch (e) {
      await online();
      throw e;
    }
  },
  // The README's picture: the panel beside the passage and its colour.
  shot: async (tab, name) => {
    await pages.get(tab)?.screenshot({ path: join(SHOTS, `${name}.png`) });
  },
};

describe('highlights and notes in Chromium', () => {
  highlightsScenarios(() => host, marked);

  it('marks the article in the toolbar popup and finds it by a word of its note, saying so', async () => {
    const front = await l.context.newPage();
    await front.goto(l.server.url(BBC));
    const popup = await openToolbarPopup(l, front);
    try {
      await popup.until(`document.querySelector('.qari-popup[aria-busy="false"]')`, WAIT_MS);
      await popup.until(`document.querySelector('.qari-row .qari-hl-mark')`, WAIT_MS);
      await popup.type(NOTE_WORD);
      await popup.until(
        `document.querySelector('.qari-popup[data-query=${JSON.stringify(NOTE_WORD)}][aria-busy="false"] .qari-row[data-entry-id]')`,
        WAIT_MS,
      );
      const snippet = await popup.value<string>(
        `document.querySelector('.qari-row .qari-row-snippet')?.textContent ?? ''`,
      );
      expect(snippet).toContain(msg('popupInNote'));
      expect(snippet).toContain(NOTE_WORD);
    } finally {
      await popup.close();
      await front.close();
    }
  });

  it("exports every article's highlights from the options page as Markdown and as W3C Web Annotation JSON", async () => {
    const options = await l.extensionPage('options.html');
    try {
      const exportFile = async (button: string): Promise<[string, string]> => {
        const [download] = await Promise.all([
          options.waitForEvent('download', { timeout: WAIT_MS }),
          options.getByRole('button', { name: msg(button) }).click(),
        ]);
        return [download.suggestedFilename(), readFileSync(await download.path(), 'utf8')];
      };
      const [mdName, md] = await exportFile('optionsHighlightsMarkdown');
      expect(mdName).toMatch(/^qari-highlights-all-\d{4}-\d{2}-\d{2}\.md$/);
      // The status counts in the UI's digits: two highlights from one article.
      await options
        .getByRole('status')
        .filter({ hasText: msg('optionsHighlightsDone').replace('$1', '٢').replace('$2', '١') })
        .waitFor({ timeout: WAIT_MS });
      expect(md).toMatch(new RegExp(`^# \u200F.*${KEY.split(' ')[1]}`));
      expect(md).toContain(`](<${l.server.url(BBC)}>)`);
      expect(md).toContain(`> \u200F${marked.selected.replace(/\s+/g, ' ')}`);
      expect(md).toContain(`> \u200F${WORD}`);
      expect(md).toContain(`\u200F**${msg('readerHlMdNote')}:** ${NOTE}`);

      const [jsonName, text] = await exportFile('optionsHighlightsJson');
      expect(jsonName).toMatch(/^qari-highlights-all-\d{4}-\d{2}-\d{2}\.json$/);
      const json = JSON.parse(text) as {
        format: string;
        articles: {
          url: string;
          annotations: {
            type: string;
            body: { value: string }[];
            target: { source: string; selector: { type: string; exact?: string }[] };
          }[];
        }[];
      };
      expect(json.format).toBe('qari-highlights');
      expect(json.articles).toHaveLength(1);
      const [article] = json.articles;
      expect(article!.url).toBe(l.server.url(BBC));
      expect(article!.annotations.map((a) => a.target.selector[0]!.exact)).toEqual([
        WORD,
        marked.selected,
      ]);
      expect(article!.annotations[1]!.body[0]!.value).toBe(NOTE);
      expect(article!.annotations[1]!.target.selector.map((s) => s.type)).toEqual([
        'TextQuoteSelector',
        'TextPositionSelector',
      ]);
      await options
        .locator('.qari-highlights-export')
        .screenshot({ path: join(SHOTS, 'highlights-export.png') });
    } finally {
      await options.close();
    }
  });

  it('exports a backup that, restored into a new profile, shows the highlights and the note again', async () => {
    const options = await l.extensionPage('options.html');
    const [download] = await Promise.all([
      options.waitForEvent('download', { timeout: WAIT_MS }),
      options.getByRole('button', { name: msg('optionsExport') }).click(),
    ]);
    backup = await download.path();
    await options.close();

    const fresh = await launch({ server: l.server });
    try {
      const restore = await fresh.extensionPage('options.html');
      await restore.locator('input[type=file]').setInputFiles(backup);
      await restore
        .getByRole('status')
        .filter({ hasText: 'تم الاستيراد: ١ جديدة' })
        .waitFor({ timeout: WAIT_MS });
      await restore.close();
      const page = await openFromList(fresh);
      await page.locator('mark.qari-hl-green').first().waitFor({ timeout: WAIT_MS });
      expect(await painted(page)).toEqual({ green: marked.selected, yellow: WORD });
      await openPanel(page);
      await expect(
        page.locator('#qari-highlights li').nth(1).locator('textarea').inputValue(),
      ).resolves.toBe(NOTE);
    } finally {
      await fresh.close();
    }
  });
});
