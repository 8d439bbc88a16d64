/**
 * Hostile pages through every extension context: Arabic articles packed with all of the XSS corpus
 * (tests/fixtures/xss/vectors.ts) go through the reader view, saving, the saved-article page,
 * popup search and a backup exported and imported into a second browser. Every vector's payload
 * is a canary pointing at a second loopback host (127.0.0.2, a host the article did not come
 * from), as are a tracking pixel, a remote stylesheet and a remote font. The article pages are
 * served with `default-src 'none'`, so the web page itself can neither run script nor load from
 * that host: any canary hit is ours. The canary server's log is the ground truth (requests from
 * the service worker or offscreen document are not seen by the browser context).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { VECTORS, type Canary } from '../fixtures/xss/vectors';
import { ROOT, launch, type Launched } from './fixtures';
import { openReaderFromButton, readerFrame } from './reader-helpers';
import { startServer, type PageServer } from './server';

interface Hit {
  url: string;
  referer: string;
  dest: string;
}

// Vectors that take the whole page with them (swallow the rest, replace the body, navigate,
// re-base every URL) get a page of their own.
const PAGE_BREAKING = /<plaintext|<frameset|http-equiv="refresh"|<base\b/i;
const PER_PAGE = 66;
// The allow-listed players (README: they load when the reader scrolls to them).
const PLAYER_HOSTS =
  /^(?:www\.youtube-nocookie\.com|player\.vimeo\.com|(?:www\.)?dailymotion\.com)$/;
// The web page must not run or load anything itself, so what reaches the canary host is ours.
const PAGE_CSP = "default-src 'none'";
// One distinct word per page, for finding it in search.
const WORDS = [
  'الزيتون',
  'البرتقال',
  'النخيل',
  'الرمان',
  'التفاح',
  'العنب',
  'الليمون',
  'المشمش',
  'الكرز',
  'التين',
  'الخوخ',
  'البطيخ',
  'اللوز',
  'السفرجل',
  'الفستق',
  'الكمثرى',
  'الأناناس',
  'الجوافة',
  'المانجو',
  'الزعتر',
];
const AR = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string): string => AR[key]!.message;

// Real prose (tests/pages/sample-article.html), so detection and extraction take the pages.
const PROSE = Array.from(
  readFileSync(join(ROOT, 'tests/pages/sample-article.html'), 'utf8').matchAll(
    /<p>([^<]*[\u0600-\u06ff][^<]*)<\/p>/g,
  ),
  (m) => m[1]!,
);

let evil: Server;
let evilOrigin: string;
const hits: Hit[] = [];
const extensionRequests: string[] = [];
let site: PageServer;
let l: Launched;

interface HostilePage {
  path: string;
  word: string;
  title: string;
  vectors: number;
  /**
   * The DOM-clobbering vectors share a page, and together they make extraction refuse the page
   * (fail closed: a window whose DOM APIs are clobbered is not trusted to sanitize). Either
   * outcome is fine there; nothing may run or load in either.
   */
  mayRefuse: boolean;
}
const pages: HostilePage[] = [];
const savedPages: HostilePage[] = [];

function canary(i: number): Canary {
  // A `javascript:` URL must not end in a string (it would replace the document): fetch last.
  return {
    js: `window.qariPwned=${i};fetch('${evilOrigin}/canary?k=js&id=${i}')`,
    url: `${evilOrigin}/canary?k=url&id=${i}`,
  };
}

