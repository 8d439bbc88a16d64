/**
 * The always-on script on pages that are not Arabic at a glance (most of the web): it stops
 * there, touching no extension API, unless the background woke it for a gesture of the reader's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPage } from '@/lib/page';
import { GATE_KEY, wakeInTab } from '@/lib/page/gate';
import { isTabState } from '@/lib/messages';

const SAMPLE = readFileSync(join(import.meta.dirname, '../pages/sample-article.html'), 'utf8');
const ENGLISH = `<html lang="en"><head><title>Markets rally as rates hold</title></head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article><h1>Markets rally as rates hold</h1>${'<p>Stocks rose on Tuesday after the central bank held its rates steady, and traders bet on a cut later in the year. '.repeat(8)}</p></article></body></html>`;
const PERSIAN = `<html lang="fa"><head><title>بازار سهام در روز سه‌شنبه</title></head><body>
  <article><h1>بازار سهام</h1>${'<p>بازار سهام در روز سه‌شنبه پس از آنکه بانک مرکزی نرخ بهره را ثابت نگه داشت، رشد کرد و معامله‌گران این را برای کاهش در اواخر سال یک نشانه می‌دانند. '.repeat(8)}</p></article></body></html>`;

type Listener = (message: unknown, sender: unknown, respond: (a: unknown) => void) => true;
type G = Record<string | symbol, unknown>;

/** Start the always-on script on `html`; `touched` lists every use of the extension API. */
function start(html: string): {
  touched: string[];
  sent: unknown[];
  ask: (m: unknown) => Promise<unknown>;
} {
  document.documentElement.innerHTML = new DOMParser().parseFromString(
    html,
    'text/html',
  ).documentElement.innerHTML;
  document.title = new DOMParser().parseFromString(html, 'text/html').title;
  document.documentElement.lang = /lang="(\w+)"/.exec(html)?.[1] ?? '';
  const touched: string[] = [];
  const sent: unknown[] = [];
  let listener: Listener | undefined;
  const runtime = {
    sendMessage: (m: unknown, cb: (a: unknown) => void) => {
      sent.push(m);
      cb({ ok: true, button: null });
    },
    onMessage: { addListener: (l: Listener) => (listener = l) },
    getURL: (p: string) => p,
  };
  (globalThis as G).chrome = new Proxy(
    { runtime, i18n: { getMessage: () => '' } },
    {
      get(target, key) {
        touched.push(String(key));
        return target[key as keyof typeof target];
      },
    },
  );
  startPage(document, window);
  return {
    touched,
    sent,
    ask: (m) => new Promise((resolve) => listener!(m, {}, resolve)),
  };
}

describe('the always-on script at a glance', () => {
  const g = globalThis as G;
  const saved = g.chrome;
  afterEach(() => {
    g.chrome = saved;
    delete g[Symbol.for(GATE_KEY)];
    document.querySelectorAll(':root > div').forEach((el) => el.remove());
  });

  it('stops on an English page without touching the extension API', () => {
    const page = start(ENGLISH);
    expect(page.touched).toEqual([]);
    expect(g[Symbol.for(GATE_KEY)]).toBe('gated');
  });

  it('stops on a Persian page (Arabic script, not Arabic) without touching the extension API', () => {
    const page = start(PERSIAN);
    expect(page.touched).toEqual([]);
  });

  it('reports an Arabic article that its template tags lang="en"', () => {
    const page = start(SAMPLE.replace(/<html[^>]*>/, '<html lang="en">'));
    expect(document.documentElement.lang).toBe('en');
    expect(page.sent).toMatchObject([
      { type: 'page:detected', payload: { detection: { isArticle: true, isArabic: true } } },
    ]);
  });

  it('reads the text of an English page with no lang before it stops', () => {
    const page = start(ENGLISH.replace(' lang="en"', ''));
    expect(page.touched).toEqual([]);
    expect(g[Symbol.for(GATE_KEY)]).toBe('gated');
    // The same page's Arabic body (its title and lang unchanged) makes it report.
    const arabic = start(
      SAMPLE.replace(/<title>[^<]*<\/title>/, '<title>News</title>').replace(
        /<html[^>]*>/,
        '<html>',
      ),
    );
    expect(arabic.sent).toHaveLength(1);
  });

  it('reports an Arabic article, and listens for commands', () => {
    const page = start(SAMPLE);
    expect(page.sent).toMatchObject([
      { type: 'page:detected', payload: { detection: { isArticle: true, isArabic: true } } },
    ]);
    expect(g[Symbol.for(GATE_KEY)]).toBe('whole');
  });

  it('runs whole on an English page the background woke, and answers what the page is', async () => {
    wakeInTab(GATE_KEY);
    const page = start(ENGLISH);
    expect(page.sent).toMatchObject([
      { type: 'page:detected', payload: { detection: { isArabic: false, language: 'en' } } },
    ]);
    const state = await page.ask({ type: 'page:detect' });
    expect(isTabState(state)).toBe(true);
    expect(state).toMatchObject({ detection: { isArticle: false, language: 'en' } });
  });
});
