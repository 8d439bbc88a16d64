/**
 * The reader's own controls, the same scenario in every browser (./driver.ts): moving through
 * the sections by keyboard and by the table of contents with the scroll spy following, Escape
 * giving the page back as it was, and display settings kept for every reader.
 */
import { until, type Driver, type Surface, type Tab } from './driver';
import { SAMPLE, SAMPLE_GOLD as GOLD } from './text';
const TOC_BUTTON = 'nav#qari-toc button';
// Far enough down the sample page that a restored position is not the top by chance.
const PAGE_SCROLL_Y = 400;

const focusedText = (frame: Surface) =>
  frame.evaluate(() => document.activeElement?.textContent?.trim() ?? null);
const currentSection = (frame: Surface) =>
  frame.evaluate(
    () =>
      document.querySelector('nav button[aria-current="location"]')?.textContent?.trim() ?? null,
  );
const theme = (frame: Surface) => frame.evaluate(() => document.documentElement.dataset.theme);

async function openReader(d: Driver, tab: Tab): Promise<Surface> {
  await tab.goto(d.url(SAMPLE));
  const frame = await tab.openReader();
  await until(
    'the table of contents in the reader',
    () => frame.evaluate((sel) => document.querySelectorAll(sel).length, TOC_BUTTON),
    GOLD.sections.length,
  );
  return frame;
}

/** Define the reader scenarios; `driver` is the suite's browser, launched in its beforeAll. */
export function readerScenarios(driver: () => Driver): void {
  it('jumps between sections by keyboard and keeps the address on the current section', async () => {
    const d = driver();
    const tab = await d.newTab();
    const frame = await openReader(d, tab);
    await frame.focus('main');
    await tab.press('j');
    await until('the first section focused', () => focusedText(frame), GOLD.sections[0]);
    await tab.press('j');
    await until('the second section focused', () => focusedText(frame), GOLD.sections[1]);
    await until(
      'the scroll spy on the second section',
      () => currentSection(frame),
      GOLD.sections[1],
    );
    const id = await frame.evaluate(() => document.activeElement?.id ?? '');
    // The address follows the section once the jump settles.
    await until(
      "the frame's address on the section",
      () => frame.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('s')),
      id,
    );
    await tab.press('Alt+ArrowUp');
    await until('the first section focused again', () => focusedText(frame), GOLD.sections[0]);
    await tab.close();
  });

  it('moves to a section picked in the table of contents, the scroll spy following', async () => {
    const d = driver();
    const tab = await d.newTab();
    const frame = await openReader(d, tab);
    const last = GOLD.sections.length - 1;
    await frame.click(`nav#qari-toc li:nth-child(${last + 1}) > button`);
    await until('the picked section focused', () => focusedText(frame), GOLD.sections[last]);
    await until(
      'the scroll spy on the picked section',
      () => currentSection(frame),
      GOLD.sections[last],
    );
    expect(await frame.evaluate(() => document.scrollingElement!.scrollTop)).toBeGreaterThan(0);
    await tab.close();
  });

  it('closes with Escape and gives the page back where it was', async () => {
    const d = driver();
    const tab = await d.newTab();
    await tab.goto(d.url(SAMPLE));
    await tab.evaluate((y) => window.scrollTo(0, y), PAGE_SCROLL_Y);
    // Where it landed (Firefox rounds to its device pixels), well down the page.
    const y = await tab.evaluate(() => scrollY);
    expect(y).toBeGreaterThan(PAGE_SCROLL_Y / 2);
    const frame = await tab.openReader();
    await until(
      'the article in the reader',
      () => frame.evaluate(() => !!document.querySelector('article.qari-article h1')),
      true,
    );
    await frame.focus('main');
    await tab.press('Escape');
    await until('the overlay to leave the page', () => tab.readerCount(), 0);
    expect(await tab.evaluate(() => scrollY)).toBe(y);
    expect(await tab.evaluate(() => document.querySelector('h1')?.textContent ?? '')).toContain(
      GOLD.title.split(' ')[0],
    );
    await tab.close();
  });

  it('keeps display settings in storage, the same in every reader', async () => {
    const d = driver();
    const a = await d.newTab();
    const fa = await openReader(d, a);
    await fa.click('#qari-settings-toggle');
    await fa.click('input[name="qari-theme"][value="dark"]');
    await until('the dark theme', () => theme(fa), 'dark');
    const size = await fa.evaluate(
      () => (document.getElementById('qari-font-size') as HTMLInputElement).value,
    );
    await fa.focus('#qari-font-size');
    await a.press('ArrowUp');
    const bigger = String(Number(size) + 1);
    await until(
      'a larger font size',
      () =>
        fa.evaluate(() => (document.getElementById('qari-font-size') as HTMLInputElement).value),
      bigger,
    );
    const b = await d.newTab();
    const fb = await openReader(d, b);
    await until('the dark theme in a new reader', () => theme(fb), 'dark');
    expect(
      await fb.evaluate(
        () => (document.getElementById('qari-font-size') as HTMLInputElement).value,
      ),
    ).toBe(bigger);
    // A change in one reader reaches the other already open.
    await fb.click('#qari-settings-toggle');
    await fb.click('input[name="qari-theme"][value="sepia"]');
    await until('the sepia theme in the first reader', () => theme(fa), 'sepia');
    // Back to the defaults, for the scenarios after this one.
    await fb.click('input[name="qari-theme"][value="system"]');
    await fb.focus('#qari-font-size');
    await b.press('ArrowDown');
    await until(
      'the font size back',
      () =>
        fa.evaluate(() => (document.getElementById('qari-font-size') as HTMLInputElement).value),
      size,
    );
    await a.close();
    await b.close();
  });
}
