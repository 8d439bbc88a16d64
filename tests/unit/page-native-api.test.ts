/**
 * The reader's code in a page finds the browser's own extension object even when the page's DOM
 * shadows `window.browser` (an element with that id shows through in Chrome's content scripts,
 * which define `chrome` but no `browser`).
 */
import { nativeApi } from '@/lib/page/native';

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

  it('takes `browser` where there is no `chrome`, and says so when there is neither', () => {
    const browser = { runtime: { getURL: (p: string) => `moz-extension://y${p}` }, i18n: {} };
    g.chrome = undefined;
    g.browser = browser;
    expect(nativeApi()).toBe(browser);
    g.browser = undefined;
    expect(() => nativeApi()).toThrow('no extension API');
  });
});
