/**
 * Sync between two Firefox profiles, as ../sync.e2e.test.ts does between two Chromium ones: what
 * Firefox Sync would do (carry one profile's `storage.sync` to the other) is done by the test, with
 * `storage.sync.set/remove` in the receiving profile, so its engine hears the same change events
 * and quota checks as from Firefox's own delivery. Firefox keeps `storage.sync` in its own local
 * store when no account is signed in, with the same quotas as Chrome's; its background is a page,
 * which parses the fetched article itself (no offscreen document).
 *
 * The profiles answer an optional-permission request without the doorhanger
 * (`extensions.webextOptionalPermissionPrompts`): BiDi cannot reach Firefox's own prompts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ROOT, SHARED_DIR } from '../fixtures';
import {
  byText,
  launchFirefox,
  openReaderFromButton,
  readerFrame,
  until,
  visit,
  type FirefoxLaunched,
} from '../firefox';
import { startServer, type PageServer } from '../server';

interface Gold {
  title: string;
  mustContain: string[];
}

const SAMPLE = '/pages/sample-article.html';
const GOLD = JSON.parse(
  readFileSync(join(ROOT, 'tests/pages/sample-article.gold.json'), 'utf8'),
) as Gold;
const AR = JSON.parse(
  readFileSync(join(ROOT, 'public/_locales/ar/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const msg = (key: string): string => AR[key]!.message;
const KEY = 'مكتبات الأحياء';
const ROW = '[role="listitem"][data-entry-id]';
const NAMESPACE_PREFIX = 'q:';
// Grant optional permissions without Firefox's doorhanger (the test cannot click Firefox's UI).
const PREFS = { 'extensions.webextOptionalPermissionPrompts': false };

type Items = Record<string, unknown>;
interface SyncState {
  enabled: boolean;
  lastSyncedAt: number | null;
  pending: number;
  localOnly: number;
  lastError: { code: string; messageKey: string } | null;
}
interface Row {
  id: number;
  url: string;
  archived: number;
  favourite: number;
}

let server: PageServer;
let a: FirefoxLaunched;
let b: FirefoxLaunched;
// An extension page in each profile to send messages and reach its sync area from.
let pageA: Page;
let pageB: Page;

beforeAll(async () => {
  server = await startServer([
    { prefix: '/pages/', dir: join(ROOT, 'tests/pages') },
    { prefix: '/shared/', dir: SHARED_DIR },
  ]);
  a = await launchFirefox({ server, prefs: PREFS });
  b = await launchFirefox({ server, prefs: PREFS, fetchLoopback: true });
  pageA = await a.extensionPage('options.html');
  pageB = await b.extensionPage('options.html');
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
});

// Firefox's own `browser` namespace: promises, as the extension itself uses them.
function send<T>(page: Page, type: string, payload: object): Promise<T> {
  return page.evaluate(
    (type, payload) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({
        type,
        payload,
      }),
    type,
    payload,
  ) as Promise<T>;
}

const syncArea = (page: Page): Promise<Items> =>
  page.evaluate(() =>
    (globalThis as unknown as { browser: typeof chrome }).browser.storage.sync.get(null),
  ) as Promise<Items>;

/** What Firefox Sync does between two profiles: `to`'s area becomes `from`'s. */
async function deliver(from: Page, to: Page): Promise<void> {
  const items = await syncArea(from);
  const stale = Object.keys(await syncArea(to)).filter((k) => !(k in items));
  await to.evaluate(
    async (items, stale) => {
      const sync = (globalThis as unknown as { browser: typeof chrome }).browser.storage.sync;
      if (stale.length) await sync.remove(stale);
      await sync.set(items);
    },
    items,
    stale,
  );
}

/** One round each way: `from` syncs, its area reaches `to`, which syncs. */
async function syncRound(from: Page, to: Page): Promise<void> {
  const sent = await send<SyncState>(from, 'sync:now', {});
  expect(sent).toMatchObject({ enabled: true, pending: 0, lastError: null });
  await deliver(from, to);
  const got = await send<SyncState>(to, 'sync:now', {});
  expect(got.lastError).toBeNull();
}

/** The profile's list as stored (IndexedDB, read from an extension page), by URL. */
function listOf(page: Page): Promise<Map<string, Row>> {
  return page
    .evaluate(
      () =>
        new Promise<Row[]>((resolve, reject) => {
          const open = indexedDB.open('qari');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('articles').objectStore('articles').getAll();
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              resolve(
                (req.result as Record<string, unknown>[]).map((r) => ({
                  id: r.id as number,
                  url: r.canonicalUrl as string,
                  archived: r.archived as number,
                  favourite: r.favourite as number,
                })),
              );
              open.result.close();
            };
          };
        }),
    )
    .then((rows) => new Map(rows.map((r) => [r.url, r])));
}

