/**
 * Sync between two browsers: two Chromium profiles with the extension, one page server. What
 * Chrome Sync would do (carry one profile's storage.sync to the other) is done by the test: it
 * copies A's sync area into B. B then lists the entry, and opening it fetches and extracts the
 * article from the loopback page in B's background (offscreen document). A delete travels the
 * same way, and a sync area filled by other extensions leaves B's list intact with a clear state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, SHARED_DIR, launch, tabIdOf, type Launched } from './fixtures';
import { answerPermissionPrompt } from './keyboard';
import { startServer, type PageServer } from './server';

interface Gold {
  title: string;
  mustContain: string[];
}

const SAMPLE = '/pages/sample-article.html';
const GOLD = JSON.parse(
  readFileSync(join(ROOT, 'tests/pages/sample-article.gold.json'), 'utf8'),
) as Gold;
const KEY = 'مكتبات الأحياء';
const NAMESPACE_PREFIX = 'q:';
const QUOTA_BYTES = 102_400;
const ITEM_BYTES = 8_000;

type Items = Record<string, unknown>;
interface SyncState {
  enabled: boolean;
  lastSyncedAt: number | null;
  pending: number;
  localOnly: number;
  lastError: { code: string; messageKey: string } | null;
}

let server: PageServer;
let a: Launched;
let b: Launched;
let pageA: Page;
let pageB: Page;

beforeAll(async () => {
  server = await startServer([
    { prefix: '/pages/', dir: join(ROOT, 'tests/pages') },
    { prefix: '/shared/', dir: SHARED_DIR },
  ]);
  a = await launch({ server });
  // B shows a window (under Xvfb when there is no display): it asks for access to the article's
  // site in the browser's own prompt, which the test answers with the keyboard.
  b = await launch({ server, headless: false });
  // An extension page in each browser to send messages from, as the options page does.
  pageA = await a.extensionPage('options.html');
  pageB = await b.extensionPage('options.html');
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
});

function send<T>(page: Page, type: string, payload: object): Promise<T> {
  return page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }), [
    type,
    payload,
  ] as const) as Promise<T>;
}

const syncArea = (l: Launched): Promise<Items> =>
  l.worker.evaluate(() => chrome.storage.sync.get(null)) as Promise<Items>;

/** What Chrome Sync does between two profiles: B's area becomes A's (writes and removals). */
async function deliver(from: Launched, to: Launched): Promise<void> {
  const items = await syncArea(from);
  const stale = Object.keys(await syncArea(to)).filter((k) => !(k in items));
  await to.worker.evaluate(
    async ([items, stale]) => {
      if (stale.length) await chrome.storage.sync.remove(stale);
      await chrome.storage.sync.set(items);
    },
    [items, stale] as const,
  );
}

async function openPopup(l: Launched): Promise<Page> {
  const popup = await l.extensionPage('popup.html');
  await popup.locator('.qari-popup[aria-busy="false"]').waitFor();
  return popup;
}

const rowOf = (popup: Page, text: string) => popup.getByRole('listitem').filter({ hasText: text });

