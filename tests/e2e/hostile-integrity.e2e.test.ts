/**
 * Hostile pages and files against the reading list's integrity (issue 14), in Chromium with the
 * built extension: a page that names another site's saved article as its canonical link, an
 * import list of links to the reader's own machine, and bookmark files built to make the
 * scanner quadratic. The browser runs with loopback fetches refused, as every installed build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { nestedFolders, unclosedLinks } from '../fixtures/hostile-bookmarks';
import { ROOT, SHARED_DIR, launch, type Launched } from './fixtures';
import { articlePage, sendHtml } from './import-pages';
import { answerPermissionPrompt, pressShortcut } from './keyboard';
import { startServer, type PageServer } from './server';

const MESSAGES = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string) => MESSAGES[key]!.message;
const arabicCount = (n: number) => n.toLocaleString('ar-u-nu-arab');

const SAVE_SHORTCUT = 'alt+shift+s';
// The seed article without its own canonical link: each copy is keyed by where it is served.
const SEED = readFileSync(join(SHARED_DIR, 'fixtures/seed-article.html'), 'utf8').replace(
  /<link[^>]*rel="canonical"[^>]*>/gi,
  '',
);
const ORIGINAL_PATH = '/news/original.html';

let own: PageServer; // 127.0.0.1: the hostile pages
let other: PageServer; // 127.0.0.2: another site, whose article the reader saved
let l: Launched;

beforeAll(async () => {
  own = await startServer([]);
  other = await startServer([], 0, { host: '127.0.0.2' });
  other.routes.set(ORIGINAL_PATH, (res) => sendHtml(res, SEED));
  // The other site's article, named through <base href> and a relative, upper-case, multi-token
  // canonical link.
  const forged = SEED.replace(
    /<head([^>]*)>/i,
    `<head$1><base href="${other.origin}/"><link rel="CANONICAL alternate" href="${ORIGINAL_PATH.slice(1)}">`,
  );
  own.routes.set('/forged.html', (res) => sendHtml(res, forged));
  l = await launch({ server: own, headless: false, fetchLoopback: false });
});

afterAll(async () => {
  await l?.close();
  await Promise.all([own, other].map((s) => s?.close()));
});

interface Row {
  url: string;
  canonicalUrl: string;
  hasBody: number;
  failure: string | null;
}

/** The reading list as stored in IndexedDB, read from an extension page. */
async function storedRows(): Promise<Row[]> {
  const page = await l.extensionPage('import.html');
  try {
    return await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('qari');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const rows = await new Promise<
        { canonicalUrl: string; meta: { url: string }; hasBody: number; importFailure?: string }[]
      >((resolve, reject) => {
        const req = db.transaction('articles').objectStore('articles').getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return rows.map((r) => ({
        url: r.meta.url,
        canonicalUrl: r.canonicalUrl,
        hasBody: r.hasBody,
        failure: r.importFailure ?? null,
      }));
    });
  } finally {
    await page.close();
  }
}

/** Save the page at the front with the keyboard command, as a reader does; wait for `count` entries. */
async function saveByShortcut(page: Page, count: number): Promise<void> {
  await page.bringToFront();
  pressShortcut(SAVE_SHORTCUT);
  await expect
    .poll(async () => (await storedRows()).length, { timeout: 20_000, interval: 250 })
    .toBe(count);
}

describe('a cross-site canonical link', () => {
  it("does not let a page's save replace the article saved from another site", async () => {
    const original = await l.context.newPage();
    await original.goto(other.url(ORIGINAL_PATH));
    await saveByShortcut(original, 1);
    const [before] = await storedRows();
    expect(before?.url).toBe(other.url(ORIGINAL_PATH));
    expect(before?.canonicalUrl).toBe(
      `https://127.0.0.2:${new URL(other.origin).port}${ORIGINAL_PATH}`,
    );

    const forged = await l.context.newPage();
    await forged.goto(own.url('/forged.html'));
    // The canonical link resolves (through <base>) to the other site's article.
    await expect(
      forged.evaluate(
        () => (document.querySelector('link[rel~=canonical i]') as HTMLLinkElement).href,
      ),
    ).resolves.toBe(other.url(ORIGINAL_PATH));
    await saveByShortcut(forged, 2);
    const rows = await storedRows();
    expect(rows.find((r) => r.canonicalUrl === before!.canonicalUrl)?.url).toBe(
      other.url(ORIGINAL_PATH),
    );
    expect(rows.map((r) => r.url).sort()).toEqual(
      [other.url(ORIGINAL_PATH), own.url('/forged.html')].sort(),
    );
    await Promise.all([original.close(), forged.close()]);
  });
});

