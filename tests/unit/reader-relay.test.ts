/**
 * Reader mode without host permissions: the reader code in a tab opens the overlay, extracts
 * the page and sends the article to the background under a one-time token; the reader page
 * gets it by that token. The page's own scripts are not part of any of this.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtractResult } from '@/lib/article';
import type { Sender } from '@/lib/messaging';
import { registerReaderService } from '@/lib/background/reader';
import { registerModule } from '@/lib/page/modules';
import { readerTab, type ExtractTab } from '@/lib/page/reader-tab';
import { makeArticle } from './store-fixtures';

const ID = 'test-extension-id';
const tabSender = (tabId: number, frameId = 0): Sender => ({
  id: ID,
  url: 'https://news.example/a',
  frameId,
  tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});
const readerSender: Sender = { id: ID, url: `chrome-extension://${ID}/reader.html` };

async function send(type: string, payload: unknown, sender: Sender): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(
    { type, payload },
    sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1],
    () => undefined,
  );
  return answers.find((a) => a !== undefined);
}

const ok = (title: string): ExtractResult => ({
  ok: true,
  article: makeArticle({ title }),
  timings: { extractMs: 1 },
});
const token = (c: string) => c.repeat(32);

describe('the background holds each overlay’s article for its reader page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    registerReaderService();
  });

  it('gives the reader page the article its tab sent, whichever arrives first', async () => {
    await send('reader:article', { token: token('a'), result: ok('أولًا') }, tabSender(5));
    await expect(send('reader:get', { token: token('a') }, readerSender)).resolves.toMatchObject({
      tabId: 5,
      article: { title: 'أولًا' },
    });
    const waiting = send('reader:get', { token: token('b') }, readerSender);
    await send('reader:article', { token: token('b'), result: ok('ثانيًا') }, tabSender(6));
    await expect(waiting).resolves.toMatchObject({ tabId: 6, article: { title: 'ثانيًا' } });
  });

  it('keeps the first tab’s article for a token, and ignores subframes', async () => {
    await send('reader:article', { token: token('c'), result: ok('من إطار') }, tabSender(5, 3));
    await send('reader:article', { token: token('c'), result: ok('الأصل') }, tabSender(5));
    await send('reader:article', { token: token('c'), result: ok('بديل') }, tabSender(9));
    await expect(send('reader:get', { token: token('c') }, readerSender)).resolves.toMatchObject({
      tabId: 5,
      article: { title: 'الأصل' },
    });
  });

  it('passes a failed extraction on as its reason', async () => {
    const failed: ExtractResult = { ok: false, reason: 'no-content' };
    await send('reader:article', { token: token('d'), result: failed }, tabSender(5));
    await expect(send('reader:get', { token: token('d') }, readerSender)).resolves.toEqual({
      error: 'no-content',
    });
  });

  it('takes articles only from content scripts, and gives them only to extension pages', async () => {
    await expect(
      send('reader:article', { token: token('e'), result: ok('x') }, readerSender),
    ).resolves.toBeUndefined();
    await expect(send('reader:get', { token: token('e') }, tabSender(5))).resolves.toBeUndefined();
  });
});

describe('the reader code in a tab', () => {
  const sent: { type: string; payload: { token: string; result: ExtractResult } }[] = [];
  let extractions = 0;

  beforeEach(() => {
    fakeBrowser.reset();
    sent.length = 0;
    extractions = 0;
    fakeBrowser.runtime.onMessage.addListener((msg) => {
      sent.push(msg as (typeof sent)[number]);
      return Promise.resolve({ ok: true });
    });
    const extract: ExtractTab = () => (extractions++, ok('من الصفحة'));
    registerModule('extract-tab', extract);
    const canonical = document.createElement('link');
    canonical.rel = 'canonical';
    canonical.href = 'https://news.example/canonical';
    document.head.append(canonical);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('وضع القراءة');
  });
  afterEach(() =>
    document.querySelectorAll('qari-reader, link[rel=canonical]').forEach((el) => el.remove()),
  );

  it('opens the overlay, sends the page’s article under the overlay’s token, and toggles closed', async () => {
    const handle = readerTab(document, window);
    await expect(handle({ type: 'reader:toggle' })).resolves.toEqual({ ok: true, open: true });
    expect(document.querySelectorAll('qari-reader')).toHaveLength(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.type).toBe('reader:article');
    expect(sent[0]!.payload.token).toMatch(/^[0-9a-f]{32}$/);
    expect(sent[0]!.payload.result).toMatchObject({ ok: true, article: { title: 'من الصفحة' } });
    await expect(handle({ type: 'reader:toggle' })).resolves.toEqual({ ok: true, open: false });
    expect(document.querySelectorAll('qari-reader')).toHaveLength(0);
    // A second opening is a new token.
    await handle({ type: 'reader:show' });
    expect(sent[1]!.payload.token).not.toBe(sent[0]!.payload.token);
  });

  it('extracts for saving and reads the canonical link without opening anything', async () => {
    const handle = readerTab(document, window);
    await expect(handle({ type: 'tab:extract' })).resolves.toMatchObject({ ok: true });
    await expect(handle({ type: 'tab:canonical' })).resolves.toBe('https://news.example/canonical');
    expect(document.querySelectorAll('qari-reader')).toHaveLength(0);
    expect(sent).toEqual([]);
  });

  it('does nothing for a command it does not know', async () => {
    const handle = readerTab(document, window);
    for (const raw of [
      null,
      'reader:toggle',
      { type: 'reader:open' },
      { type: 'tab:extract', x: 1 },
    ])
      await expect(handle(raw)).resolves.toBeNull();
    expect(extractions).toBe(0);
    expect(document.querySelectorAll('qari-reader')).toHaveLength(0);
  });
});
