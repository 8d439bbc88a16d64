/**
 * Importing a Pocket export as a reader does it, the same scenario in every browser: choose the
 * file, check the preview, start (site access asked for on that click), and follow the
 * background downloads of the links (articles on several loopback hosts, a slow page, a
 * redirect, a 404, a page of links, a Persian article), across a browser restart in the middle
 * where the browser keeps its profile (Chromium). Then the articles are found by Arabic search
 * and read with every page server out of reach, and the links that could not be saved say why,
 * on the import page and in the list.
 *
 * What differs per browser (the permission prompt, the file picker, the restart, going offline)
 * is the driver's (./chromium.ts, ./firefox.ts); how many links, the test file's.
 */
import type { ServerResponse } from 'node:http';
import { SHARED_DIR } from '../fixtures';
import {
  articlePage,
  linkListPage,
  pocketExport,
  sendHtml,
  type ArticlePage,
  type ExportLink,
} from '../import-pages';
import { startServer, type PageServer } from '../server';
import { byText, until, waitFor, type Driver, type Surface, type Tab } from './driver';
import { ROW, marks, openList, rowTexts, search } from './list';
import { arabicCount, msg } from './text';

// 127.0.0.2… are loopback too: each is its own host for the queue's one-fetch-per-host rule.
const EXTRA_HOSTS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];
// Besides the articles: the slow page, the redirect, the 404, the page of links, the Persian page.
const OTHERS = 5;
const SAVED_OTHERS = 2; // the slow page and the redirect's target
const GONE_TITLE = 'صفحة حذفها الموقع منذ زمن';
const SECTIONS_TITLE = 'أخبار الأقسام';
const PERSIAN_TITLE = 'مقال بالفارسية';
const FAILURE_CASES = [
  [GONE_TITLE, 'gone', 'importFailure_gone'],
  [SECTIONS_TITLE, 'not-article', 'importFailure_not_article'],
  [PERSIAN_TITLE, 'not-arabic', 'importFailure_not_arabic'],
] as const;
const FINISH_MS = 120_000;

type Expected = 'saved' | 'gone' | 'not-article' | 'not-arabic';

/** The pages an import fetches, on their servers, and the export that lists them. */
export interface ImportWorld {
  /** The server the browser's fixture uses (the corpus's Persian page is on it). */
  main: PageServer;
  servers: PageServer[];
  articles: ArticlePage[];
  slow: ArticlePage;
  movedTarget: ArticlePage;
  links: (ExportLink & { expect: Expected })[];
  close(): Promise<void>;
}

export interface ImportOptions {
  /** How many generated articles the export lists (five more links besides). */
  articles: number;
  /** How long the slow page takes to answer. */
  slowMs: number;
  /** With a restart: how many links finished before the browser goes away. */
  restartAfter: number;
}

/** Start the page servers and build the export's links. */
export async function importWorld(o: ImportOptions): Promise<ImportWorld> {
  const main = await startServer([{ prefix: '/shared/', dir: SHARED_DIR }]);
  const extra = await Promise.all(EXTRA_HOSTS.map((host) => startServer([], 0, { host })));
  const servers = [main, ...extra];
  const serveEverywhere = (path: string, handler: (res: ServerResponse) => void) => {
    for (const s of servers) s.routes.set(path, handler);
  };
  const articles = Array.from({ length: o.articles }, (_, i) => articlePage(i));
  const slow = articlePage(o.articles, '/import/slow.html');
  const movedTarget = articlePage(o.articles + 1, '/import/moved-here.html');
  for (const a of [...articles, movedTarget])
    serveEverywhere(a.path, (res) => sendHtml(res, a.html));
  serveEverywhere(slow.path, (res) => void setTimeout(() => sendHtml(res, slow.html), o.slowMs));
  serveEverywhere('/import/moved.html', (res) =>
    res.writeHead(302, { location: movedTarget.path }).end(),
  );
  serveEverywhere('/import/sections.html', (res) => sendHtml(res, linkListPage()));
  const links: ImportWorld['links'] = [
    ...articles.map((a, i) => ({
      url: servers[i % servers.length]!.url(a.path),
      title: a.title,
      archived: i % 9 === 4,
      tags: i % 5 === 0 ? ['مدن'] : [],
      expect: 'saved' as const,
    })),
    { url: extra[0]!.url(slow.path), title: slow.title, expect: 'saved' },
    { url: extra[1]!.url('/import/moved.html'), title: movedTarget.title, expect: 'saved' },
    { url: extra[2]!.url('/import/gone.html'), title: GONE_TITLE, expect: 'gone' },
    { url: extra[3]!.url('/import/sections.html'), title: SECTIONS_TITLE, expect: 'not-article' },
    {
      url: main.url('/shared/corpus/real/fardapaper-fa-1.html'),
      title: PERSIAN_TITLE,
      expect: 'not-arabic',
    },
  ];
  return {
    main,
    servers,
    articles,
    slow,
    movedTarget,
    links,
    close: async () => {
      await Promise.all(servers.map((s) => s.close().catch(() => undefined)));
    },
  };
}

