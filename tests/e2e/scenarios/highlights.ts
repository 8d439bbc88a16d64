/**
 * Highlights and notes as a reader makes and finds them, the same scenario in every browser: on
 * a real corpus article, a passage selected by dragging the mouse in the reader is highlighted
 * from the selection bar (the article saved first, and said), a double-clicked word with H, a
 * note typed in the panel; Escape pressed twice at once closes the panel and then the reader;
 * search in the list finds the article by a word of the note, saying the match is in a note; the
 * saved article reopened from the list with the page server out of reach shows both at the same
 * words with the note, its Markdown download holds both, and a jump brings the passage into view.
 *
 * What needs the browser's own objects (mouse input, the list page, downloads, going offline) is
 * the host's, written by each browser's test file (../highlights.e2e.test.ts,
 * ../firefox/highlights.e2e.test.ts): the driver (./driver.ts) has none of it.
 */
import { until, type Surface } from './driver';
import { msg } from './text';

export const BBC = '/shared/corpus/real/bbcarabic-1.html';
/** Distinctive words of the article's title, for finding its row. */
export const KEY = 'آرون بوشنيل';
// A passage of the article, selected by dragging from its first letter to its last.
const PASSAGE = 'آرون بوشنل في أورليانز';
/** A word of the article, double-clicked and highlighted with H. */
export const WORD = 'الأحد';
/** A note whose word the article never writes: search can find it only in the note. */
export const NOTE = 'زنبقة: عد إلى هذه الفقرة';
export const NOTE_WORD = 'زنبقة';
export { msg };

// How long the reader's page is kept busy while Escape is pressed twice.
const BUSY_MS = 400;
// How long the letters of a passage may take to settle in the view after scrolling to them.
const MEASURE_MS = 5_000;

export interface Point {
  x: number;
  y: number;
}

/** A tab showing an article (the reader's overlay, or the saved page), driven as a reader does. */
export interface ArticleTab {
  /** Where the article is: the reader's frame, or the saved page itself. */
  view: Surface;
  /** Where `view`'s top-left corner is on the tab's page. */
  offset(): Promise<Point>;
  /** Press the mouse at `from`, move to `to`, release (page coordinates, trusted input). */
  drag(from: Point, to: Point): Promise<void>;
  dblclick(at: Point): Promise<void>;
  clickAt(at: Point): Promise<void>;
  /** A key as a person presses it, to whatever has the focus. */
  press(key: string): Promise<void>;
  /** Two presses of `key` sent together: the second sent before the first is handled. */
  pressTwice(key: string): Promise<void>;
  /** Text typed into the focused element. */
  type(text: string): Promise<void>;
  /** How many reader overlays the tab's page has. */
  readerCount(): Promise<number>;
  /** The file that `click` makes the browser download: its name and text. */
  download(click: () => Promise<void>): Promise<{ name: string; text: string }>;
  close(): Promise<void>;
}

export interface HighlightsHost {
  url(path: string): string;
  /** A tab at `url` with the reader opened from the page's button, its article in. */
  openReader(url: string): Promise<ArticleTab>;
  /**
   * The list page searched for `query` as a reader types it: the text of the first row once the
   * results are in.
   */
  searchList(query: string): Promise<string>;
  /**
   * The list page opened, the page server taken out of the browser's reach, then the saved
   * article whose row holds `key` opened by a click; `online` gives the network back where the
   * browser can.
   */
  openFromListOffline(key: string): Promise<{ tab: ArticleTab; online(): Promise<void> }>;
  /** A screenshot of the tab for the README, where the host makes one. */
  shot?(tab: ArticleTab, name: string): Promise<void>;
}

/** What the scenario leaves for the tests after it (the browser's own): the selected passage. */
export interface Marked {
  selected: string;
}

/**
 * The page coordinates of the outer edges of `phrase`'s first and last letters in the view's
 * article (right of the first and left of the last, in right-to-left text), scrolled into view.
 * Measured after the browser has laid out the scroll, and again until two measurements agree and
 * both letters are inside the view: Firefox runs twice got the letters off the viewport right
 * after the reader opened (the drag refused), the second time for 5 s of scrolling to them.
 */