describe('an import list of links to the reader’s own machine', () => {
  it('is refused link by link: no request reaches the machine, nothing is stored as an article', async () => {
    const hits: string[] = [];
    const page = articlePage(1, '/router/status.html');
    for (const path of ['/router/status.html', '/admin/reboot']) {
      own.routes.set(path, (res) => {
        hits.push(path);
        sendHtml(res, page.html);
      });
    }
    const port = new URL(own.origin).port;
    const urls = [
      own.url('/router/status.html'),
      `http://localhost:${port}/router/status.html`,
      `http://2130706433:${port}/admin/reboot`,
      `http://[::ffff:127.0.0.1]:${port}/admin/reboot`,
    ];
    const file =
      '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n' +
      urls.map((u, i) => `<DT><A HREF="${u}">لوحة ${i}</A>\n`).join('') +
      '</DL><p>\n';
    const importPage = await l.extensionPage('import.html');
    await importPage.getByTestId('import-file').setInputFiles({
      name: 'bookmarks.html',
      mimeType: 'text/html',
      buffer: Buffer.from(file),
    });
    await importPage.getByTestId('import-counts').waitFor();
    await answerPermissionPrompt(
      () => importPage.getByRole('button', { name: msg('importStart') }).click(),
      true,
    );
    const canonical = (u: string) => new URL(u).href;
    await expect
      .poll(
        async () =>
          (await storedRows())
            .filter((r) => urls.map(canonical).includes(r.url))
            .map((r) => r.failure),
        { timeout: 60_000, interval: 500 },
      )
      .toEqual(urls.map(() => 'private'));
    const rows = (await storedRows()).filter((r) => urls.map(canonical).includes(r.url));
    expect(rows.every((r) => r.hasBody === 0)).toBe(true);
    expect(hits).toEqual([]);
    await importPage.close();
  });
});

interface Probe {
  /** When the file was chosen, and when its preview showed (the page's clock, ms). */
  start: number;
  end: number;
  /** When each of the background's answers to back-to-back messages arrived in between. */
  answers: number[];
}

/**
 * From the import page: as soon as a file is chosen, ask the background for the queue's status
 * again each time it answers, until the preview shows. Resolves with the times.
 */
function probeBackground(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { probe: Promise<Probe> };
    w.probe = new Promise<Probe>((resolve) => {
      const answers: number[] = [];
      let start = 0;
      let end = 0;
      const ping = (): void =>
        void chrome.runtime.sendMessage({ type: 'import:status', payload: {} }).then(() => {
          if (end) return;
          answers.push(performance.now());
          ping();
        });
      const input = document.querySelector('[data-testid="import-file"]')!;
      input.addEventListener(
        'change',
        () => {
          start = performance.now();
          ping();
        },
        { capture: true, once: true },
      );
      new MutationObserver((_, obs) => {
        if (!document.querySelector('[data-testid="import-counts"]')) return;
        end = performance.now();
        obs.disconnect();
        resolve({ start, end, answers });
      }).observe(document.body, { childList: true, subtree: true });
    });
  });
}

describe('bookmark files built against the scanner', () => {
  it.each([
    ['30,000 links without </A> (1.5 MB)', unclosedLinks(30_000), 30_000],
    ['10,000 nested folders', nestedFolders(10_000), 10_000],
  ])('%s: previewed while the background keeps answering', async (_what, text, links) => {
    const page = await l.extensionPage('import.html');
    await probeBackground(page);
    await page.getByTestId('import-file').setInputFiles({
      name: 'bookmarks.html',
      mimeType: 'text/html',
      buffer: Buffer.from(text),
    });
    const probe = await page.evaluate(() => (window as unknown as { probe: Promise<Probe> }).probe);
    await expect(page.getByTestId('import-counts').textContent()).resolves.toContain(
      arabicCount(links),
    );
    // The background answered all through the preview: no silence longer than a third of it
    // (a parse on the background's thread is one silence nearly as long as the whole preview).
    const times = [probe.start, ...probe.answers, probe.end];
    const longestSilence = Math.max(...times.slice(1).map((t, i) => t - times[i]!));
    expect(probe.answers.length).toBeGreaterThanOrEqual(3);
    expect(longestSilence).toBeLessThan((probe.end - probe.start) / 3);
    await page.close();
  });
});
