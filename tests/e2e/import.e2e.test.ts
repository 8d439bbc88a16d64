/**
 * Importing a Pocket export as a reader does it: choose the file, check the preview, start, and
 * follow the background download of 50 links (articles on several loopback hosts, a slow page, a
 * redirect, a 404, a page of links, a Persian article) across a browser restart in the middle.
 * Then the articles are found by Arabic search and read offline, and the links that could not be
 * saved say why.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT, SHARED_DIR, launch, type Launched } from './fixtures';
import {
  articlePage,
  linkListPage,
  pocketExport,
  sendHtml,
  type ArticlePage,
  type ExportLink,
} from './import-pages';
import { answerPermissionPrompt } from './keyboard';
import { startServer, type PageServer } from './server';

const MESSAGES = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string) => MESSAGES[key]!.message;
const arabicCount = (n: number) => n.toLocaleString('ar-u-nu-arab');

// 127.0.0.2… are loopback too: each is its own host for the queue's one-fetch-per-host rule.
const EXTRA_HOSTS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];
const ARTICLES = 45;
const SLOW_MS = 4000;
const TOTAL = 50;
const SAVED = ARTICLES + 2; // and the slow page and the redirect's target
// Enough saved before the restart to know the queue ran, and far from done.
const RESTART_AFTER = 10;

const SLOW = articlePage(ARTICLES, '/import/slow.html');
const MOVED_TARGET = articlePage(ARTICLES + 1, '/import/moved-here.html');
const GONE_TITLE = 'صفحة حذفها الموقع منذ زمن';
const SECTIONS_TITLE = 'أخبار الأقسام';
const PERSIAN_TITLE = 'مقال بالفارسية';

let main: PageServer;
let extra: PageServer[] = [];
let profile: string;
let l: Launched;
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
      tags: i % 5 === 0 ? ['مدن'] : [],
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
  profile = mkdtempSync(join(tmpdir(), 'qari-import-e2e-'));
  // A visible window (under Xvfb when there is no display): the import asks for site access
  // in the browser's own prompt, which the test answers with the keyboard.
  l = await launch({ server: main, userDataDir: profile, headless: false });
});

afterAll(async () => {
  await l?.close();
  await Promise.all([main, ...extra].map((s) => s?.close()));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

interface Progress {
  finished: number;
  total: number;
}

async function progressOf(page: Page): Promise<Progress> {
  const bar = page.getByTestId('import-progress');
  if ((await bar.count()) === 0) return { finished: 0, total: 0 };
  return {
    finished: Number(await bar.getAttribute('value')),
    total: Number(await bar.getAttribute('max')),
  };
}

interface Stored {
  articles: { url: string; canonicalUrl: string; hasBody: number; failure: string | null }[];
  imports: { url: string; state: string; reason: string | null }[];
}

/** The reading list and the import queue as stored in IndexedDB, read from an extension page. */
async function stored(): Promise<Stored> {
  const page = await l.extensionPage('import.html');
  try {
    return await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('qari');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = <T>(name: string) =>
        new Promise<T[]>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result as T[]);
          req.onerror = () => reject(req.error);
        });
      type A = {
        canonicalUrl: string;
        meta: { url: string };
        hasBody: number;
        importFailure?: string;
      };
      type I = { url: string; state: string; reason?: string };
      const [a, i] = await Promise.all([all<A>('articles'), all<I>('imports')]);
      db.close();
      return {
        articles: a.map((r) => ({
          url: r.meta.url,
          canonicalUrl: r.canonicalUrl,
          hasBody: r.hasBody,
          failure: r.importFailure ?? null,
        })),
        imports: i.map((r) => ({ url: r.url, state: r.state, reason: r.reason ?? null })),
      };
    });
  } finally {
    await page.close();
  }
}

async function openPopup(): Promise<Page> {
  const popup = await l.extensionPage('popup.html');
  await popup.getByRole('searchbox').waitFor();
  return popup;
}

async function search(popup: Page, query: string): Promise<void> {
  await popup.getByRole('searchbox').fill(query);
  await popup
    .locator(`.qari-popup[data-query=${JSON.stringify(query.trim())}][aria-busy="false"]`)
    .waitFor();
}

function rowOf(popup: Page, text: string): Locator {
  return popup.getByRole('listitem').filter({ hasText: text });
}