async function phraseEnds(tab: ArticleTab, phrase: string): Promise<[Point, Point]> {
  let previous = '';
  let last: unknown = null;
  let warned = false;
  const deadline = Date.now() + MEASURE_MS;
  while (Date.now() < deadline) {
    const ends = await lettersInView(tab.view, phrase);
    if (!ends) throw new Error(`the article does not hold «${phrase}»`);
    last = ends;
    if (ends.scroll && !warned) {
      warned = true;
      console.warn(
        `«${phrase}» was off the view after scrolling to it: ${JSON.stringify(ends.scroll)}`,
      );
    }
    const key = JSON.stringify([ends.from, ends.to]);
    if (ends.inView && key === previous) {
      const o = await tab.offset();
      return [
        { x: ends.from.x + o.x, y: ends.from.y + o.y },
        { x: ends.to.x + o.x, y: ends.to.y + o.y },
      ];
    }
    previous = key;
  }
  throw new Error(
    `«${phrase}» was not steady inside the view within ${MEASURE_MS} ms (last: ${JSON.stringify(last)})`,
  );
}

/**
 * The view's coordinates of `phrase`'s outer letter edges, two frames after scrolling to it; and,
 * when they are not inside the view, what the view's scroll was (a fresh-clone Firefox run twice
 * found them off the view after scrolling to them, the document at its very end: the next failure
 * names where the scroll was and what had the focus).
 */
const lettersInView = (
  view: Surface,
  phrase: string,
): Promise<{ from: Point; to: Point; inView: boolean; scroll?: unknown } | null> =>
  view.evaluate(async (phrase) => {
    const root = document.querySelector('.qari-content')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(phrase);
      if (at < 0) continue;
      const text = n as Text;
      const rectOf = (i: number) => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getBoundingClientRect();
      };
      const inside = (r: DOMRect) =>
        r.width > 0 &&
        r.left >= 0 &&
        r.right <= innerWidth &&
        r.top >= 0 &&
        r.bottom <= innerHeight;
      text.parentElement!.scrollIntoView({ block: 'center' });
      const scrolledTo = scrollY;
      await frames();
      let first = rectOf(at);
      let last = rectOf(at + phrase.length - 1);
      let scroll: unknown;
      if (!(inside(first) && inside(last))) {
        const el = document.scrollingElement!;
        const active = document.activeElement;
        scroll = {
          scrolledTo,
          now: scrollY,
          max: el.scrollHeight - innerHeight,
          innerHeight,
          active: active && `${active.tagName}.${active.className}`,
          focus: document.hasFocus(),
          hash: location.hash.replace(/t=[^&]*/, 't=…'),
        };
        // The same place, scrolled to by its own offset rather than by the element's.
        el.scrollTop += first.top - innerHeight / 2;
        await frames();
        first = rectOf(at);
        last = rectOf(at + phrase.length - 1);
      }
      return {
        from: { x: first.right - 1, y: first.top + first.height / 2 },
        to: { x: last.left + 1, y: last.top + last.height / 2 },
        inView: inside(first) && inside(last),
        ...(scroll ? { scroll } : {}),
      };
    }
    return null;
  }, phrase);

/** The words each painted highlight covers, by colour, in the article's order. */
const painted = (view: Surface): Promise<Record<string, string>> =>
  view.evaluate(() => {
    const out: Record<string, string> = {};
    for (const m of Array.from(document.querySelectorAll<HTMLElement>('mark.qari-hl'))) {
      const colour = m.className.replace(/.*qari-hl-(\w+).*/, '$1');
      out[colour] = (out[colour] ?? '') + m.textContent;
    }
    return out;
  });

const hasStatus = (view: Surface, text: string): Promise<boolean> =>
  view.evaluate(
    (t) =>
      [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes(t)),
    text,
  );

// Shown: laid out (the selection bar and the panels are fixed, so offsetParent would not do).
const visibleCount = (view: Surface, selector: string): Promise<number> =>
  view.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => e.getClientRects().length > 0)
        .length,
    selector,
  );

async function openPanel(tab: ArticleTab): Promise<void> {
  await tab.view.click('#qari-highlights-toggle');
  await until('the highlights panel shown', () => visibleCount(tab.view, '#qari-highlights'), 1);
}

