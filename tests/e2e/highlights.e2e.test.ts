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

const BBC = '/shared/corpus/real/bbcarabic-1.html';
const KEY = 'آرون بوشنيل';
// A passage of the article, selected by dragging from its first letter to its last.
const PASSAGE = 'آرون بوشنل في أورليانز';
// A word of the article, double-clicked and highlighted with H.
const WORD = 'الأحد';
// A note whose word the article never writes: search can find it only in the note.
const NOTE = 'زنبقة: عد إلى هذه الفقرة';
const NOTE_WORD = 'زنبقة';
const SHOTS = join(ROOT, 'docs/screenshots');
const WAIT_MS = 15_000;
const MESSAGES = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string) => MESSAGES[key]!.message;

let l: Launched;
let backup = '';
let markdown = '';
beforeAll(async () => {
  // The toolbar popup needs a focused normal window: a visible one (under Xvfb).
  l = await launch({ headless: false });
});
afterAll(async () => {
  await l?.close();
});

type Point = { x: number; y: number };

/**
 * Where, on the page, the first and last letters of `phrase` are in the frame's article: the
 * outer edge of each (right of the first and left of the last, in right-to-left text), scrolled
 * into view first.
 */
async function phraseEnds(page: Page, frame: Frame, phrase: string): Promise<[Point, Point]> {
  const ends = await frame.evaluate((phrase) => {
    const root = document.querySelector('.qari-content')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(phrase);
      if (at < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      const rectOf = (i: number) => {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        return r.getBoundingClientRect();
      };
      const first = rectOf(at);
      const last = rectOf(at + phrase.length - 1);
      return [
        { x: first.right - 1, y: first.top + first.height / 2 },
        { x: last.left + 1, y: last.top + last.height / 2 },
      ];
    }
    return null;
  }, phrase);
  if (!ends) throw new Error(`the reader's article does not hold «${phrase}»`);
  const box = await (await frame.frameElement()).boundingBox();
  if (!box) throw new Error('the reader frame has no box');
  const shift = (p: Point) => ({ x: p.x + box.x, y: p.y + box.y });
  return [shift(ends[0]!), shift(ends[1]!)];
}