describe('sync between two browsers', () => {
  let entryIdA = 0;

  it('brings an article saved in A to B, which fetches it when opened', async () => {
    const article = await a.context.newPage();
    await article.goto(server.url(SAMPLE));
    const tabId = await tabIdOf(a, article);
    const saved = await send<{ ok: boolean; entry: { id: number } }>(pageA, 'library:saveTab', {
      tabId,
    });
    expect(saved.ok).toBe(true);
    entryIdA = saved.entry.id;

    // "Sync now" (the options page's button) instead of waiting for the debounce.
    const stateA = await send<SyncState>(pageA, 'sync:now', {});
    expect(stateA).toMatchObject({ enabled: true, pending: 0, lastError: null });
    expect(stateA.lastSyncedAt).not.toBeNull();
    const items = await syncArea(a);
    expect(Object.keys(items).some((k) => k.startsWith(NAMESPACE_PREFIX))).toBe(true);
    // Bodies stay local: the sync area is far smaller than the article.
    expect(JSON.stringify(items).length).toBeLessThan(4_000);

    await deliver(a, b);
    const stateB = await send<SyncState>(pageB, 'sync:now', {});
    expect(stateB.lastError).toBeNull();

    const popup = await openPopup(b);
    const row = rowOf(popup, KEY);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(GOLD.title);
    // Known from A, its article not on this browser yet.
    await expect(row.textContent()).resolves.toContain('ليست على هذا الجهاز');
    await expect(popup.locator('.qari-sync').textContent()).resolves.toContain('آخر مزامنة');

    const [reader] = await Promise.all([
      b.context.waitForEvent('page'),
      row.getByRole('link').first().click(),
    ]);
    await reader.waitForLoadState('domcontentloaded');
    // B holds no access to the article's site yet: it says so, and asks only on the reader's click.
    const ask = reader.locator('.qari-fetch-access');
    await ask.waitFor();
    await expect(ask.textContent()).resolves.toContain('127.0.0.1');
    const allow = ask.getByRole('button', { name: 'اسمح بالوصول إلى الموقع ونزّل المقال' });
    const access = () =>
      reader.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }));
    await answerPermissionPrompt(() => allow.click(), false);
    await expect(access()).resolves.toBe(false);
    await expect(ask.isVisible()).resolves.toBe(true);
    await answerPermissionPrompt(() => allow.click(), true);
    await expect(access()).resolves.toBe(true);
    // Only the article's own site, not the whole web.
    await expect(
      reader.evaluate(() => chrome.permissions.contains({ origins: ['https://example.com/*'] })),
    ).resolves.toBe(false);
    await reader.locator('article.qari-article h1').waitFor({ timeout: 30_000 });
    await expect(reader.locator('article.qari-article h1').textContent()).resolves.toContain(
      GOLD.title,
    );
    const body = (await reader.locator('article.qari-article').textContent()) ?? '';
    for (const phrase of GOLD.mustContain) expect(body).toContain(phrase);

    // Parsed in Chrome's offscreen document, since the service worker has no DOMParser.
    const offscreen = await b.worker.evaluate(async () => {
      const contexts = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      return contexts.map((c: { documentUrl: string }) => c.documentUrl);
    });
    expect(offscreen).toEqual([expect.stringMatching(/\/offscreen\.html$/)]);

    // The body is now stored in B: the entry opens again without fetching.
    const again = await b.extensionPage(
      new URL(reader.url()).pathname.slice(1) + new URL(reader.url()).search,
    );
    await again.locator('article.qari-article h1').waitFor();
    await Promise.all([popup.close(), reader.close(), again.close(), article.close()]);
  });

  it('shows a full sync area in words in B and keeps B’s list', async () => {
    const inUse = await b.worker.evaluate(() => chrome.storage.sync.getBytesInUse(null));
    // Other extensions' items, leaving less room than one entry needs.
    const free = QUOTA_BYTES - inUse - 200;
    const foreign: Items = {};
    for (let i = 0, left = free; left > 40; i++) {
      const key = `other-extension-${i}`;
      const size = Math.min(ITEM_BYTES, left) - key.length - 2;
      foreign[key] = 'x'.repeat(Math.max(1, size));
      left -= key.length + size + 2;
    }
    await b.worker.evaluate((items) => chrome.storage.sync.set(items), foreign);
    // A local change so that B's engine has something to write.
    const popupBefore = await openPopup(b);
    const id = Number(await rowOf(popupBefore, KEY).getAttribute('data-entry-id'));
    await popupBefore.close();
    await send(pageB, 'library:setStatus', { id, patch: { favourite: true } });

    const state = await send<SyncState>(pageB, 'sync:now', {});
    expect(state.lastError?.code).toBe('quota');
    expect(state.localOnly).toBeGreaterThan(0);

    const popup = await openPopup(b);
    await rowOf(popup, KEY).waitFor();
    const sync = popup.locator('.qari-sync');
    await sync.locator('.qari-sync-error').waitFor();
    await expect(sync.locator('.qari-sync-error').textContent()).resolves.toContain(
      'مساحة المزامنة ممتلئة',
    );
    await expect(sync.textContent()).resolves.toContain('على هذا المتصفح فقط');
    await popup.close();

    // The other extension frees its space: B syncs again, error gone.
    await b.worker.evaluate((keys) => chrome.storage.sync.remove(keys), Object.keys(foreign));
    const after = await send<SyncState>(pageB, 'sync:now', {});
    expect(after).toMatchObject({ lastError: null, localOnly: 0, pending: 0 });
  });

  it('offers the original page when the article cannot be fetched', async () => {
    const gone = server.url('/pages/removed-article.html');
    const text = 'نص قصير لمقال حُذف من موقعه لاحقًا.';
    const article = {
      url: gone,
      title: 'مقال لم يعد على موقعه',
      byline: null,
      siteName: null,
      published: null,
      lang: 'ar',
      dir: 'rtl',
      excerpt: text,
      leadImage: null,
      content: `<p>${text}</p>`,
      text,
      sections: [],
      wordCount: 8,
      readingMinutes: 1,
    };
    const saved = await send<{ ok: boolean }>(pageA, 'library:saveArticle', { article });
    expect(saved.ok).toBe(true);
    await send(pageA, 'sync:now', {});
    await deliver(a, b);
    await send(pageB, 'sync:now', {});

    const popup = await openPopup(b);
    const row = rowOf(popup, 'لم يعد على موقعه');
    await row.waitFor();
    const [reader] = await Promise.all([
      b.context.waitForEvent('page'),
      row.getByRole('link').first().click(),
    ]);
    const alert = reader.locator('.qari-fetch-failed [role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    await expect(alert.textContent()).resolves.toContain('تعذّر جلب هذا المقال');
    await expect(alert.textContent()).resolves.toContain('لم تعد الصفحة موجودة');
    const link = reader.getByRole('link', { name: 'افتح الصفحة الأصلية' });
    // The synced address is the canonical one (https); the site is reached over http.
    await expect(link.getAttribute('href')).resolves.toMatch(/\/pages\/removed-article\.html$/);
    await Promise.all([popup.close(), reader.close()]);
  });

  it('turns sync off and on, and syncs now, from the options page', async () => {
    const options = await a.extensionPage('options.html');
    const toggle = options.getByRole('switch', { name: 'زامِن قائمة القراءة بين متصفحاتي' });
    await expect(toggle.isChecked()).resolves.toBe(true);
    await toggle.click();
    await options.locator('.qari-sync-panel[aria-busy="false"]').waitFor();
    await expect(toggle.isChecked()).resolves.toBe(false);
    await expect(send<SyncState>(pageA, 'sync:state', {})).resolves.toMatchObject({
      enabled: false,
    });
    // Off survives a reload (a saved setting), and "sync now" is not offered.
    await options.reload();
    await expect(toggle.isChecked()).resolves.toBe(false);
    await expect(options.getByRole('button', { name: 'زامِن الآن' }).isDisabled()).resolves.toBe(
      true,
    );
    await expect(options.locator('.qari-sync-state').textContent()).resolves.toContain(
      'المزامنة متوقفة',
    );

    await toggle.click();
    await options.locator('.qari-sync-panel[aria-busy="false"]').waitFor();
    await expect(toggle.isChecked()).resolves.toBe(true);
    await options.getByRole('button', { name: 'زامِن الآن' }).click();
    await options.locator('.qari-sync-panel[aria-busy="false"]').waitFor();
    await expect(options.locator('.qari-sync-state').textContent()).resolves.toContain(
      'آخر مزامنة',
    );
    await options.close();
  });

  it('carries a delete from A to B, and the entry does not come back', async () => {
    // A hears B's edit first (both browsers are signed in to the same sync).
    await deliver(b, a);
    await send(pageA, 'sync:now', {});
    const del = await send<{ ok: boolean }>(pageA, 'library:delete', { ids: [entryIdA] });
    expect(del.ok).toBe(true);
    const stateA = await send<SyncState>(pageA, 'sync:now', {});
    expect(stateA.lastError).toBeNull();

    await deliver(a, b);
    await send(pageB, 'sync:now', {});
    const popup = await openPopup(b);
    await rowOf(popup, 'لم يعد على موقعه').waitFor();
    await expect(rowOf(popup, KEY).count()).resolves.toBe(0);
    await popup.close();

    // More rounds both ways: still gone on both.
    await send(pageB, 'sync:now', {});
    await deliver(b, a);
    await send(pageA, 'sync:now', {});
    const popupA = await openPopup(a);
    await rowOf(popupA, 'لم يعد على موقعه').waitFor();
    await expect(rowOf(popupA, KEY).count()).resolves.toBe(0);
    await popupA.close();
  });
});
