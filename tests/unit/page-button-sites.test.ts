import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buttonFor, hiddenSites, setButtonHidden } from '@/lib/background/page-button';
import { startPage } from '@/lib/page';
import type { TabState } from '@/lib/messages';

const SAMPLE = readFileSync(join(import.meta.dirname, '../pages/sample-article.html'), 'utf8');
const article: TabState = {
  detection: { isArticle: true, isArabic: true, language: 'ar', signals: [] },
  title: 'عنوان',
  detectMs: 1,
};
const URL_ON = (site: string) => `https://www.${site}/2025/07/story.html`;

type Listener = (message: unknown, sender: unknown, respond: (a: unknown) => void) => true;
type G = { chrome?: unknown; browser?: unknown };

/** Start the always-on script on the sample article with a background that answers `answer`. */
function startWith(answer: unknown): { hosts: () => number; send: (m: unknown) => Promise<void> } {
  document.documentElement.innerHTML = new DOMParser().parseFromString(
    SAMPLE,
    'text/html',
  ).documentElement.innerHTML;
  let listener: Listener | undefined;
  (globalThis as G).chrome = {
    runtime: {
      sendMessage: (_m: unknown, cb: (a: unknown) => void) => cb(answer),
      onMessage: { addListener: (l: Listener) => (listener = l) },
      getURL: (p: string) => p,
    },
    i18n: { getMessage: () => '' },
  };
  startPage(document, window);
  return {
    hosts: () => document.querySelectorAll(':root > div').length,
    send: (m) => new Promise((resolve) => listener!(m, {}, () => resolve())),
  };
}

describe('the page button, per site', () => {
  const g = globalThis as G;
  const saved = { chrome: g.chrome, browser: g.browser };
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    g.chrome = saved.chrome;
    g.browser = saved.browser;
    vi.restoreAllMocks();
    document.querySelectorAll(':root > div').forEach((el) => el.remove());
  });

  it('the page shows the button only when the background labels it', () => {
    expect(startWith({ ok: true, button: null }).hosts()).toBe(0);
    document.querySelectorAll(':root > div').forEach((el) => el.remove());
    expect(startWith({ ok: true, button: { text: 'وضع القراءة', lang: 'ar' } }).hosts()).toBe(1);
  });

  it('the page takes the button away when told the reader hid it on this site', async () => {
    const page = startWith({ ok: true, button: { text: 'وضع القراءة', lang: 'ar' } });
    await page.send({ type: 'page:hideButton' });
    expect(page.hosts()).toBe(0);
  });

  it('the background labels an Arabic article, but not on a site where the reader hid it', async () => {
    expect(await buttonFor(1, article, URL_ON('news.example'))).toMatchObject({ lang: 'ar' });
    const sent = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await setButtonHidden('news.example', true);
    // The tab already showing it on that site is told at once; others are not.
    expect(sent).toHaveBeenCalledWith(1, { type: 'page:hideButton' });
    expect(await buttonFor(2, article, URL_ON('news.example'))).toBeNull();
    expect(await buttonFor(3, article, URL_ON('other.example'))).not.toBeNull();
    expect(await hiddenSites()).toEqual(['news.example']);
    // Undone (from the popup or the options page): the button is back.
    await setButtonHidden('news.example', false);
    expect(await buttonFor(2, article, URL_ON('news.example'))).not.toBeNull();
    expect(await hiddenSites()).toEqual([]);
  });

  it('a page that is not an Arabic article gets no button wherever it is', async () => {
    const notArticle = { ...article, detection: { ...article.detection, isArticle: false } };
    expect(await buttonFor(1, notArticle, URL_ON('news.example'))).toBeNull();
  });
});
