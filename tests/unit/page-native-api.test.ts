/**
 * The reader's code in a page finds the browser's own extension object even when the page's DOM
 * shadows `window.browser` (an element with that id shows through in Chrome's content scripts,
 * which define `chrome` but no `browser`).
 */
import { listen, nativeApi, tell } from '@/lib/page/native';

describe('nativeApi', () => {
  const g = globalThis as { browser?: unknown; chrome?: unknown };
  let saved: { browser?: unknown; chrome?: unknown };
  beforeEach(() => {
    saved = { browser: g.browser, chrome: g.chrome };
  });
  afterEach(() => {
    g.browser = saved.browser;
    g.chrome = saved.chrome;
  });

  it('a page element named "browser" does not stand in for the extension API', () => {
    const clobber = document.createElement('div');
    clobber.id = 'browser';
    const chrome = { runtime: { getURL: (p: string) => `chrome-extension://x${p}` }, i18n: {} };
    g.browser = clobber;
    g.chrome = chrome;
    expect(nativeApi()).toBe(chrome);
    expect(nativeApi().runtime.getURL('/reader.html')).toBe('chrome-extension://x/reader.html');
  });

  it('takes `browser` where there is no `chrome`, and a call through it throws when there is neither', () => {
    const browser = { runtime: { getURL: (p: string) => `moz-extension://y${p}` }, i18n: {} };
    g.chrome = undefined;
    g.browser = browser;
    expect(nativeApi()).toBe(browser);
    g.browser = undefined;
    expect(() => nativeApi().runtime).toThrow(TypeError);
  });

  /** A `chrome` whose runtime records what the always-on script sends and registers. */
  function fakeRuntime() {
    const sent: unknown[] = [];
    const listeners: ((m: unknown, s: unknown, respond: (a: unknown) => void) => unknown)[] = [];
    let lastErrorReads = 0;
    const runtime = {
      getURL: (p: string) => p,
      sendMessage: (message: unknown, callback: () => void) => {
        sent.push(message);
        callback();
      },
      get lastError() {
        lastErrorReads++;
        return { message: 'Could not establish connection. Receiving end does not exist.' };
      },
      onMessage: { addListener: (l: (typeof listeners)[number]) => void listeners.push(l) },
    };
    g.chrome = { runtime, i18n: {} };
    return { sent, listeners, lastErrorReads: () => lastErrorReads };
  }

  it('tells the background without webextension-polyfill, reading lastError so nothing is logged', () => {
    const rt = fakeRuntime();
    const answers: unknown[] = [];
    tell(
      'page:detected',
      {
        detection: { isArticle: true, isArabic: true, language: 'ar', signals: [] },
        title: 'عنوان',
        detectMs: 1,
      },
      (a) => answers.push(a),
    );
    expect(rt.sent).toEqual([
      {
        type: 'page:detected',
        payload: {
          detection: { isArticle: true, isArabic: true, language: 'ar', signals: [] },
          title: 'عنوان',
          detectMs: 1,
        },
      },
    ]);
    expect(rt.lastErrorReads()).toBe(1);
    // The background is gone (lastError set): no answer is made up.
    expect(answers).toEqual([]);
  });

  it('answers a command with its handler’s promise, keeping the channel open; a failure or a throw answers null', async () => {
    const rt = fakeRuntime();
    listen((m) => {
      if ((m as { type: string }).type === 'throws') throw new Error('at once');
      if ((m as { type: string }).type === 'bad') return Promise.reject(new Error('later'));
      return Promise.resolve({ echoed: m });
    });
    expect(rt.listeners).toHaveLength(1);
    const answers: Record<string, unknown> = {};
    const send = (type: string) =>
      rt.listeners[0]!({ type }, {}, (a) => {
        answers[type] = a;
      });
    expect(send('reader:toggle')).toBe(true);
    send('bad');
    expect(() => send('throws')).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(answers).toEqual({
      'reader:toggle': { echoed: { type: 'reader:toggle' } },
      bad: null,
      throws: null,
    });
  });
});
