/**
 * Reader mode without host permissions: the reader code in a tab opens the overlay and extracts
 * the page; the overlay's reader page opens a runtime port to its tab under the overlay's
 * one-time token, and the article travels over that port. No window message is read on either
 * side, so the page's own scripts have nothing to see, answer or forge; the background is not
 * part of it either.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtractResult } from '@/lib/article';
import { OVERLAY_CLOSE, overlayPortName } from '@/lib/messages';
import type { NativePort } from '@/lib/page/native';
import { CONNECT_GRACE_MS } from '@/lib/page/overlay';
import { registerModule } from '@/lib/page/registry';
import { EARLY_EXTRACTION_FRESH_MS, readerTab, type ExtractTab } from '@/lib/page/reader-tab';
import { parseReaderLocation } from '@/lib/reader/location';
import { closeOverlay, waitForOverlayArticle } from '@/lib/reader/overlay-article';
import { openInbox } from '@/lib/reader/overlay-inbox';
import { captureShadowRoots } from './shadow-roots';
import { makeArticle } from './store-fixtures';

const EXTENSION_ORIGIN = 'chrome-extension://test-extension-id';
const HOST = ':root > div';

const ok = (title: string): ExtractResult => ({
  ok: true,
  article: makeArticle({ title }),
  timings: { extractMs: 1 },
});
const token = (c: string) => c.repeat(32);

/** One end of a runtime port: what was posted on it, and the other end's moves. */
function fakePort(name: string) {
  const posted: unknown[] = [];
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const state = { disconnected: false };
  const port: NativePort = {
    name,
    postMessage: (m) => void posted.push(m),
    disconnect: () => void (state.disconnected = true),
    onMessage: { addListener: (f) => void onMessage.push(f) },
    onDisconnect: { addListener: (f) => void onDisconnect.push(f) },
  };
  return {
    port,
    posted,
    state,
    receive: (m: unknown) => onMessage.forEach((f) => f(m)),
    drop: () => onDisconnect.forEach((f) => f()),
  };
}

/** The browser's `chrome` for code in pages: ports opened to this tab go to `connects`. */
function fakeChrome() {
  const connects: ((port: NativePort) => void)[] = [];
  const tabConnects: { tabId: number; info: { frameId: number; name: string } }[] = [];
  const ports: ReturnType<typeof fakePort>[] = [];
  const chrome = {
    runtime: {
      getURL: (p: string) => `${EXTENSION_ORIGIN}${p}`,
      sendMessage: () => undefined,
      onMessage: { addListener: () => undefined },
      onConnect: { addListener: (f: (port: NativePort) => void) => void connects.push(f) },
    },
    i18n: { getMessage: () => 'وضع القراءة', getUILanguage: () => 'ar' },
    tabs: {
      getCurrent: (cb: (tab?: { id?: number }) => void) => cb({ id: 7 }),
      connect: (tabId: number, info: { frameId: number; name: string }) => {
        tabConnects.push({ tabId, info });
        const p = fakePort(info.name);
        ports.push(p);
        return p.port;
      },
    },
  };
  return { chrome, connects, tabConnects, ports };
}