describe('importing a Pocket export in Chromium', () => {
  it('previews the file, imports it in the background and survives a browser restart mid-queue', async () => {
    const page = await l.extensionPage('import.html');
    await page.getByTestId('import-file').setInputFiles({
      name: 'ril_export.html',
      mimeType: 'text/html',
      buffer: Buffer.from(pocketExport(links)),
    });
    const archived = links.filter((x) => x.archived).length;
    const counts = page.getByTestId('import-counts');
    await counts.waitFor();
    await expect(counts.textContent()).resolves.toBe(
      msg('importCounts')
        .replace('$1', arabicCount(TOTAL))
        .replace('$2', arabicCount(TOTAL - archived))
        .replace('$3', arabicCount(archived))
        .replace('$4', arabicCount(0)),
    );
    // The preview lists the first links by title.
    await page.getByText(articles[0]!.title, { exact: true }).waitFor();

    // Site access is asked for on this click, not at install: the reader allows it.
    const access = () =>
      page.evaluate(() => chrome.permissions.contains({ origins: ['http://*/*', 'https://*/*'] }));
    await expect(access()).resolves.toBe(false);
    await answerPermissionPrompt(
      () => page.getByRole('button', { name: msg('importStart') }).click(),
      true,
    );
    await expect(access()).resolves.toBe(true);
    await page
      .getByRole('status')
      .filter({
        hasText: msg('importStarted')
          .replace('$1', arabicCount(TOTAL))
          .replace('$2', arabicCount(0)),
      })
      .waitFor();
    await expect
      .poll(async () => (await progressOf(page)).finished, { timeout: 60_000, interval: 200 })
      .toBeGreaterThanOrEqual(RESTART_AFTER);
    const before = await progressOf(page);
    expect(before.total).toBe(TOTAL);
    expect(before.finished).toBeLessThan(TOTAL);

    // The browser goes away mid-import (the profile stays) and comes back.
    await l.close();
    l = await launch({ server: main, userDataDir: profile, headless: false });
    const again = await l.extensionPage('import.html');
    await expect
      .poll(() => progressOf(again), { timeout: 90_000, interval: 500 })
      .toEqual({ finished: TOTAL, total: TOTAL });
    const status = await again.getByTestId('import-status').textContent();
    await again.close();

    const { articles: rows, imports } = await stored();
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((r) => r.canonicalUrl)).size).toBe(TOTAL);
    expect(rows.map((r) => r.url).sort()).toEqual(links.map((x) => x.url).sort());
    expect(imports).toHaveLength(TOTAL);
    for (const link of links) {
      const row = rows.find((r) => r.url === link.url)!;
      const queued = imports.find((r) => r.url === link.url)!;
      if (link.expect === 'saved') {
        // The failure, if any, is in the comparison so a run that fails says why.
        expect({
          url: link.url,
          hasBody: row.hasBody,
          state: queued.state,
          failure: row.failure,
        }).toEqual({ url: link.url, hasBody: 1, state: 'done', failure: null });
      } else {
        expect({ url: link.url, failure: row.failure, state: queued.state }).toEqual({
          url: link.url,
          failure: link.expect,
          state: 'failed',
        });
      }
    }
    expect(status).toContain(msg('importDone').replace('$1', arabicCount(SAVED)));
    expect(status).toContain(msg('importFailed').replace('$1', arabicCount(TOTAL - SAVED)));
  });

  it('shows why each failed link was not saved, on the import page and in the popup', async () => {
    const page = await l.extensionPage('import.html');
    const failures = page.getByTestId('import-failures').getByRole('listitem');
    await expect.poll(() => failures.count()).toBe(TOTAL - SAVED);
    const cases = [
      [GONE_TITLE, 'gone', 'importFailure_gone'],
      [SECTIONS_TITLE, 'not-article', 'importFailure_not_article'],
      [PERSIAN_TITLE, 'not-arabic', 'importFailure_not_arabic'],
    ] as const;
    for (const [title, reason, key] of cases) {
      const item = failures.filter({ hasText: title });
      await expect(item.getAttribute('data-reason')).resolves.toBe(reason);
      await expect(item.textContent()).resolves.toContain(msg(key));
    }
    await page.close();

    const popup = await openPopup();
    await popup.getByText(`قائمة القراءة: ${arabicCount(TOTAL)}`).waitFor();
    for (const [title, reason, key] of cases) {
      await search(popup, title);
      const badge = rowOf(popup, title).locator('.qari-import-failure');
      await expect(badge.getAttribute('data-reason')).resolves.toBe(reason);
      await expect(badge.textContent()).resolves.toBe(msg(key));
    }
    await popup.close();
  });

  it('finds imported articles by words of their text, misspelled or unvocalized', async () => {
    const popup = await openPopup();
    // Each city is named in one article's body only, never in a title: a hit means the page was
    // fetched, extracted and indexed.
    const cases: [query: string, page: ArticlePage][] = [
      ['الاسكندريه', articles[0]!], // no hamza, heh for teh marbuta
      ['قسنطينه', articles[1]!],
      ['طَنْجَة', articles[2]!], // vocalized
      [SLOW.keyword, SLOW],
      [MOVED_TARGET.keyword, MOVED_TARGET],
    ];
    for (const [query, page] of cases) {
      await search(popup, query);
      await rowOf(popup, page.title).waitFor();
      await expect(popup.getByRole('listitem').count()).resolves.toBe(1);
      const marks = await popup.locator('mark').allTextContents();
      expect(marks).toContain(page.keyword);
    }
    await search(popup, 'بركان');
    await popup.getByText('لا نتائج لهذا البحث.').waitFor();
    await popup.close();
  });

  it('opens imported articles from the popup offline, with every page server unreachable', async () => {
    const popup = await openPopup();
    const blocked = (route: { abort: (code?: string) => Promise<void> }) =>
      route.abort('internetdisconnected');
    await l.context.route(/^https?:/, blocked);
    await l.context.setOffline(true);
    try {
      const probe = await l.context.newPage();
      await expect(probe.goto(links[0]!.url)).rejects.toThrow();
      await probe.close();

      for (const [query, article, url] of [
        ['الاسكندريه', articles[0]!, links[0]!.url],
        [MOVED_TARGET.keyword, MOVED_TARGET, links[ARTICLES + 1]!.url],
      ] as const) {
        await search(popup, query);
        const [page] = await Promise.all([
          l.context.waitForEvent('page'),
          rowOf(popup, article.title).getByRole('link').click(),
        ]);
        await page.waitForLoadState('domcontentloaded');
        const body = page.locator('article.qari-article');
        await body.locator('h1').waitFor({ timeout: 15_000 });
        await expect(body.locator('h1').textContent()).resolves.toBe(article.title);
        const text = (await body.textContent()) ?? '';
        expect(text).toContain(`وفي ${article.keyword} تحديدًا`);
        // The entry keeps the address it was imported with, even after a redirect.
        await expect(page.locator('a.qari-original').getAttribute('href')).resolves.toBe(url);
        await page.close();
      }
    } finally {
      await l.context.setOffline(false);
      await l.context.unroute(/^https?:/, blocked);
    }
    await popup.close();
  });
});
