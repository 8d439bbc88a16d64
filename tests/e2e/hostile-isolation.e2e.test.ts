/**
 * Hostile pages whose own scripts go after the reader itself, not its sanitizer, in Chromium: one
 * that navigates the overlay's frame, one that frames or opens the reader's pages itself. Each page
 * is the seed article with the attack added, served with scripts allowed, as a hostile site would.
 * The attacks shared with Firefox (names defined first, a framed reader page fed a forged article,
 * clickjacking) are in ./scenarios/hostile.ts (./hostile-scenarios.e2e.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { SHARED_DIR, launch, type Launched } from './fixtures';
import {
  openReaderFromButton,
  READER_HOST,
  readerFrame,
  readerHostCount,
  waitForReaderToc,
} from './reader-helpers';

const SEED = readFileSync(join(SHARED_DIR, 'fixtures/seed-article.html'), 'utf8');
const GOLD = JSON.parse(
  readFileSync(join(SHARED_DIR, 'fixtures/seed-article.gold.json'), 'utf8'),
) as { title: string };
const SAVE = 'حفظ للقراءة لاحقًا';
const SAVED_NOTICE = 'حُفظت الصفحة في قائمة القراءة.';

/**
 * Navigates any frame that appears in it to its own "session expired" page: through the source
 * of a message from it, and through window.frames as soon as an element is added to the root
 * (`delay` ms later).
 */
const navigatesFrames = (delay: number): string => `<script>
const phish = location.origin + '/hostile/phish.html';
addEventListener('message', (e) => { if (e.source && e.source !== window) e.source.location.href = phish; });
new MutationObserver(() => setTimeout(() => {
  for (let i = 0; i < window.length; i++) window[i].location.href = phish;
}, ${delay})).observe(document.documentElement, { childList: true });
</script>`;

/** Navigates every frame it can reach to its own page when called; how many it reached. */
const NAVIGATES_ON_CALL = `<script>
window.navigateFrames = () => {
  for (let i = 0; i < window.length; i++) window[i].location.href = location.origin + '/hostile/phish.html';
  return window.length;
};
</script>`;

