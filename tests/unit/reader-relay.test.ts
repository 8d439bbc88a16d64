/**
 * Reader mode without host permissions: the reader code in a tab opens the overlay, extracts
 * the page and posts the article straight into the overlay's frame under a one-time token, once
 * the frame says it is ready; the reader page takes only its parent's message with its token.
 * The page's own scripts and the background are not part of any of this.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtractResult } from '@/lib/article';
import { OVERLAY_READY } from '@/lib/messages';
import { registerModule } from '@/lib/page/registry';
import { readerTab, type ExtractTab } from '@/lib/page/reader-tab';
import { waitForOverlayArticle } from '@/lib/reader/overlay-article';
import { openInbox } from '@/lib/reader/overlay-inbox';
import { captureShadowRoots } from './shadow-roots';
import { makeArticle } from './store-fixtures';

const EXTENSION_ORIGIN = 'chrome-extension://test-extension-id';

const ok = (title: string): ExtractResult => ({
  ok: true,
  article: makeArticle({ title }),
  timings: { extractMs: 1 },
});
const token = (c: string) => c.repeat(32);

describe('the reader code in a tab', () => {
  const sent: unknown[] = [];
  let extractions = 0;
  let roots: ShadowRoot[] = [];

  /**
   * The overlay's frame (behind its closed shadow root) and what was posted into it. happy-dom
   * gives an extension iframe no window, so the frame gets a stand-in that records posts.
   */
  function overlayFrame(): { frame: Window; posted: unknown[] } {
    const iframe = roots.at(-1)?.querySelector('iframe');
    if (!iframe) throw new Error('no overlay frame');
    const posted: unknown[] = [];
    const frame = {
      postMessage: (data: unknown, target?: unknown) => {
        expect(target).toBe(EXTENSION_ORIGIN);
        posted.push(data);
      },
    } as unknown as Window;
    Object.defineProperty(iframe, 'contentWindow', { value: frame });
    return { frame, posted };
  }
  const fromFrame = (source: Window, data: unknown, origin = EXTENSION_ORIGIN) =>
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));

  beforeEach(() => {
    fakeBrowser.reset();
    sent.length = 0;
    extractions = 0;
    fakeBrowser.runtime.onMessage.addListener((msg) => {
      sent.push(msg);
      return Promise.resolve({ ok: true });
    });
    const extract: ExtractTab = () => (extractions++, ok('من الصفحة'));
    registerModule('extract-tab', extract);
    const canonical = document.createElement('link');
    canonical.rel = 'canonical';
    canonical.href = 'https://news.example/canonical';
    document.head.append(canonical);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('وضع القراءة');
    roots = captureShadowRoots();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.querySelectorAll('qari-reader, link[rel=canonical]').forEach((el) => el.remove());
  });

  it('posts the page’s article into its own frame once the frame is ready, and toggles closed', async () => {
    const handle = readerTab(document, window);
    await expect(handle({ type: 'reader:toggle' })).resolves.toEqual({ ok: true, open: true });
    expect(document.querySelectorAll('qari-reader')).toHaveLength(1);
    const { frame, posted } = overlayFrame();
    // Not before the frame says it is ready, and not on a "ready" from another window or origin.
    expect(posted).toEqual([]);
    fromFrame(window, OVERLAY_READY);
    fromFrame(frame, OVERLAY_READY, 'https://news.example');
    expect(posted).toEqual([]);
    fromFrame(frame, OVERLAY_READY);
    expect(posted).toHaveLength(1);
    const message = posted[0] as { type: string; token: string; result: ExtractResult };
    expect(message.type).toBe('qari:article');
    expect(message.token).toMatch(/^[0-9a-f]{32}$/);
    expect(message.result).toMatchObject({ ok: true, article: { title: 'من الصفحة' } });
    // The background hears nothing of it.
    expect(sent).toEqual([]);
    await expect(handle({ type: 'reader:toggle' })).resolves.toEqual({ ok: true, open: false });
    expect(document.querySelectorAll('qari-reader')).toHaveLength(0);
    // A second opening is a new token, delivered when its frame was ready before the article.
    const showing = handle({ type: 'reader:show' });
    const second = overlayFrame();
    fromFrame(second.frame, OVERLAY_READY);
    await showing;
    expect(second.posted).toHaveLength(1);
    expect((second.posted[0] as { token: string }).token).not.toBe(message.token);
  });

  it('extracts for saving and reads the canonical link without opening anything', async () => {
    const handle = readerTab(document, window);
    await expect(handle({ type: 'page:extract' })).resolves.toMatchObject({ ok: true });
    await expect(handle({ type: 'page:canonical' })).resolves.toBe(
      'https://news.example/canonical',
    );
    expect(document.querySelectorAll('qari-reader')).toHaveLength(0);
    expect(sent).toEqual([]);
  });

  it('does nothing for a command it does not know', async () => {
    const handle = readerTab(document, window);
    for (const raw of [
      null,
      'reader:toggle',
      { type: 'reader:open' },
      { type: 'page:extract', x: 1 },
    ])
      await expect(handle(raw)).resolves.toBeNull();
    expect(extractions).toBe(0);
    expect(document.querySelectorAll('qari-reader')).toHaveLength(0);
  });
});