/** The words each painted highlight covers, by colour, in the article's order. */
function marked(frame: Frame | Page): Promise<Record<string, string>> {
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
async function openFromList(ll: Launched): Promise<Page> {
  const list = await ll.extensionPage('popup.html');
  const row = list.getByRole('listitem').filter({ hasText: KEY });
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

describe('highlights and notes in Chromium', () => {
  let selected = '';

  it('highlights a mouse selection and a word with H in the reader, saving the article first, and keeps a note', async () => {
    const page = await l.context.newPage();
    await page.goto(l.server.url(BBC));
    await openReaderFromButton(page);
    const frame = await readerFrame(page);
    await frame.locator('.qari-content p').first().waitFor({ timeout: WAIT_MS });

    const [from, to] = await phraseEnds(page, frame, PASSAGE);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    selected = await frame.evaluate(() => getSelection()!.toString().trim());
    expect(selected, 'the drag selected the passage').toContain('بوشنل في');
    const bar = frame.getByRole('toolbar', { name: msg('readerHlToolbar') });
    await bar.waitFor({ timeout: WAIT_MS });
    await bar.getByRole('button', { name: msg('readerHlGreen') }).click();
    await frame
      .getByRole('status')
      .filter({ hasText: msg('readerHlSavedFirst') })
      .waitFor({ timeout: WAIT_MS });
    await frame.locator('mark.qari-hl-green').first().waitFor({ timeout: WAIT_MS });
    expect((await marked(frame)).green).toBe(selected);

    const [w] = await phraseEnds(page, frame, WORD);
    const [, wEnd] = await phraseEnds(page, frame, WORD);
    await page.mouse.dblclick((w.x + wEnd.x) / 2, w.y);
    await expect(frame.evaluate(() => getSelection()!.toString().trim())).resolves.toBe(WORD);
    await page.keyboard.press('h');
    await frame.locator('mark.qari-hl-yellow').first().waitFor({ timeout: WAIT_MS });
    expect((await marked(frame)).yellow).toBe(WORD);

    await openPanel(frame);
    const item = frame.locator('#qari-highlights li').filter({ hasText: selected });
    await item.locator('textarea').click();
    await page.keyboard.insertText(NOTE);
    await item.getByRole('button', { name: msg('readerHlNoteSave') }).click();
    await frame
      .getByRole('status')
      .filter({ hasText: msg('readerHlNoteSaved') })
      .waitFor({ timeout: WAIT_MS });
    // Esc closes the panel; the close button, the reader.
    await page.keyboard.press('Escape');
    await frame.locator('#qari-highlights').waitFor({ state: 'hidden', timeout: WAIT_MS });
    await frame.getByRole('button', { name: msg('readerClose') }).click();
    await expect
      .poll(() => page.locator(READER_HOST).count(), {
        timeout: WAIT_MS,
        message: 'the reader closed by its close button',
      })
      .toBe(0);
    await page.close();
  });

  it('shows both highlights at the same words with the note, reopened from the list offline, and exports them as Markdown', async () => {
    const blocked = (route: { abort: (code?: string) => Promise<void> }) =>
      route.abort('internetdisconnected');
    await l.context.route(/^https?:/, blocked);
    await l.context.setOffline(true);
    try {
      const page = await openFromList(l);
      await page.locator('mark.qari-hl-green').first().waitFor({ timeout: WAIT_MS });
      expect(await marked(page)).toEqual({ green: selected, yellow: WORD });
      await openPanel(page);
      const items = page.locator('#qari-highlights li');
      // Reading order: «الأحد» comes before the passage in the article.
      await expect(items.locator('blockquote').allTextContents()).resolves.toEqual([
        WORD,
        selected,
      ]);
      await expect(items.nth(1).locator('textarea').inputValue()).resolves.toBe(NOTE);
      // The README's picture: the panel beside the passage and its colour.
      await page.evaluate(() =>
        document.querySelector('mark.qari-hl-green')!.scrollIntoView({ block: 'center' }),
      );
      await page.screenshot({ path: join(SHOTS, 'highlights.png') });

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: WAIT_MS }),
        page.getByRole('button', { name: msg('readerHlDownloadMd') }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^qari-highlights-\d{4}-\d{2}-\d{2}\.md$/);
      markdown = readFileSync(await download.path(), 'utf8');
      // Each quote a blockquote line, the note under it.
      expect(markdown).toContain(`> \u200F${selected.replace(/\s+/g, ' ')}`);
      expect(markdown).toContain(`> \u200F${WORD}`);
      expect(markdown).toContain(`\u200F**${msg('readerHlMdNote')}:** ${NOTE}`);

      // Jumping to a highlight brings its words into view.
      await page.evaluate(() => scrollTo(0, 0));
      await items
        .nth(1)
        .getByRole('button', { name: msg('readerHlJump') })
        .click();
      await expect
        .poll(
          () =>
            page.evaluate(() => {
              const r = document.querySelector('mark.qari-hl-green')!.getBoundingClientRect();
              return r.top >= 0 && r.bottom <= innerHeight;
            }),
          { timeout: WAIT_MS },
        )
        .toBe(true);
      await page.close();
    } finally {
      await l.context.setOffline(false);
      await l.context.unroute(/^https?:/, blocked);
    }
  });

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
      expect(md).toContain(`> \u200F${selected.replace(/\s+/g, ' ')}`);
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
        selected,
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
      expect(await marked(page)).toEqual({ green: selected, yellow: WORD });
      await openPanel(page);
      await expect(
        page.locator('#qari-highlights li').nth(1).locator('textarea').inputValue(),
      ).resolves.toBe(NOTE);
    } finally {
      await fresh.close();
    }
  });
});
