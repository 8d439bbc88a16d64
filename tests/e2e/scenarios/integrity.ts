/**
 * A hostile page against the reading list's integrity, written for every browser (./driver.ts):
 * a page whose canonical link names another site's saved article must not replace it when saved
 * from the reader's button. The other site is a second loopback host (127.0.0.2), served by this
 * file. Run in Firefox; Chromium runs the same attack saved by the keyboard command
 * (../hostile-integrity.e2e.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../fixtures';
import { startServer, type PageServer } from '../server';
import { until, type Driver, type Surface } from './driver';

const SAVED_NOTICE = 'حُفظت الصفحة في قائمة القراءة.';
// The seed article without its own canonical link: each copy is keyed by where it is served.
const SEED = readFileSync(join(SHARED_DIR, 'fixtures/seed-article.html'), 'utf8').replace(
  /<link[^>]*rel="canonical"[^>]*>/gi,
  '',
);
const ORIGINAL_PATH = '/news/original.html';

interface Row {
  url: string;
  canonicalUrl: string;
}

const SAVE_BUTTON = '#qari-save';

/** Save the article shown in `frame` with a click on the reader's save button, as a reader does. */
async function saveFromReader(frame: Surface): Promise<void> {
  await frame.click(SAVE_BUTTON);
  await until(
    'the saved notice',
    () =>
      frame.evaluate(
        (n) =>
          [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes(n)),
        SAVED_NOTICE,
      ),
    true,
  );
}

/** Define the integrity scenarios; `driver` is the suite's browser, launched in its beforeAll. */
export function integrityScenarios(driver: () => Driver): void {
  let other: PageServer;
  beforeAll(async () => {
    other = await startServer([], 0, { host: '127.0.0.2' });
    other.routes.set(ORIGINAL_PATH, (res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SEED),
    );
  });
  afterAll(async () => {
    await other?.close();
  });

  /** The reading list as stored in IndexedDB, read from an extension page. */
  const storedRows = (): Promise<Row[]> =>
    driver().inExtensionPage('import.html', async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('qari');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const rows = await new Promise<{ canonicalUrl: string; meta: { url: string } }[]>(
        (resolve, reject) => {
          const req = db.transaction('articles').objectStore('articles').getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        },
      );
      db.close();
      return rows.map((r) => ({ url: r.meta.url, canonicalUrl: r.canonicalUrl }));
    });

  it("a cross-site canonical link does not let a page's save replace the article saved from another site", async () => {
    const d = driver();
    const start = (await storedRows()).length;
    const original = await d.newTab();
    await original.goto(other.url(ORIGINAL_PATH));
    await saveFromReader(await original.openReader());
    await until('the original saved', async () => (await storedRows()).length, start + 1);
    const before = (await storedRows()).find((r) => r.url === other.url(ORIGINAL_PATH));
    expect(before?.canonicalUrl).toBe(
      `https://127.0.0.2:${new URL(other.origin).port}${ORIGINAL_PATH}`,
    );

    // The other site's article, named through <base href> and a relative, upper-case,
    // multi-token canonical link.
    const forgedUrl = d.serve(
      '/hostile/forged-canonical.html',
      SEED.replace(
        /<head([^>]*)>/i,
        `<head$1><base href="${other.origin}/"><link rel="CANONICAL alternate" href="${ORIGINAL_PATH.slice(1)}">`,
      ),
    );
    const forged = await d.newTab();
    await forged.goto(forgedUrl);
    expect(
      await forged.evaluate(
        () => (document.querySelector('link[rel~=canonical i]') as HTMLLinkElement).href,
      ),
    ).toBe(other.url(ORIGINAL_PATH));
    await saveFromReader(await forged.openReader());
    await until('the forged page saved apart', async () => (await storedRows()).length, start + 2);
    const rows = await storedRows();
    expect(rows.find((r) => r.canonicalUrl === before!.canonicalUrl)?.url).toBe(
      other.url(ORIGINAL_PATH),
    );
    expect(rows.map((r) => r.url)).toEqual(
      expect.arrayContaining([other.url(ORIGINAL_PATH), forgedUrl]),
    );
    await original.close();
    await forged.close();
  });
}
