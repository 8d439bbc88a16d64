/**
 * Importing a Pocket export in Firefox, as ../import.e2e.test.ts does in Chromium on the same
 * generated pages: choose the file, check the preview, start (the site access is an optional
 * permission of Firefox's Manifest V2, asked on that click), and follow the background page's
 * downloads of the links (articles on several loopback hosts, a slow page, a redirect, a 404, a
 * page of links, a Persian article), parsed in the background page itself. Then the articles are
 * found by Arabic search, and the links that could not be saved say why.
 *
 * The profile answers the optional-permission request without the doorhanger
 * (`extensions.webextOptionalPermissionPrompts`): BiDi cannot reach Firefox's own prompts. The
 * Chromium test alone restarts the browser mid-queue (the Firefox fixture keeps no profile).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { ROOT, SHARED_DIR } from '../fixtures';
import { byText, launchFirefox, until, type FirefoxLaunched } from '../firefox';
import {
  articlePage,
  linkListPage,
  pocketExport,
  sendHtml,
  type ArticlePage,
  type ExportLink,
} from '../import-pages';
import { startServer, type PageServer } from '../server';

const MESSAGES = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string) => MESSAGES[key]!.message;
const arabicCount = (n: number) => n.toLocaleString('ar-u-nu-arab');

// 127.0.0.2… are loopback too: each is its own host for the queue's one-fetch-per-host rule.
const EXTRA_HOSTS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];
const ARTICLES = 15;
const SLOW_MS = 3000;
const TOTAL = ARTICLES + 5;
const SAVED = ARTICLES + 2; // and the slow page and the redirect's target
const PREFS = { 'extensions.webextOptionalPermissionPrompts': false };

const SLOW = articlePage(ARTICLES, '/import/slow.html');
const MOVED_TARGET = articlePage(ARTICLES + 1, '/import/moved-here.html');
const GONE_TITLE = 'صفحة حذفها الموقع منذ زمن';
const SECTIONS_TITLE = 'أخبار الأقسام';
const PERSIAN_TITLE = 'مقال بالفارسية';
const ROW = '[role="listitem"][data-entry-id]';

let main: PageServer;
let extra: PageServer[] = [];
let dir: string;
let l: FirefoxLaunched;
let articles: ArticlePage[];
let links: (ExportLink & { expect: 'saved' | 'gone' | 'not-article' | 'not-arabic' })[];

function serveEverywhere(path: string, handler: (res: ServerResponse) => void) {
  for (const s of [main, ...extra]) s.routes.set(path, handler);
}

beforeAll(async () => {
  main = await startServer([{ prefix: '/shared/', dir: SHARED_DIR }]);
  extra = await Promise.all(EXTRA_HOSTS.map((host) => startServer([], 0, { host })));
  const hosts = [main, ...extra];
  articles = Array.from({ length: ARTICLES }, (_, i) => articlePage(i));
  for (const a of [...articles, MOVED_TARGET])
    serveEverywhere(a.path, (res) => sendHtml(res, a.html));
  serveEverywhere(SLOW.path, (res) => void setTimeout(() => sendHtml(res, SLOW.html), SLOW_MS));
  serveEverywhere('/import/moved.html', (res) =>
    res.writeHead(302, { location: MOVED_TARGET.path }).end(),
  );
  serveEverywhere('/import/sections.html', (res) => sendHtml(res, linkListPage()));
  links = [
    ...articles.map((a, i) => ({
      url: hosts[i % hosts.length]!.url(a.path),
      title: a.title,
      archived: i % 9 === 4,
      expect: 'saved' as const,
    })),
    { url: extra[0]!.url(SLOW.path), title: SLOW.title, expect: 'saved' },
    { url: extra[1]!.url('/import/moved.html'), title: MOVED_TARGET.title, expect: 'saved' },
    { url: extra[2]!.url('/import/gone.html'), title: GONE_TITLE, expect: 'gone' },
    { url: extra[3]!.url('/import/sections.html'), title: SECTIONS_TITLE, expect: 'not-article' },
    {
      url: main.url('/shared/corpus/real/fardapaper-fa-1.html'),
      title: PERSIAN_TITLE,
      expect: 'not-arabic',
    },
  ];
  expect(links).toHaveLength(TOTAL);
  dir = mkdtempSync(join(tmpdir(), 'qari-firefox-import-'));
  l = await launchFirefox({ server: main, prefs: PREFS, fetchLoopback: true });
});

afterAll(async () => {
  await l?.close();
  await Promise.all([main, ...extra].map((s) => s?.close()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Progress {
  finished: number;
  total: number;
}

const progressOf = (page: Page): Promise<Progress> =>
  page.evaluate(() => {
    const bar = document.querySelector('[data-testid="import-progress"]');
    return {
      finished: Number(bar?.getAttribute('value') ?? 0),
      total: Number(bar?.getAttribute('max') ?? 0),
    };
  });

const textOf = (page: Page, testId: string): Promise<string> =>
  page.$eval(`[data-testid="${testId}"]`, (el) => el.textContent ?? '');

async function openPopup(): Promise<Page> {
  const popup = await l.extensionPage('popup.html');
  await popup.waitForSelector('.qari-popup[aria-busy="false"]', { timeout: 15_000 });
  return popup;
}

/** Type a query like a reader and wait until the popup shows its results. */
async function search(popup: Page, query: string): Promise<void> {
  const box = await popup.waitForSelector('#qari-search');
  await box!.click({ count: 3 });
  await popup.keyboard.press('Backspace');
  await popup.keyboard.type(query);
  await popup.waitForSelector(
    `.qari-popup[data-query=${JSON.stringify(query.trim())}][aria-busy="false"]`,
    { timeout: 15_000 },
  );
}

