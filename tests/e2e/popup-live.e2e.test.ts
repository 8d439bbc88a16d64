/**
 * The open toolbar popup follows the list while the reader looks at it: a change another browser
 * synced in, an article body fetched in the background and a link an import could not save each
 * show in its row without reopening it. Each change is caused from outside the popup (another
 * profile's sync area delivered into this one, messages from an extension page in a background
 * tab), as the browser's sync, the reader page and the import page cause them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, SHARED_DIR, launch, tabIdOf, type Launched } from './fixtures';
import { answerPermissionPrompt } from './keyboard';
import { startServer, type PageServer } from './server';
import { openToolbarPopup, type ToolbarPopup } from './toolbar-popup';

const MESSAGES = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string) => MESSAGES[key]!.message;

const SAMPLE = '/pages/sample-article.html';
const GOLD = JSON.parse(
  readFileSync(join(ROOT, 'tests/pages/sample-article.gold.json'), 'utf8'),
) as { title: string };
const GONE_PATH = '/gone/article.html';
const GONE_TITLE = 'مقال حذفه موقعه';

let server: PageServer;
let peer: Launched;
let l: Launched;
let front: Page;
let ext: Page;

beforeAll(async () => {
  server = await startServer([
    { prefix: '/pages/', dir: join(ROOT, 'tests/pages') },
    { prefix: '/shared/', dir: SHARED_DIR },
  ]);
  server.routes.set(GONE_PATH, (res) => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>404</title>');
  });
  peer = await launch({ server });
  // openPopup needs a focused normal window: a visible one (under Xvfb without a display).
  l = await launch({ server, headless: false });
  // The extension page the changes are sent from, as the reader and import pages send them.
  ext = await l.extensionPage('options.html');
  await allowSiteAccess(ext);
  front = await l.context.newPage();
  await front.goto(l.server.url(SAMPLE), { waitUntil: 'domcontentloaded' });
});

afterAll(async () => {
  await l?.close();
  await peer?.close();
  await server?.close();
});

function send<T>(page: Page, type: string, payload: object): Promise<T> {
  return page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }), [
    type,
    payload,
  ] as const) as Promise<T>;
}

/** Site access for background fetches, granted in the browser's prompt as the reader does. */
async function allowSiteAccess(page: Page): Promise<void> {
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'allow-sites';
    button.textContent = 'allow';
    button.onclick = () =>
      void chrome.permissions.request({ origins: ['http://*/*', 'https://*/*'] });
    document.body.append(button);
  });
  await answerPermissionPrompt(() => page.click('#allow-sites'), true);
  const granted = await page.evaluate(() =>
    chrome.permissions.contains({ origins: ['http://*/*'] }),
  );
  expect(granted).toBe(true);
}

/** The peer saves the sample article and syncs; its sync area is then Chrome Sync's to carry. */
async function peerSavesSample(): Promise<Record<string, unknown>> {
  const page = await peer.extensionPage('options.html');
  const article = await peer.context.newPage();
  await article.goto(server.url(SAMPLE));
  const tabId = await tabIdOf(peer, article);
  expect(await send(page, 'library:saveTab', { tabId })).toMatchObject({ ok: true });
  expect(await send(page, 'sync:now', {})).toMatchObject({ lastError: null });
  const items = await peer.worker.evaluate(() => chrome.storage.sync.get(null));
  await Promise.all([article.close(), page.close()]);
  return items as Record<string, unknown>;
}

/** The text of the popup's row whose text holds `text`, or '' while there is none. */
const rowText = (text: string) =>
  `[...document.querySelectorAll('[role="listitem"]')].find((li) => li.textContent.includes(${JSON.stringify(text)}))?.textContent ?? ''`;

describe('the open toolbar popup', () => {
  it('shows a synced entry, its fetched body and an import failure without reopening', async () => {
    const synced = await peerSavesSample();
    const popup: ToolbarPopup = await openToolbarPopup(l, front);
    try {
      await popup.until(`document.querySelector('.qari-popup[aria-busy="false"]')`);
      expect(await popup.value<string>(rowText(GOLD.title))).toBe('');

      // Another browser's save arrives through storage.sync.
      await l.worker.evaluate((items) => chrome.storage.sync.set(items), synced);
      expect(await send(ext, 'sync:now', {})).toMatchObject({ lastError: null });
      const offline = msg('popupStateOffline');
      await popup.until(`(${rowText(GOLD.title)}).includes(${JSON.stringify(offline)})`);

      // Its article is fetched in the background (the reader page asks for it so).
      const id = await popup.value<number>(
        `Number(new URL([...document.querySelectorAll('[role="listitem"]')].find((li) =>
          li.textContent.includes(${JSON.stringify(GOLD.title)})).querySelector('a').href).searchParams.get('id'))`,
      );
      expect(await send(ext, 'library:fetchBody', { id })).toMatchObject({ ok: true });
      await popup.until(
        `(${rowText(GOLD.title)}) !== '' && !(${rowText(GOLD.title)}).includes(${JSON.stringify(offline)})`,
      );

      // An import whose link is gone: listed at once, then marked as not saved.
      const started = await send(ext, 'import:links', {
        items: [
          {
            url: server.url(GONE_PATH),
            title: GONE_TITLE,
            savedAt: Date.now(),
            read: false,
            archived: false,
            favourite: false,
            tags: [],
          },
        ],
      });
      expect(started).toMatchObject({ ok: true });
      await popup.until(
        `(${rowText(GONE_TITLE)}).includes(${JSON.stringify(msg('importFailure_gone'))})`,
        60_000,
      );
    } finally {
      await popup.close();
    }
  });
});
