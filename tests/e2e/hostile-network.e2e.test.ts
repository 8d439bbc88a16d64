/**
 * A hostile import list against the reader's own network (issue 14), in Chromium with the built
 * extension: a public-looking link whose redirect chain passes through an address on the reader's
 * machine and comes back out to a public page. The harness's loopback switch is on, so the test
 * server's 127.0.0.1 counts as the public web; `localhost` stays a name of the reader's own
 * machine (lib/url/public-address.ts) and plays the private hop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateHopPatterns } from '../../lib/fetch/private-hop-rules';
import { ROOT, launch, type Launched } from './fixtures';
import { articlePage, sendHtml } from './import-pages';
import { answerPermissionPrompt } from './keyboard';

const MESSAGES = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string) => MESSAGES[key]!.message;

let l: Launched;

beforeAll(async () => {
  l = await launch({ headless: false, fetchLoopback: true });
});

afterAll(async () => {
  await l?.close();
});

/** Every row of one of the extension's IndexedDB stores, read from an extension page. */
async function storeRows<T>(store: 'articles' | 'imports'): Promise<T[]> {
  const page = await l.extensionPage('import.html');
  try {
    return (await page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('qari');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return rows;
    }, store)) as T[];
  } finally {
    await page.close();
  }
}

const pathOf = (url: string) => new URL(url).pathname;

/** A redirect to `location`, as a hostile (or compromised) public site answers. */
const redirect = (location: string) => (res: import('node:http').ServerResponse) =>
  void res.writeHead(302, { location }).end();

describe('the redirect-hop rules', () => {
  it('are each accepted by the browser, with the harness’s switch off (every installed build) and on', async () => {
    for (const loopback of [false, true]) {
      const verdicts = await l.worker.evaluate(
        (patterns) =>
          Promise.all(
            patterns.map((regex) => chrome.declarativeNetRequest.isRegexSupported({ regex })),
          ),
        privateHopPatterns({ loopback }),
      );
      expect(verdicts.map((v) => v.reason ?? 'ok')).toEqual(verdicts.map(() => 'ok'));
    }
  });
});

describe('an imported link that redirects through the reader’s own machine', () => {
  it('never sends the request to the private hop, even when the chain ends on a public page', async () => {
    const port = new URL(l.server.origin).port;
    const hits: string[] = [];
    const landed = articlePage(1, '/news/landed.html');
    l.server.routes.set('/news/go.html', redirect(`http://localhost:${port}/admin/reboot`));
    // The private hop: the router's "reboot" URL answers by sending the browser back out.
    l.server.routes.set('/admin/reboot', (res) => {
      hits.push('/admin/reboot');
      redirect(l.server.url('/news/landed.html'))(res);
    });
    l.server.routes.set('/news/landed.html', (res) => sendHtml(res, landed.html));
    // A plain public link beside it: the import itself works under the switch.
    const control = articlePage(2, '/news/control.html');
    l.server.routes.set('/news/control.html', (res) => sendHtml(res, control.html));
    const link = l.server.url('/news/go.html');
    const file =
      '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n' +
      `<DT><A HREF="${link}">خبر عادي</A>\n` +
      `<DT><A HREF="${l.server.url('/news/control.html')}">خبر آخر</A>\n` +
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
    // The control link is fetched; the redirecting one has been tried and failed (a blocked hop
    // looks like a network failure to the fetch, so the queue keeps it for a later try).
    await expect
      .poll(
        async () => {
          const tried = (await storeRows<{ url: string; reason?: string }>('imports'))
            .filter((r) => r.reason)
            .map((r) => `${pathOf(r.url)}:${r.reason}`);
          const fetched = (await storeRows<{ meta: { url: string }; hasBody: number }>('articles'))
            .filter((r) => r.hasBody)
            .map((r) => pathOf(r.meta.url));
          return [...tried, ...fetched].sort();
        },
        { timeout: 60_000, interval: 500 },
      )
      .toEqual(['/news/control.html', '/news/go.html:network']);
    expect(hits).toEqual([]);
    await importPage.close();
  });
});