async function openPopup(l: FirefoxLaunched): Promise<Page> {
  const popup = await l.extensionPage('popup.html');
  await popup.waitForSelector('.qari-popup[aria-busy="false"]', { timeout: 15_000 });
  return popup;
}

const rowText = (popup: Page, key: string): Promise<string | null> =>
  popup.$$eval(
    ROW,
    (rows, key) => rows.map((r) => r.textContent ?? '').find((t) => t.includes(key)) ?? null,
    key,
  );

/** The stored row of the sample article in `page`'s profile, if any. */
async function sampleRow(page: Page): Promise<Row | undefined> {
  return [...(await listOf(page)).values()].find((r) => r.url.endsWith(SAMPLE));
}

describe('sync between two Firefox profiles', () => {
  it('brings an article saved in A to B, which fetches it in its background page when opened', async () => {
    const article = await a.newPage();
    await visit(article, server.url(SAMPLE));
    // Saved from the reader, as a reader does (the test's pages may not read tabs' addresses).
    await openReaderFromButton(article);
    const frame = await readerFrame(article);
    await (await byText(frame, 'button', msg('readerSave'))).click();
    await byText(frame, '[role="status"]', msg('saveDone'));
    await article.close();

    const stateA = await send<SyncState>(pageA, 'sync:now', {});
    expect(stateA).toMatchObject({ enabled: true, pending: 0, lastError: null });
    const items = await syncArea(pageA);
    expect(Object.keys(items).some((k) => k.startsWith(NAMESPACE_PREFIX))).toBe(true);
    // Bodies stay local: the sync area is far smaller than the article.
    expect(JSON.stringify(items).length).toBeLessThan(4_000);

    await deliver(pageA, pageB);
    const stateB = await send<SyncState>(pageB, 'sync:now', {});
    expect(stateB.lastError).toBeNull();

    const popup = await openPopup(b);
    const text = await until('the synced row in B', () => rowText(popup, KEY));
    expect(text).toContain(GOLD.title);
    // Known from A, its article not on this browser yet.
    expect(text).toContain(msg('popupStateOffline'));

    const link = await byText(popup, `${ROW} a`, KEY);
    const opened = new Promise<Page | null>((resolve) =>
      b.browser.once('targetcreated', (t: { page(): Promise<Page | null> }) => resolve(t.page())),
    );
    await link.click();
    const reader = await until('the synced article tab', () => opened);
    // B holds no access to the article's site yet: it asks only on the reader's click.
    const allow = await byText(reader, '.qari-fetch-access button', msg('syncAllowAccess'));
    const access = (origin: string) =>
      reader.evaluate(
        (origin) =>
          (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({
            origins: [origin],
          }),
        origin,
      );
    expect(await access('http://127.0.0.1/*')).toBe(false);
    await allow.click();
    await reader.waitForSelector('article.qari-article h1', { timeout: 30_000 });
    expect(await access('http://127.0.0.1/*')).toBe(true);
    // Only the article's own site, not the whole web.
    expect(await access('https://example.com/*')).toBe(false);
    expect(await reader.$eval('article.qari-article h1', (h) => h.textContent)).toContain(
      GOLD.title,
    );
    const body = await reader.$eval('article.qari-article', (el) => el.textContent ?? '');
    for (const phrase of GOLD.mustContain) expect(body).toContain(phrase);
    await reader.close();

    // The body is stored in B now: the row no longer says it is elsewhere.
    await popup.close();
    const again = await openPopup(b);
    expect(await until('the row in B', () => rowText(again, KEY))).not.toContain(
      msg('popupStateOffline'),
    );
    await again.close();
  });

  it('carries a favourite from B to A and an archive from A to B', async () => {
    await send(pageB, 'library:setStatus', {
      id: (await sampleRow(pageB))!.id,
      patch: { favourite: true },
    });
    await syncRound(pageB, pageA);
    expect(await sampleRow(pageA)).toMatchObject({ favourite: 1, archived: 0 });

    await send(pageA, 'library:setStatus', {
      id: (await sampleRow(pageA))!.id,
      patch: { archived: true },
    });
    await syncRound(pageA, pageB);
    expect(await sampleRow(pageB)).toMatchObject({ favourite: 1, archived: 1 });
    // A kept B's favourite beside its own archive.
    expect(await sampleRow(pageA)).toMatchObject({ favourite: 1, archived: 1 });
  });

  it('carries a delete from B to A, and the entry does not come back', async () => {
    const del = await send<{ ok: boolean }>(pageB, 'library:delete', {
      ids: [(await sampleRow(pageB))!.id],
    });
    expect(del.ok).toBe(true);
    await syncRound(pageB, pageA);
    expect(await sampleRow(pageA)).toBeUndefined();

    // More rounds both ways: still gone on both.
    await syncRound(pageA, pageB);
    await syncRound(pageB, pageA);
    expect(await sampleRow(pageA)).toBeUndefined();
    expect(await sampleRow(pageB)).toBeUndefined();
  });
});
