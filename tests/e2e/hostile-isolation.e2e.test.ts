/**
 * Hostile pages whose own scripts and styles go after the reader itself, not its sanitizer: a page
 * that defines the extension's element names first, one that navigates the overlay's frame, one
 * that frames or opens the reader's pages itself, and clickjacking pages (CSS alone, and a cover
 * the click passes through). Each page is the seed article with the attack added, served with
 * scripts allowed, as a hostile site would.
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
  waitForButton,
  waitForReaderToc,
} from './reader-helpers';

const SEED = readFileSync(join(SHARED_DIR, 'fixtures/seed-article.html'), 'utf8');
const GOLD = JSON.parse(
  readFileSync(join(SHARED_DIR, 'fixtures/seed-article.gold.json'), 'utf8'),
) as { title: string };
const FORGED_TITLE = 'عنوان مزور من الصفحة';
const FORGED_URL = 'https://bank.example/login';
const SAVE = 'حفظ للقراءة لاحقًا';
const SAVED_NOTICE = 'حُفظت الصفحة في قائمة القراءة.';

// A well-formed extraction result, as the page would forge it.
const FORGED_RESULT = {
  ok: true,
  article: {
    url: FORGED_URL,
    title: FORGED_TITLE,
    byline: null,
    siteName: 'مصرف',
    published: null,
    lang: 'ar',
    dir: 'rtl',
    excerpt: 'أدخل كلمة المرور',
    leadImage: null,
    content: '<p>انتهت الجلسة، أدخل كلمة المرور من جديد.</p>',
    text: 'انتهت الجلسة، أدخل كلمة المرور من جديد.',
    sections: [],
    wordCount: 6,
    readingMinutes: 1,
  },
  timings: { extractMs: 1 },
};

/**
 * Defines the extension's element names before the content script runs, and any other custom
 * element name that appears at the root later, each with a class that takes its ElementInternals
 * (whose `shadowRoot` is the element's shadow root, closed or not). On `qari:ready` it posts its
 * own article into the frame under the token read from the frame's address.
 */
const DEFINES_OUR_NAMES = `<script>
window.leaked = [];
const tried = new Set();
const grab = (name) => {
  if (tried.has(name) || customElements.get(name)) return;
  tried.add(name);
  customElements.define(name, class extends HTMLElement {
    constructor() { super(); try { leaked.push(this.attachInternals()); } catch {} }
  });
};
grab('qari-reader');
grab('qari-button');
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes)
    if (n.nodeType === 1 && n.localName.includes('-')) grab(n.localName);
}).observe(document.documentElement, { childList: true });
window.leakedSrcs = () => leaked
  .map((i) => i.shadowRoot && i.shadowRoot.querySelector('iframe'))
  .filter(Boolean).map((f) => f.src);
window.roots = () => leaked.filter((i) => i.shadowRoot).length;
addEventListener('message', (e) => {
  const src = leakedSrcs()[0];
  if (e.data !== 'qari:ready' || !src) return;
  const token = decodeURIComponent(new URL(src).hash.replace(/^#t=/, ''));
  e.source.postMessage({ type: 'qari:article', token, result: ${JSON.stringify(FORGED_RESULT)} }, '*');
});
</script>`;

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

// CSS alone: our button made invisible and scaled over the whole page, the reader invisible.
const CSS_CLICKJACK = `<style>
qari-button, qari-reader, html > :not(head):not(body) {
  opacity: 0 !important; transform: scale(80) !important;
}
</style>`;

// A cover over the whole page that the pointer goes through: the reader sees the decoy, the click
// lands on whatever is under it. In the top layer (a popover), above any z-index.
const PASS_THROUGH_COVER = `<div id="cover" popover="manual" style="position:fixed;inset:0;width:auto;height:auto;margin:0;border:0;pointer-events:none;background:#fff;font:40px serif">
<p>اضغط في أي مكان لمشاهدة الفيديو</p></div>`;
const showCover = (page: Page): Promise<void> =>
  page.evaluate(() => document.getElementById('cover')!.showPopover());

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
  it('defining the extension’s element names first reaches no shadow root, frame or article', async () => {
    const page = await l.context.newPage();
    await page.goto(serveSeed('/hostile/defines-names.html', DEFINES_OUR_NAMES));
    await openReaderFromButton(page);
    const frame = await readerFrame(page);
    expect(await titleIn(frame)).toBe(GOLD.title);
    const got = await page.evaluate(() => {
      const w = window as unknown as { leakedSrcs(): string[]; roots(): number };
      return { srcs: w.leakedSrcs(), roots: w.roots() };
    });
    expect(got).toEqual({ srcs: [], roots: 0 });
    await page.close();
  });

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

  it('a reader page it frames under its own token gets no article to show or save', async () => {
    const reader = await readerAddress();
    const page = await l.context.newPage();
    await page.goto(l.server.url('/hostile/phish.html'));
    await page.evaluate(
      ({ src, result }) => {
        const token = 'f'.repeat(32);
        addEventListener('message', (e) => {
          if (e.data === 'qari:ready')
            (e.source as Window).postMessage({ type: 'qari:article', token, result }, '*');
        });
        const f = document.createElement('iframe');
        f.src = `${src}#t=${token}`;
        f.style.cssText = 'width:800px;height:600px';
        document.body.prepend(f);
      },
      { src: reader, result: FORGED_RESULT },
    );
    const frame = await readerFrame(page);
    expect(frame.url()).toMatch(/^chrome-extension:/);
    await page.waitForTimeout(2_000);
    expect(await titleIn(frame)).toBeNull();
    expect(await frame.getByRole('button', { name: SAVE }).count()).toBe(0);
    await page.close();
  });
});

describe('clickjacking', () => {
  it('CSS cannot make the button invisible and scaled over the page', async () => {
    const page = await l.context.newPage();
    await page.goto(serveSeed('/hostile/css-clickjack.html', CSS_CLICKJACK));
    await waitForButton(page, { visible: false });
    await page.waitForTimeout(500);
    // The decoy: the middle of the page, where only the scaled, invisible button would be.
    const { width, height } = page.viewportSize()!;
    await page.mouse.click(width / 2, height / 2);
    await page.waitForTimeout(1_500);
    expect(await readerHostCount(page)).toBe(0);
    await page.close();
  });

  it('a click through a cover that hides the button does not open the reader', async () => {
    const page = await l.context.newPage();
    await page.goto(serveSeed('/hostile/cover.html', '', PASS_THROUGH_COVER));
    const box = await waitForButton(page);
    await showCover(page);
    await page.waitForTimeout(500);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(1_500);
    expect(await readerHostCount(page)).toBe(0);
    await page.close();
  });

  it('a click through a cover that hides the reader does not save', async () => {
    const page = await l.context.newPage();
    await page.goto(serveSeed('/hostile/cover-reader.html', '', PASS_THROUGH_COVER));
    await openReaderFromButton(page);
    const frame = await waitForReaderToc(page);
    const save = frame.getByRole('button', { name: SAVE });
    const box = (await save.boundingBox())!;
    await showCover(page);
    await page.waitForTimeout(500);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(1_500);
    expect(await frame.getByRole('status').filter({ hasText: SAVED_NOTICE }).count()).toBe(0);
    // Uncovered, the same click saves: the check is the cover, not the click.
    await page.evaluate(() => document.getElementById('cover')!.hidePopover());
    await page.waitForTimeout(500);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await frame.getByRole('status').filter({ hasText: SAVED_NOTICE }).waitFor();
    await page.close();
  });
});