/** Renders a vector; a page-breaking refresh waits long enough for the reader to open first. */
function render(i: number): string {
  return VECTORS[i]!.html(canary(i)).replace(/content="0;/g, 'content="3600;');
}

function trackers(): string {
  return (
    `<img src="${evilOrigin}/pixel.gif" width="1" height="1" alt="">` +
    // Pixels the extractor keeps: inside the prose, and a photo from another host.
    `<p>${PROSE[2]} <img src="${evilOrigin}/pixel-inline.gif" alt=""></p>` +
    `<figure><img src="${evilOrigin}/photo.jpg" alt="صورة من موقع آخر"><figcaption>${PROSE[3]}</figcaption></figure>` +
    `<link rel="stylesheet" href="${evilOrigin}/style.css">` +
    `<style>@font-face{font-family:Tracked;src:url(${evilOrigin}/font.woff2)}` +
    `p{font-family:Tracked;background:url(${evilOrigin}/bg.png)}</style>` +
    `<p style="background-image:url(${evilOrigin}/inline.png)">${PROSE[0]}</p>`
  );
}

function hostileHtml(title: string, word: string, vectors: string[]): string {
  const parts: string[] = [trackers(), `<p>يحتفل السكان بموسم ${word} هذا العام. ${PROSE[1]}</p>`];
  vectors.forEach((html, i) => {
    parts.push(`<p>${PROSE[(i % (PROSE.length - 2)) + 2]}</p>`, html);
    if (i % 12 === 11) parts.push(`<h2>محور ${i + 1}</h2>`);
  });
  const breaking = vectors.length === 1 && PAGE_BREAKING.test(vectors[0]!);
  // A vector that swallows what follows goes last, after enough prose for detection.
  const body = breaking
    ? [
        trackers(),
        `<p>يحتفل السكان بموسم ${word} هذا العام.</p>`,
        ...PROSE.map((p) => `<p>${p}</p>`),
        vectors[0]!,
      ]
    : parts;
  return (
    `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title>` +
    `<meta property="og:type" content="article"></head><body><main><article><h1>${title}</h1>` +
    `${body.join('\n')}</article></main></body></html>`
  );
}

function buildPages(): void {
  const breaking: number[] = [];
  const clobber: number[] = [];
  const plain: number[] = [];
  VECTORS.forEach((v, i) =>
    (PAGE_BREAKING.test(render(i)) ? breaking : v.kind === 'clobber' ? clobber : plain).push(i),
  );
  const groups: number[][] = [...breaking.map((i) => [i]), clobber];
  for (let at = 0; at < plain.length; at += PER_PAGE) groups.push(plain.slice(at, at + PER_PAGE));
  if (groups.length > WORDS.length) throw new Error('more pages than words');
  groups.forEach((ids, n) => {
    const word = WORDS[n]!;
    const title = `مهرجان ${word} في المدينة`;
    const path = `/hostile/${n}.html`;
    const html = hostileHtml(title, word, ids.map(render));
    site.routes.set(path, (res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': PAGE_CSP,
      });
      res.end(html);
    });
    pages.push({ path, word, title, vectors: ids.length, mayRefuse: ids === clobber });
  });
}

function recordHit(req: IncomingMessage): void {
  hits.push({
    url: req.url ?? '',
    referer: String(req.headers.referer ?? ''),
    dest: String(req.headers['sec-fetch-dest'] ?? ''),
  });
}

/** Requests that extension pages and frames make to any host but the article's own. */
function watchExtensionRequests(context: BrowserContext): void {
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'chrome-extension:' || url.host === new URL(site.origin).host) return;
    if (url.protocol === 'https:' && PLAYER_HOSTS.test(url.hostname)) return;
    let from = 'service worker';
    try {
      from = req.frame().url();
    } catch {
      // Worker requests have no frame.
    }
    if (from === 'service worker' || from.startsWith('chrome-extension:'))
      extensionRequests.push(`${from} → ${req.url()}`);
  });
}