const g = globalThis as { chrome?: unknown };
let savedChrome: unknown;
beforeEach(() => {
  savedChrome = g.chrome;
});
afterEach(() => {
  g.chrome = savedChrome;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the reader code in a tab', () => {
  const sent: unknown[] = [];
  let extractions = 0;
  let roots: ShadowRoot[] = [];
  let fake: ReturnType<typeof fakeChrome>;

  const frame = () => roots.at(-1)!.querySelector('iframe')!;
  const overlayToken = () => parseReaderLocation(frame().src).token!;
  /** An extension page opens a port to this tab, as the overlay's reader page does. */
  const connect = (name: string) => {
    const p = fakePort(name);
    fake.connects.forEach((f) => f(p.port));
    return p;
  };

  beforeEach(() => {
    fakeBrowser.reset();
    sent.length = 0;
    extractions = 0;
    fakeBrowser.runtime.onMessage.addListener((msg) => {
      sent.push(msg);
      return Promise.resolve({ ok: true });
    });
    fake = fakeChrome();
    g.chrome = fake.chrome;
    const extract: ExtractTab = () => (extractions++, ok('من الصفحة'));
    registerModule('extract-tab', extract);
    const canonical = document.createElement('link');
    canonical.rel = 'canonical';
    canonical.href = 'https://news.example/canonical';
    document.head.append(canonical);
    roots = captureShadowRoots();
  });
  afterEach(() => {
    document.querySelectorAll(`${HOST}, link[rel=canonical]`).forEach((el) => el.remove());
  });

  it('sends the article only over the port its own reader page opened, and toggles closed', async () => {
    const handle = readerTab(document, window);
    await expect(handle({ type: 'reader:toggle' })).resolves.toEqual({ ok: true, open: true });
    expect(document.querySelectorAll(HOST)).toHaveLength(1);
    const t = overlayToken();
    expect(t).toMatch(/^[0-9a-f]{32}$/);
    // Made by the command: its article follows at once, so its page does not warm its view first.
    expect(parseReaderLocation(frame().src).prepared).toBe(false);
    // A port under another name (another token, another page of ours) is dropped unheard.
    const stranger = connect(overlayPortName(token('b')));
    expect(stranger.state.disconnected).toBe(true);
    expect(stranger.posted).toEqual([]);
    const reader = connect(overlayPortName(t));
    expect(reader.state.disconnected).toBe(false);
    // The verdict goes with it: this test's empty document is no article to the detector.
    expect(reader.posted).toEqual([
      { type: 'qari:article', token: t, result: ok('من الصفحة'), looksLikeArticle: false },
    ]);
    // A second port with the right name comes too late: one reader page per overlay.
    const second = connect(overlayPortName(t));
    expect(second.state.disconnected).toBe(true);
    // The background hears nothing of it.
    expect(sent).toEqual([]);
    await expect(handle({ type: 'reader:toggle' })).resolves.toEqual({ ok: true, open: false });
    expect(document.querySelectorAll(HOST)).toHaveLength(0);
    expect(reader.state.disconnected).toBe(true);
  });

  it('loaded with no command (the pointer on the button), extracts and makes its frame hidden; the command shows that frame and only then sends the article', async () => {
    vi.useFakeTimers();
    const handle = readerTab(document, window);
    await vi.advanceTimersByTimeAsync(0);
    expect(extractions).toBe(1);
    const host = document.querySelector<HTMLElement>(HOST)!;
    // Not displayed, not in the top layer, the page's root not locked.
    expect(host.style.getPropertyValue('display')).toBe('none');
    expect(host.matches(':popover-open')).toBe(false);
    expect(host.querySelector(':scope > style')).toBeNull();
    const t = overlayToken();
    // Made ahead of a click: its reader page may warm its view while it waits.
    expect(parseReaderLocation(frame().src).prepared).toBe(true);
    const reader = connect(overlayPortName(t));
    expect(reader.state.disconnected).toBe(false);
    await vi.advanceTimersByTimeAsync(EARLY_EXTRACTION_FRESH_MS / 2);
    expect(reader.posted).toEqual([]);
    await expect(handle({ type: 'reader:toggle' })).resolves.toEqual({ ok: true, open: true });
    expect(document.querySelectorAll(HOST)).toHaveLength(1);
    expect(overlayToken()).toBe(t);
    expect(extractions).toBe(1);
    expect(host.style.getPropertyValue('display')).toBe('block');
    expect(host.matches(':popover-open')).toBe(true);
    expect(reader.posted).toEqual([
      { type: 'qari:article', token: t, result: ok('من الصفحة'), looksLikeArticle: false },
    ]);
    // Shown, it outlives the hidden frame's time.
    await vi.advanceTimersByTimeAsync(EARLY_EXTRACTION_FRESH_MS);
    expect(document.querySelectorAll(HOST)).toHaveLength(1);
  });

  it('drops a hidden frame no command showed, and a later command extracts the page again', async () => {
    vi.useFakeTimers();
    const handle = readerTab(document, window);
    await vi.advanceTimersByTimeAsync(0);
    const reader = connect(overlayPortName(overlayToken()));
    await vi.advanceTimersByTimeAsync(EARLY_EXTRACTION_FRESH_MS);
    expect(document.querySelectorAll(HOST)).toHaveLength(0);
    expect(reader.state.disconnected).toBe(true);
    expect(reader.posted).toEqual([]);
    await handle({ type: 'reader:show' });
    expect(extractions).toBe(2);
    expect(document.querySelectorAll(HOST)).toHaveLength(1);
  });

  it('loaded for a command, starts nothing early: a save extracts once and makes no frame', async () => {
    vi.useFakeTimers();
    const handle = readerTab(document, window);
    await expect(handle({ type: 'page:extract' })).resolves.toEqual(ok('من الصفحة'));
    await vi.advanceTimersByTimeAsync(EARLY_EXTRACTION_FRESH_MS);
    expect(extractions).toBe(1);
    expect(document.querySelectorAll(HOST)).toHaveLength(0);
  });

  it('shows its frame only once the reader page has connected', async () => {
    const handle = readerTab(document, window);
    await handle({ type: 'reader:show' });
    expect(roots.at(-1)!.querySelector('style')!.textContent).toContain('visibility:hidden');
    expect(frame().style.visibility).toBe('');
    connect(overlayPortName(overlayToken()));
    expect(frame().style.visibility).toBe('visible');
  });

  it('the host is a plain element styled inline with !important throughout', async () => {
    const handle = readerTab(document, window);
    await handle({ type: 'reader:show' });
    const host = document.querySelector<HTMLElement>(HOST)!;
    expect(host.localName).toBe('div');
    const declarations = host.getAttribute('style')!.split(';').filter(Boolean);
    expect(declarations[0]).toMatch(/^all:\s*initial\s*!important$/);
    for (const d of declarations) expect(d).toMatch(/!important$/);
  });

  it('closes when its reader page asks, when the port drops, or when the frame loads again', async () => {
    const handle = readerTab(document, window);
    for (const end of ['close', 'drop', 'reload'] as const) {
      await handle({ type: 'reader:show' });
      const reader = connect(overlayPortName(overlayToken()));
      frame().dispatchEvent(new Event('load'));
      expect(document.querySelectorAll(HOST)).toHaveLength(1);
      if (end === 'close') reader.receive(OVERLAY_CLOSE);
      else if (end === 'drop') reader.drop();
      else frame().dispatchEvent(new Event('load'));
      expect(document.querySelectorAll(HOST), end).toHaveLength(0);
    }
  });

  it('closes when its frame loaded and no reader page connected', async () => {
    vi.useFakeTimers();
    const handle = readerTab(document, window);
    await handle({ type: 'reader:show' });
    frame().dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(CONNECT_GRACE_MS - 1);
    expect(document.querySelectorAll(HOST)).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(document.querySelectorAll(HOST)).toHaveLength(0);
  });

  it('reads no window message: a close or an article posted to the page does nothing', async () => {
    const handle = readerTab(document, window);
    await handle({ type: 'reader:show' });
    const reader = connect(overlayPortName(overlayToken()));
    const frameWindow = { postMessage: () => undefined } as unknown as Window;
    Object.defineProperty(frame(), 'contentWindow', { value: frameWindow });
    for (const source of [window, frameWindow])
      window.dispatchEvent(
        new MessageEvent('message', { data: OVERLAY_CLOSE, origin: EXTENSION_ORIGIN, source }),
      );
    expect(document.querySelectorAll(HOST)).toHaveLength(1);
    expect(reader.posted).toHaveLength(1);
  });

  it('extracts for saving and reads the canonical link without opening anything', async () => {
    const handle = readerTab(document, window);
    await expect(handle({ type: 'page:extract' })).resolves.toMatchObject({ ok: true });
    await expect(handle({ type: 'page:canonical' })).resolves.toBe(
      'https://news.example/canonical',
    );
    expect(document.querySelectorAll(HOST)).toHaveLength(0);
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
    expect(document.querySelectorAll(HOST)).toHaveLength(0);
  });
});