interface Progress {
  finished: number;
  total: number;
}

const progressOf = (page: Surface): Promise<Progress> =>
  page.evaluate(() => {
    const bar = document.querySelector('[data-testid="import-progress"]');
    return {
      finished: Number(bar?.getAttribute('value') ?? 0),
      total: Number(bar?.getAttribute('max') ?? 0),
    };
  });

const textOf = (page: Surface, testId: string): Promise<string> =>
  page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', testId);

/** Poll until `check` is true; fail naming `what`. */
async function untilTrue(what: string, check: () => Promise<boolean>, timeout = 15_000) {
  await until(what, check, true, timeout);
}

interface Stored {
  articles: { url: string; canonicalUrl: string; hasBody: number; failure: string | null }[];
  imports: { url: string; state: string; reason: string | null }[];
}

/** The reading list and the import queue as stored in IndexedDB, read from an extension page. */
function stored(driver: Driver): Promise<Stored> {
  return driver.inExtensionPage('import.html', async () => {
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
}

/** Whether the extension holds site access, asked from one of its pages. */
const siteAccess = (page: Surface): Promise<boolean> =>
  page.evaluate(() => {
    const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
    return (g.browser ?? g.chrome).permissions.contains({ origins: ['http://*/*', 'https://*/*'] });
  });

/** The list's row for `title`: its failure badge's reason and text. */
const badgeOf = (list: Tab, title: string): Promise<[string | null, string] | null> =>
  list.evaluate(
    ([row, t]) => {
      const r = [...document.querySelectorAll(row)].find((e) => e.textContent?.includes(t));
      const badge = r?.querySelector('.qari-import-failure');
      return badge ? [badge.getAttribute('data-reason'), badge.textContent ?? ''] : null;
    },
    [ROW, title] as const,
  );

export function importScenarios(
  driver: () => Driver,
  world: () => ImportWorld,
  o: ImportOptions,
): void {
  const total = () => world().links.length;
  const saved = () => o.articles + SAVED_OTHERS;

  it('previews the file, asks for site access on start and imports the links in the background (across a browser restart where the profile is kept)', async () => {
    const w = world();
    expect(w.links).toHaveLength(o.articles + OTHERS);
    const d = driver();
    let page = await d.extensionTab('import.html');
    await page.upload('[data-testid="import-file"]', {
      name: 'ril_export.html',
      text: pocketExport(w.links),
    });
    const archived = w.links.filter((x) => x.archived).length;
    await waitFor(page, '[data-testid="import-counts"]');
    expect(await textOf(page, 'import-counts')).toBe(
      msg('importCounts')
        .replace('$1', arabicCount(total()))
        .replace('$2', arabicCount(total() - archived))
        .replace('$3', arabicCount(archived))
        .replace('$4', arabicCount(0)),
    );
    // The preview lists the first links by title.
    await byText(page, 'li, td, span, p', w.articles[0]!.title);

    // Site access is asked for on this click, not at install: the reader allows it.
    expect(await siteAccess(page)).toBe(false);
    await page.clickGranting(await byText(page, 'button', msg('importStart')));
    await byText(
      page,
      '[role="status"]',
      msg('importStarted').replace('$1', arabicCount(total())).replace('$2', arabicCount(0)),
    );
    expect(await siteAccess(page)).toBe(true);

    if (d.restart) {
      await untilTrue(
        `${o.restartAfter} links to be finished`,
        async () => (await progressOf(page)).finished >= o.restartAfter,
        60_000,
      );
      const before = await progressOf(page);
      expect(before.total).toBe(total());
      expect(before.finished).toBeLessThan(total());
      // The browser goes away mid-import (the profile stays) and comes back.
      await d.restart();
      page = await d.extensionTab('import.html');
    }
    await untilTrue(
      `all ${total()} links to be finished`,
      async () => {
        const p = await progressOf(page);
        return p.finished === total() && p.total === total();
      },
      FINISH_MS,
    );
    const status = await textOf(page, 'import-status');
    await page.close();

    const { articles: rows, imports } = await stored(d);
    expect(rows).toHaveLength(total());
    expect(new Set(rows.map((r) => r.canonicalUrl)).size).toBe(total());
    expect(rows.map((r) => r.url).sort()).toEqual(w.links.map((x) => x.url).sort());
    expect(imports).toHaveLength(total());
    for (const link of w.links) {
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
    expect(status).toContain(msg('importDone').replace('$1', arabicCount(saved())));
    expect(status).toContain(msg('importFailed').replace('$1', arabicCount(total() - saved())));
  });

  it('shows why each failed link was not saved, on the import page and in the list', async () => {
    const d = driver();
    const page = await d.extensionTab('import.html');
    const failuresShown = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="import-failures"] li')].map((li) => [
          li.textContent ?? '',
          li.getAttribute('data-reason'),
        ]),
      );
    await untilTrue(
      `${total() - saved()} failures on the import page`,
      async () => (await failuresShown()).length === total() - saved(),
    );
    const failures = await failuresShown();
    for (const [title, reason, key] of FAILURE_CASES) {
      const item = failures.find(([text]) => text!.includes(title));
      expect(item?.[1]).toBe(reason);
      expect(item?.[0]).toContain(msg(key));
    }
    await page.close();

    const list = await openList(d);
    await byText(list, 'p, span, div, h1, h2', `قائمة القراءة: ${arabicCount(total())}`);
    for (const [title, reason, key] of FAILURE_CASES) {
      await search(list, title);
      expect(await badgeOf(list, title)).toEqual([reason, msg(key)]);
    }
    await list.close();
  });

  it('finds imported articles by words of their text, misspelled or unvocalized', async () => {
    const w = world();
    const list = await openList(driver());
    // Each city is named in one article's body only, never in a title: a hit means the page was
    // fetched, extracted and indexed (in the background page where there is no offscreen one).
    const cases: [query: string, page: ArticlePage][] = [
      ['الاسكندريه', w.articles[0]!], // no hamza, heh for teh marbuta
      ['قسنطينه', w.articles[1]!],
      ['طَنْجَة', w.articles[2]!], // vocalized
      [w.slow.keyword, w.slow],
      [w.movedTarget.keyword, w.movedTarget],
    ];
    for (const [query, page] of cases) {
      await search(list, query);
      const rows = await rowTexts(list);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(page.title);
      expect(await marks(list)).toContain(page.keyword);
    }
    await search(list, 'بركان');
    await byText(list, 'p, div', msg('popupNoResults'));
    expect(await rowTexts(list)).toHaveLength(0);
    await list.close();
  });

  // Last: where the browser has no offline switch the page servers are closed for good.
  it('opens imported articles from the list offline, with every page server unreachable', async () => {
    const w = world();
    const d = driver();
    const list = await openList(d);
    const online = await d.offline(w.servers);
    try {
      const probe = await d.newTab();
      await expect(probe.goto(w.links[0]!.url)).rejects.toThrow();
      await probe.close();

      for (const [query, article, url] of [
        ['الاسكندريه', w.articles[0]!, w.links[0]!.url],
        [w.movedTarget.keyword, w.movedTarget, w.links[o.articles + 1]!.url],
      ] as const) {
        await search(list, query);
        const link = await byText(list, `${ROW} a`, article.title);
        const page = await list.clickOpeningTab(link);
        await waitFor(page, 'article.qari-article h1');
        const [title, text, original] = await page.evaluate(() => [
          document.querySelector('article.qari-article h1')?.textContent ?? '',
          document.querySelector('article.qari-article')?.textContent ?? '',
          document.querySelector('a.qari-original')?.getAttribute('href') ?? '',
        ]);
        expect(title).toBe(article.title);
        expect(text).toContain(`وفي ${article.keyword} تحديدًا`);
        // The entry keeps the address it was imported with, even after a redirect.
        expect(original).toBe(url);
        await page.close();
      }
    } finally {
      await online();
    }
    await list.close();
  });
}