const PHISH = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>انتهت الجلسة</title></head>
<body><h1>انتهت الجلسة</h1><form><input type="password" placeholder="كلمة المرور"></form></body></html>`;

let l: Launched;
beforeAll(async () => {
  l = await launch({ headless: false });
  l.server.routes.set('/hostile/phish.html', (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PHISH);
  });
});
afterAll(async () => {
  await l?.close();
});

/** Serve the seed article at `path` with `head` first in its <head> and `body` at its end. */
function serveSeed(path: string, head: string, body = ''): string {
  l.server.routes.set(path, (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(SEED.replace(/<head>/i, `<head>${head}`).replace(/<\/body>/i, `${body}</body>`));
  });
  return l.server.url(path);
}

/** The heading a reader's page shows (the overlay's or a saved article's), or null after 5 s. */
const titleIn = (frame: Frame | Page) =>
  frame
    .locator('h1')
    .first()
    .textContent({ timeout: 5_000 })
    .then((t) => t?.trim() ?? null)
    .catch(() => null);

/** The reader page's address in this browser session (a dynamic URL: it cannot be guessed). */
async function readerAddress(): Promise<string> {
  const page = await l.context.newPage();
  await page.goto(serveSeed('/hostile/plain.html', ''));
  await openReaderFromButton(page);
  const frame = await waitForReaderToc(page);
  // The iframe's own src, as the extension wrote it (the address a page would have learned).
  const src = await (await frame.frameElement()).evaluate((f) => (f as HTMLIFrameElement).src);
  await page.close();
  expect(src).toMatch(/^chrome-extension:\/\/[^/]+\/reader\.html#/);
  return src.replace(/#.*$/, '');
}

/** Save the seed article from the reader, as a reader does; its entry's id. */
async function saveSeed(): Promise<number> {
  const page = await l.context.newPage();
  await page.goto(serveSeed('/hostile/to-save.html', ''));
  await openReaderFromButton(page);
  const frame = await waitForReaderToc(page);
  await frame.getByRole('button', { name: SAVE }).click();
  const status = frame.getByRole('status').filter({ hasText: SAVED_NOTICE });
  await status.waitFor();
  const href = await status.getByRole('link').getAttribute('href');
  await page.close();
  const id = Number(new URL(href!).searchParams.get('id'));
  expect(id).toBeGreaterThan(0);
  return id;
}

async function entryRead(id: number): Promise<boolean | null> {
  const popup = await l.extensionPage('popup.html');
  const row = popup.locator(`[data-entry-id="${id}"]`);
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  await popup.close();
  return !text.includes('غير مقروءة');
}

describe('a page that goes after the reader itself', () => {
  for (const delay of [0, 1500])
    it(`cannot show its own page in the reader’s frame (navigated ${delay} ms after it appears)`, async () => {
      const page = await l.context.newPage();
      await page.goto(serveSeed(`/hostile/navigates-${delay}.html`, navigatesFrames(delay)));
      await openReaderFromButton(page);
      await page.locator(READER_HOST).waitFor({ state: 'attached' });
      await page.waitForTimeout(delay + 3_000);
      // The page navigated every frame it could reach (its own embeds too): none of those in our
      // overlay's shadow root shows its page, and an overlay still open shows the reader.
      const ours: string[] = [];
      for (const f of page.frames()) {
        const el = await f.frameElement().catch(() => null);
        if (el && (await el.evaluate((e) => e.getRootNode() instanceof ShadowRoot)))
          ours.push(f.url());
      }
      expect(ours.filter((u) => !u.includes('/reader.html'))).toEqual([]);
      if ((await readerHostCount(page)) > 0) {
        expect(ours).toHaveLength(1);
        expect(await titleIn((await readerFrame(page))!)).toBe(GOLD.title);
      }
      await page.close();
    });

  it('navigating the overlay’s frame once the reader shows closes the overlay', async () => {
    const page = await l.context.newPage();
    await page.goto(serveSeed('/hostile/navigates-on-call.html', NAVIGATES_ON_CALL));
    await openReaderFromButton(page);
    const frame = await waitForReaderToc(page);
    expect(await titleIn(frame)).toBe(GOLD.title);
    // window.frames lists no frame of a shadow tree: the page's own reach misses the reader.
    await page.evaluate(() => (window as unknown as { navigateFrames(): number }).navigateFrames());
    await page.waitForTimeout(1_000);
    expect(frame.url()).toMatch(/\/reader\.html#/);
    // A page that got hold of the frame element anyway (as one did through a custom element's
    // ElementInternals) navigates it from its own script.
    await (
      await frame.frameElement()
    ).evaluate((f, url) => {
      (f as HTMLIFrameElement).contentWindow!.location.href = url;
    }, l.server.url('/hostile/phish.html'));
    await expect.poll(() => readerHostCount(page), { timeout: 10_000 }).toBe(0);
    // Nothing of the page's "session expired" page stays in a shadow root of ours.
    const inShadow: string[] = [];
    for (const f of page.frames()) {
      const el = await f.frameElement().catch(() => null);
      if (el && (await el.evaluate((e) => e.getRootNode() instanceof ShadowRoot)))
        inShadow.push(f.url());
    }
    expect(inShadow).toEqual([]);
    await page.close();
  });

  it('framing or opening the reader’s pages shows no saved article and changes no entry', async () => {
    const id = await saveSeed();
    const reader = await readerAddress();
    const base = reader.replace(/reader\.html$/, '');
    const urls = [`${reader}?id=${id}`, `${base}saved.html?id=${id}`];
    const page = await l.context.newPage();
    await page.goto(l.server.url('/hostile/phish.html'));
    await page.evaluate((list) => {
      for (const src of list) {
        const f = document.createElement('iframe');
        f.src = src;
        f.style.cssText = 'width:600px;height:400px';
        document.body.prepend(f);
      }
    }, urls);
    const opened: Page[] = [];
    page.context().on('page', (p) => opened.push(p));
    // Opened as a link the reader clicks (a popup without a click would be blocked anyway).
    await page.evaluate((list) => {
      for (const href of list) {
        const a = Object.assign(document.createElement('a'), { href, target: '_blank' });
        a.textContent = href;
        document.body.prepend(a, document.createElement('br'));
      }
    }, urls);
    for (let i = 0; i < urls.length; i++) await page.locator('a[target]').nth(i).click();
    await page.waitForTimeout(3_000);
    const shown: (string | null)[] = [];
    for (const f of page.frames()) shown.push(await titleIn(f));
    for (const p of opened) {
      shown.push(await titleIn(p));
      await p.close();
    }
    expect(opened).toHaveLength(urls.length);
    expect(shown).not.toContain(GOLD.title);
    expect(await entryRead(id)).toBe(false);
    await page.close();
  });
});