describe('the overlay’s reader page takes its article only from its tab’s port', () => {
  let fake: ReturnType<typeof fakeChrome>;
  beforeEach(() => {
    fake = fakeChrome();
    g.chrome = fake.chrome;
  });

  /** A frame's window: an event target with a parent (the page's window) and an address. */
  function frameWindow(hash = `#t=${token('a')}`): { win: Window; parent: Window } {
    const parent = { postMessage: () => undefined } as unknown as Window;
    const location = { href: `${EXTENSION_ORIGIN}/reader.html${hash}` };
    const win = Object.assign(new EventTarget(), { parent, location }) as unknown as Window;
    return { win, parent };
  }
  const article = (t: string, result: unknown) => ({ type: 'qari:article', token: t, result });

  it('opens a port to its tab’s top frame under its token, and takes the first good article there', async () => {
    const { win } = frameWindow();
    const got = waitForOverlayArticle(win, token('a'));
    expect(fake.tabConnects).toEqual([
      { tabId: 7, info: { frameId: 0, name: overlayPortName(token('a')) } },
    ]);
    const port = fake.ports[0]!;
    port.receive(article(token('b'), ok('رمز آخر')));
    port.receive(article('', ok('بلا رمز')));
    port.receive(article(token('a'), { ok: true, article: { title: 'x' }, timings: {} }));
    port.receive(article(token('a'), ok('الأصل')));
    port.receive(article(token('a'), ok('بعده')));
    await expect(got).resolves.toMatchObject({ article: { title: 'الأصل' } });
  });

  it('reads no window message, even its parent’s with its own token', async () => {
    const { win, parent } = frameWindow();
    const got = waitForOverlayArticle(win, token('a'));
    win.dispatchEvent(
      new MessageEvent('message', { data: article(token('a'), ok('مزور')), source: parent }),
    );
    expect(await Promise.race([got, Promise.resolve('waiting')])).toBe('waiting');
  });

  it('shows a failed extraction as an error', async () => {
    const { win } = frameWindow(`#t=${token('c')}`);
    const got = waitForOverlayArticle(win, token('c'));
    fake.ports[0]!.receive(article(token('c'), { ok: false, reason: 'timeout' }));
    await expect(got).resolves.toBe('error');
  });

  it('tells a page with no article in it from a failed extraction', async () => {
    const { win } = frameWindow(`#t=${token('c')}`);
    const got = waitForOverlayArticle(win, token('c'));
    fake.ports[0]!.receive(article(token('c'), { ok: false, reason: 'no-content' }));
    await expect(got).resolves.toBe('not-article');
  });

  it('keeps what arrives before the reader’s bundle runs, with one port', async () => {
    const { win } = frameWindow();
    openInbox(win);
    fake.ports[0]!.receive(article(token('a'), ok('وصل مبكرًا')));
    const got = waitForOverlayArticle(win, token('a'));
    await expect(got).resolves.toMatchObject({ article: { title: 'وصل مبكرًا' } });
    expect(fake.tabConnects).toHaveLength(1);
  });

  it('asks its tab to close over the same port', () => {
    const { win } = frameWindow();
    openInbox(win);
    closeOverlay(win);
    expect(fake.ports[0]!.posted).toEqual([OVERLAY_CLOSE]);
  });

  it('outside an overlay (no token, or no parent) it opens no port and has no article', async () => {
    const { win } = frameWindow('');
    await expect(waitForOverlayArticle(win, token('a'))).resolves.toBeNull();
    await expect(waitForOverlayArticle(window, token('d'))).resolves.toBeNull();
    expect(fake.tabConnects).toEqual([]);
  });
});