describe('the overlay’s reader page takes its article only from its tab', () => {
  /** A frame's window: an event target whose parent (the page's window) records posts. */
  function frameWindow(hash = `#t=${token('a')}`): {
    win: Window;
    parent: Window;
    posts: unknown[];
  } {
    const posts: unknown[] = [];
    const parent = { postMessage: (data: unknown) => void posts.push(data) } as unknown as Window;
    const location = { href: `${EXTENSION_ORIGIN}/reader.html${hash}` };
    const win = Object.assign(new EventTarget(), { parent, location }) as unknown as Window;
    return { win, parent, posts };
  }
  const post = (win: Window, data: unknown, source: unknown) =>
    win.dispatchEvent(
      new MessageEvent('message', {
        data,
        source: source as Window,
        origin: 'https://news.example',
      }),
    );

  it('says it is ready, then ignores other windows, other tokens and malformed results', async () => {
    const { win, parent, posts } = frameWindow();
    const got = waitForOverlayArticle(win, token('a'));
    expect(posts).toEqual([OVERLAY_READY]);
    const other = { postMessage: () => undefined };
    post(win, { type: 'qari:article', token: token('a'), result: ok('من إطار آخر') }, other);
    post(win, { type: 'qari:article', token: token('a'), result: ok('بلا مصدر') }, null);
    post(win, { type: 'qari:article', token: token('b'), result: ok('رمز آخر') }, parent);
    post(win, { type: 'qari:article', token: '', result: ok('بلا رمز') }, parent);
    const malformed = { ok: true, article: { title: 'x' }, timings: { extractMs: 1 } };
    post(win, { type: 'qari:article', token: token('a'), result: malformed }, parent);
    post(win, { type: 'qari:article', token: token('a'), result: ok('الأصل') }, parent);
    await expect(got).resolves.toMatchObject({ title: 'الأصل' });
  });

  it('shows a failed extraction as an error', async () => {
    const { win, parent } = frameWindow();
    const got = waitForOverlayArticle(win, token('c'));
    post(
      win,
      { type: 'qari:article', token: token('c'), result: { ok: false, reason: 'no-content' } },
      parent,
    );
    await expect(got).resolves.toBe('error');
  });

  it('opened on its own, outside an overlay, it has no article and does not wait', async () => {
    await expect(waitForOverlayArticle(window, token('d'))).resolves.toBeNull();
  });

  it('an article posted before the bundle ran is kept by the inbox and taken, ready said once', async () => {
    const { win, parent, posts } = frameWindow();
    openInbox(win);
    expect(posts).toEqual([OVERLAY_READY]);
    // The tab answers while the reader's bundle is still loading.
    post(win, { type: 'qari:article', token: token('a'), result: ok('من نافذة أخرى') }, {});
    post(win, { type: 'qari:article', token: token('b'), result: ok('رمز آخر') }, parent);
    post(win, { type: 'qari:article', token: token('a'), result: ok('وصل مبكرًا') }, parent);
    const got = waitForOverlayArticle(win, token('a'));
    await expect(got).resolves.toMatchObject({ title: 'وصل مبكرًا' });
    expect(posts).toEqual([OVERLAY_READY]);
  });

  it('with the inbox open but nothing kept yet, the article that comes later is taken', async () => {
    const { win, parent, posts } = frameWindow();
    openInbox(win);
    const got = waitForOverlayArticle(win, token('a'));
    post(win, { type: 'qari:article', token: token('a'), result: ok('وصل لاحقًا') }, parent);
    await expect(got).resolves.toMatchObject({ title: 'وصل لاحقًا' });
    expect(posts).toEqual([OVERLAY_READY]);
  });

  it('no inbox without a token or outside a frame: the page says ready itself when it waits', async () => {
    const { win, posts } = frameWindow('');
    openInbox(win);
    expect(posts).toEqual([]);
    openInbox(window);
    const got = waitForOverlayArticle(win, token('a'));
    expect(posts).toEqual([OVERLAY_READY]);
    win.dispatchEvent(new MessageEvent('message', { data: 'x', source: window }));
    expect(await Promise.race([got, Promise.resolve('waiting')])).toBe('waiting');
  });
});