beforeAll(async () => {
  evil = createServer((req, res) => {
    recordHit(req);
    res.writeHead(req.url?.startsWith('/canary') ? 204 : 404).end();
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.2', resolve));
  evilOrigin = `http://127.0.0.2:${(evil.address() as AddressInfo).port}`;
  site = await startServer([{ prefix: '/pages/', dir: join(ROOT, 'tests/pages') }]);
  buildPages();
  l = await launch({ server: site });
  watchExtensionRequests(l.context);
});
afterAll(async () => {
  await l?.close();
  await site?.close();
  await new Promise((resolve) => evil?.close(resolve));
});

/** Hits that did not come from the web page itself (its own navigations carry its address). */
function ourHits(): Hit[] {
  return hits.filter((h) => !(h.dest === 'document' && h.referer.startsWith(site.origin)));
}

async function scrollThrough(target: Page | Frame): Promise<void> {
  await target.evaluate(async () => {
    for (let y = 0; y <= document.documentElement.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
}

async function pwned(target: Page | Frame): Promise<unknown> {
  return target.evaluate(() => (window as unknown as { qariPwned?: number }).qariPwned ?? null);
}

async function search(popup: Page, query: string): Promise<void> {
  await popup.getByRole('searchbox').fill(query);
  await popup
    .locator(`.qari-popup[data-query=${JSON.stringify(query)}][aria-busy="false"]`)
    .waitFor();
}

/** Find a saved article by its word, check the snippet, open it and read it to the end. */
async function openSavedByWord(at: Launched, popup: Page, p: HostilePage): Promise<void> {
  await search(popup, p.word);
  const row = popup.getByRole('listitem').filter({ hasText: p.title });
  await row.waitFor();
  expect(await popup.locator('mark').count()).toBeGreaterThan(0);
  expect(await pwned(popup)).toBeNull();
  const [saved] = await Promise.all([
    at.context.waitForEvent('page'),
    row.getByRole('link').first().click(),
  ]);
  await saved.locator('article.qari-article h1').waitFor({ timeout: 30_000 });
  await expect(saved.locator('article.qari-article h1').textContent()).resolves.toContain(p.word);
  await scrollThrough(saved);
  expect(await pwned(saved)).toBeNull();
  await saved.close();
}

describe('hostile pages in Chromium', () => {
  it('spreads the whole corpus over the pages', () => {
    expect(pages.reduce((n, p) => n + p.vectors, 0)).toBe(VECTORS.length);
    expect(VECTORS.length).toBeGreaterThanOrEqual(200);
    expect(pages.filter((p) => p.vectors === 1).length).toBeGreaterThan(0);
  });

  it('reads, saves, finds and reopens every page with nothing running or loading', async () => {
    const popup = await l.extensionPage('popup.html');
    await popup.getByRole('searchbox').waitFor();
    for (const p of pages) {
      const page = await l.context.newPage();
      await page.goto(site.url(p.path));
      await openReaderFromButton(page);
      const frame = await readerFrame(page, 30_000);
      const shown = frame.locator('article.qari-article h1');
      const refused = frame.getByText(msg('readerError'));
      await shown.or(refused).first().waitFor({ timeout: 30_000 });
      await scrollThrough(frame);
      expect(await pwned(frame)).toBeNull();
      if (await refused.isVisible()) {
        expect(p.mayRefuse, `${p.path} refused`).toBe(true);
        await page.close();
        continue;
      }
      await frame.getByRole('button', { name: msg('readerSave') }).click();
      await frame
        .getByRole('status')
        .filter({ hasText: msg('saveDone') })
        .waitFor();
      expect(await pwned(frame)).toBeNull();
      await page.close();
      savedPages.push(p);
      await openSavedByWord(l, popup, p);
    }
    await popup.close();
    expect(
      await l.worker.evaluate(() => (globalThis as { qariPwned?: number }).qariPwned ?? null),
    ).toBeNull();
    expect(ourHits()).toEqual([]);
    expect(extensionRequests).toEqual([]);
  });

  it('exports the backup and imports it into another browser, still inert', async () => {
    const options = await l.extensionPage('options.html');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: msg('optionsExport') }).click(),
    ]);
    const file = await download.path();
    const json = readFileSync(file, 'utf8');
    expect((JSON.parse(json) as { entries: unknown[] }).entries).toHaveLength(savedPages.length);
    expect(savedPages.length).toBeGreaterThanOrEqual(pages.length - 1);
    expect(await pwned(options)).toBeNull();
    await options.close();

    const profile = mkdtempSync(join(tmpdir(), 'qari-hostile-e2e-'));
    const other = await launch({ server: site, userDataDir: profile });
    watchExtensionRequests(other.context);
    try {
      const opts = await other.extensionPage('options.html');
      await opts.locator('.qari-backup input[type="file"]').setInputFiles(file);
      const status = opts.locator('.qari-backup[aria-busy="false"] .qari-backup-status');
      await status.filter({ hasText: msg('optionsImportDone').split(':')[0]! }).waitFor();
      const digits = (await status.textContent())!.replace(/[\u0660-\u0669]/g, (d) =>
        String(d.charCodeAt(0) - 0x660),
      );
      expect(digits).toContain(`${savedPages.length} `);
      expect(await pwned(opts)).toBeNull();
      await opts.close();
      const popup = await other.extensionPage('popup.html');
      await popup.getByRole('searchbox').waitFor();
      for (const p of savedPages) await openSavedByWord(other, popup, p);
      await popup.close();
      expect(
        await other.worker.evaluate(() => (globalThis as { qariPwned?: number }).qariPwned ?? null),
      ).toBeNull();
    } finally {
      await other.close();
      rmSync(profile, { recursive: true, force: true });
    }
    expect(ourHits()).toEqual([]);
    expect(extensionRequests).toEqual([]);
  });
});