/** Define the highlights scenarios; `host` is the suite's browser, launched in its beforeAll. */
export function highlightsScenarios(host: () => HighlightsHost, marked: Marked): void {
  it('highlights a mouse selection and a word with H in the reader, saving the article first, keeps a note, and closes the panel then the reader with Escape pressed twice at once', async () => {
    const h = host();
    const tab = await h.openReader(h.url(BBC));
    const [from, to] = await phraseEnds(tab, PASSAGE);
    await tab.drag(from, to);
    marked.selected = await tab.view.evaluate(() => getSelection()!.toString().trim());
    expect(marked.selected, 'the drag selected the passage').toContain('بوشنل في');
    await until(
      'the selection bar',
      () => visibleCount(tab.view, `[role="toolbar"][aria-label="${msg('readerHlToolbar')}"]`),
      1,
    );
    await tab.view.click(`[role="toolbar"] [aria-label="${msg('readerHlGreen')}"]`);
    await until(
      'the saved-first notice',
      () => hasStatus(tab.view, msg('readerHlSavedFirst')),
      true,
    );
    await until(
      'the green highlight',
      async () => (await painted(tab.view)).green,
      marked.selected,
    );

    const [w, wEnd] = await phraseEnds(tab, WORD);
    await tab.dblclick({ x: (w.x + wEnd.x) / 2, y: w.y });
    await until(
      'the double-clicked word selected',
      () => tab.view.evaluate(() => getSelection()!.toString().trim()),
      WORD,
    );
    await tab.press('h');
    await until('the yellow highlight', async () => (await painted(tab.view)).yellow, WORD);

    await openPanel(tab);
    const index = await tab.view.evaluate(
      (sel) =>
        [...document.querySelectorAll('#qari-highlights ol > li')].findIndex((li) =>
          li.querySelector('blockquote')?.textContent?.includes(sel),
        ),
      marked.selected,
    );
    expect(index, 'the passage listed in the panel').toBeGreaterThanOrEqual(0);
    const item = `#qari-highlights ol > li:nth-child(${index + 1})`;
    await tab.view.click(`${item} textarea`);
    await tab.type(NOTE);
    // The save button shows once the note differs from the saved one.
    await tab.view.click(`${item} .qari-hl-actions button.qari-button`);
    await until('the note saved', () => hasStatus(tab.view, msg('readerHlNoteSaved')), true);
    // The first Escape closes the panel, the second the reader, even when both reach the reader
    // one right after the other: its page busy for a moment (a loaded machine) keeps both
    // presses waiting, then handles them before it paints again.
    await tab.view.evaluate((ms) => {
      setTimeout(() => {
        const end = performance.now() + ms;
        while (performance.now() < end);
      });
    }, BUSY_MS);
    await tab.pressTwice('Escape');
    await until('the reader closed by the second Escape', () => tab.readerCount(), 0);
    await tab.close();
  });

  it('finds the article in the list by a word of its note, saying the match is in a note', async () => {
    const row = await host().searchList(NOTE_WORD);
    expect(row).toContain(msg('popupInNote'));
    expect(row).toContain(NOTE_WORD);
  });

  it('shows both highlights at the same words with the note, reopened from the list offline, and downloads them as Markdown', async () => {
    const h = host();
    const { tab, online } = await h.openFromListOffline(KEY);
    try {
      await until('both highlights painted', () => painted(tab.view), {
        yellow: WORD,
        green: marked.selected,
      });
      await openPanel(tab);
      const listed = await tab.view.evaluate(() =>
        [...document.querySelectorAll('#qari-highlights li')].map((li) => ({
          quote: li.querySelector('blockquote')?.textContent ?? '',
          note: li.querySelector('textarea')?.value ?? '',
        })),
      );
      // Reading order: «الأحد» comes before the passage in the article.
      expect(listed).toEqual([
        { quote: WORD, note: '' },
        { quote: marked.selected, note: NOTE },
      ]);
      await tab.view.evaluate(() =>
        document.querySelector('mark.qari-hl-green')!.scrollIntoView({ block: 'center' }),
      );
      await h.shot?.(tab, 'highlights');

      const md = await tab.download(() => tab.view.click('.qari-hl-export button:last-child'));
      expect(md.name).toMatch(/^qari-highlights-\d{4}-\d{2}-\d{2}\.md$/);
      // Each quote a blockquote line, the note under it.
      expect(md.text).toContain(`> \u200F${marked.selected.replace(/\s+/g, ' ')}`);
      expect(md.text).toContain(`> \u200F${WORD}`);
      expect(md.text).toContain(`\u200F**${msg('readerHlMdNote')}:** ${NOTE}`);

      // «اذهب إليه» on the passage brings its words into view.
      await tab.view.evaluate(() => scrollTo(0, 0));
      await tab.view.click(
        '#qari-highlights ol > li:nth-child(2) .qari-hl-actions button.qari-button',
      );
      await until(
        'the passage scrolled into view by its jump',
        () =>
          tab.view.evaluate(() => {
            const r = document.querySelector('mark.qari-hl-green')!.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight;
          }),
        true,
      );
      await tab.close();
    } finally {
      await online();
    }
  }, 60_000);
}