const rowTexts = (popup: Page): Promise<string[]> =>
  popup.$$eval(ROW, (rows) => rows.map((r) => r.textContent ?? ''));

describe('importing a Pocket export in Firefox', () => {
  it('previews the file, asks for site access on start and imports the links in the background page', async () => {
    const file = join(dir, 'ril_export.html');
    writeFileSync(file, pocketExport(links));
    const page = await l.extensionPage('import.html');
    const input = (await page.waitForSelector(
      '[data-testid="import-file"]',
    )) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    const archived = links.filter((x) => x.archived).length;
    await page.waitForSelector('[data-testid="import-counts"]', { timeout: 15_000 });
    expect(await textOf(page, 'import-counts')).toBe(
      msg('importCounts')
        .replace('$1', arabicCount(TOTAL))
        .replace('$2', arabicCount(TOTAL - archived))
        .replace('$3', arabicCount(archived))
        .replace('$4', arabicCount(0)),
    );
    await byText(page, 'li, td, span, p', articles[0]!.title);

    // Site access is asked for on this click, not at install.
    const access = () =>
      page.evaluate(() =>
        (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({
          origins: ['http://*/*', 'https://*/*'],
        }),
      );
    expect(await access()).toBe(false);
    await (await byText(page, 'button', msg('importStart'))).click();
    await byText(
      page,
      '[role="status"]',
      msg('importStarted').replace('$1', arabicCount(TOTAL)).replace('$2', arabicCount(0)),
    );
    expect(await access()).toBe(true);

    await until(
      `all ${TOTAL} links to be finished`,
      async () => {
        const p = await progressOf(page);
        return p.finished === TOTAL && p.total === TOTAL;
      },
      120_000,
    );
    const status = await textOf(page, 'import-status');
    expect(status).toContain(msg('importDone').replace('$1', arabicCount(SAVED)));
    expect(status).toContain(msg('importFailed').replace('$1', arabicCount(TOTAL - SAVED)));

    const cases = [
      [GONE_TITLE, 'gone', 'importFailure_gone'],
      [SECTIONS_TITLE, 'not-article', 'importFailure_not_article'],
      [PERSIAN_TITLE, 'not-arabic', 'importFailure_not_arabic'],
    ] as const;
    const failures = await page.$$eval('[data-testid="import-failures"] li', (items) =>
      items.map((li) => [li.textContent ?? '', li.getAttribute('data-reason')]),
    );
    expect(failures).toHaveLength(TOTAL - SAVED);
    for (const [title, reason, key] of cases) {
      const item = failures.find(([text]) => text!.includes(title));
      expect(item?.[1]).toBe(reason);
      expect(item?.[0]).toContain(msg(key));
    }
    await page.close();
  });

  it('finds imported articles by words of their text, misspelled or unvocalized', async () => {
    const popup = await openPopup();
    // Each city is named in one article's body only, never in a title: a hit means the page was
    // fetched, extracted and indexed in the background page.
    const cases: [query: string, page: ArticlePage][] = [
      ['الاسكندريه', articles[0]!], // no hamza, heh for teh marbuta
      ['قسنطينه', articles[1]!],
      ['طَنْجَة', articles[2]!], // vocalized
      [SLOW.keyword, SLOW],
      [MOVED_TARGET.keyword, MOVED_TARGET],
    ];
    for (const [query, page] of cases) {
      await search(popup, query);
      const rows = await rowTexts(popup);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(page.title);
      expect(await popup.$$eval('mark', (ms) => ms.map((m) => m.textContent))).toContain(
        page.keyword,
      );
    }
    await popup.close();
  });
});
