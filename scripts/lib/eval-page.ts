/**
 * One page through the extension's own paths (detection reported by the content script,
 * extraction through the `tab:extract` message), and through bare Readability in the same tab.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Launched } from '../../tests/e2e/fixtures';
import { ROOT, tabIdOf } from '../../tests/e2e/fixtures';
import type { ExtractResult } from '../../lib/article';
import type { TabState } from '../../lib/messages';
import { GATE_KEY, wakeInTab } from '../../lib/page/gate';

/** What one reader of a page gets: the fields the gold files score. */
interface Extracted {
  title: string | null;
  byline: string | null;
  published: string | null;
  dir: string | null;
  sections: string[];
  text: string;
}

export interface EvalLine extends Extracted {
  file: string;
  detected: boolean;
  language: string;
  /** The encoding the browser decoded the page with (`document.characterSet`). */
  charset: string | null;
  timings: { detectMs: number | null; extractMs: number | null };
  /** Why something was not measured, or was measured on a page that never finished loading. */
  error?: string;
}

export interface BaselineLine extends Extracted {
  parseMs: number;
}

// A page's `load` may never fire (an <img onerror> retrying a blocked fallback forever is common
// on news sites): past this the page is measured as it stands, with the reason recorded.
const LOAD_TIMEOUT_MS = 15_000;

/**
 * Opens `url` and waits for its `load`, at most LOAD_TIMEOUT_MS; the answer says why the page did
 * not finish loading, or is null. Throws only when the document itself never arrived.
 */
export async function openPage(page: Page, url: string): Promise<string | null> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT_MS });
  try {
    await page.waitForLoadState('load', { timeout: LOAD_TIMEOUT_MS });
    return null;
  } catch {
    return `load did not fire within ${LOAD_TIMEOUT_MS / 1000} s`;
  }
}

const READABILITY_SRC = readFileSync(
  join(ROOT, 'node_modules/@mozilla/readability/Readability.js'),
  'utf8',
);

// One extension page per browser to ask its background from (a benchmark may run two browsers).
const controlPages = new WeakMap<Launched, Page>();
async function control(l: Launched): Promise<Page> {
  let page = controlPages.get(l);
  if (!page || page.isClosed()) {
    page = await l.extensionPage('popup.html');
    controlPages.set(l, page);
  }
  return page;
}

/** Ask the background as an extension page does. */
export async function askBackground<T>(l: Launched, type: string, payload: unknown): Promise<T> {
  const page = await control(l);
  return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const) as Promise<T>;
}

export async function waitForTabState(
  l: Launched,
  tabId: number,
  timeout = 10_000,
): Promise<TabState | null> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const s = await askBackground<TabState | null>(l, 'tab:state', { tabId });
    if (s) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

/** Bare Readability on a clone of the live document, as Firefox's Reader View runs it. */
async function baseline(page: Page): Promise<BaselineLine> {
  return page.evaluate((src) => {
    const g = globalThis as unknown as {
      __R?: new (d: Document) => { parse(): Record<string, string> | null };
    };
    if (!g.__R) g.__R = new Function(`${src}; return Readability;`)();
    const t0 = performance.now();
    const r = new g.__R!(document.cloneNode(true) as Document).parse();
    const parseMs = performance.now() - t0;
    if (!r)
      return {
        title: null,
        byline: null,
        published: null,
        dir: null,
        sections: [],
        text: '',
        parseMs,
      };
    const holder = document.createElement('div');
    // Readability's own output, read only for its text: never attached to the document.
    holder.insertAdjacentHTML('afterbegin', r.content ?? '');
    const blocks = Array.from(holder.querySelectorAll('p, h1, h2, h3, h4, li, blockquote, pre'));
    const text = blocks.length
      ? blocks
          .map((b) => b.textContent?.trim() ?? '')
          .filter(Boolean)
          .join('\n\n')
      : (r.textContent ?? '');
    return {
      title: r.title ?? null,
      byline: r.byline ?? null,
      published: r.publishedTime ? String(r.publishedTime).slice(0, 10) : null,
      dir: r.dir ?? null,
      sections: [],
      text,
      parseMs,
    };
  }, READABILITY_SRC);
}

/** Bare Readability's parse time on a fresh load of `url` (nothing of ours has run in the tab). */
export async function baselineOnFreshPage(l: Launched, url: string): Promise<number> {
  const page = await l.context.newPage();
  try {
    await openPage(page, url);
    return (await baseline(page)).parseMs;
  } finally {
    await page.close();
  }
}

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { isDefault?: boolean; frameId?: string };
}

const GATE = `globalThis[Symbol.for(${JSON.stringify(GATE_KEY)})]`;
// The always-on script runs at the latest just after the page's load; past this it never will.
const GATE_WAIT_MS = 5_000;

/**
 * A page that is not Arabic at a glance reports nothing (lib/page/gate.ts) until a reader's
 * gesture lets the background wake it and inject the always-on script again. The harness has no
 * gesture to give, so it does that itself, over the DevTools protocol, in the extension's own
 * isolated world of the page's top frame: the mark the background sets, then the built script
 * (what `scripting.executeScript` injects). False when the page's script did not stop at a glance.
 */
export async function wakeGatedPage(l: Launched, page: Page): Promise<boolean> {
  const cdp = await l.context.newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as ExecutionContext));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = contexts.find(
      (c) =>
        c.origin === `chrome-extension://${l.extensionId}` &&
        c.auxData?.isDefault === false &&
        c.auxData.frameId === frameTree.frame.id,
    );
    if (!world) return false;
    const evaluate = (expression: string) =>
      cdp.send('Runtime.evaluate', { contextId: world.id, expression, returnByValue: true });
    const deadline = Date.now() + GATE_WAIT_MS;
    let gate: unknown;
    while ((gate = (await evaluate(GATE)).result.value) === undefined && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    if (gate !== 'gated') return false;
    const source = await (await control(l)).evaluate(() => fetch('/page.js').then((r) => r.text()));
    await evaluate(`(${wakeInTab.toString()})(${JSON.stringify(GATE_KEY)});\n${source}`);
    return true;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** What detection reported for a loaded page, and what the extension extracts from it. */
async function ours(
  l: Launched,
  page: Page,
): Promise<{ state: TabState | null; res: ExtractResult }> {
  const tabId = await tabIdOf(l, page);
  await wakeGatedPage(l, page);
  const state = await waitForTabState(l, tabId);
  const res = await askBackground<ExtractResult>(l, 'tab:extract', { tabId });
  return { state, res };
}

/** Our extraction time and the always-on script's time on a fresh load of `url`. */
export async function oursOnFreshPage(
  l: Launched,
  url: string,
): Promise<{ detectMs: number | null; extractMs: number | null }> {
  const page = await l.context.newPage();
  try {
    await openPage(page, url);
    const { state, res } = await ours(l, page);
    return { detectMs: state?.detectMs ?? null, extractMs: res.ok ? res.timings.extractMs : null };
  } finally {
    await page.close();
  }
}

export async function runEvalPage(
  l: Launched,
  url: string,
  file: string,
): Promise<{ line: EvalLine; base: BaselineLine }> {
  const page = await l.context.newPage();
  try {
    const unloaded = await openPage(page, url);
    const { state, res } = await ours(l, page);
    const base = await baseline(page);
    const charset = await page.evaluate(() => document.characterSet);
    const a = res.ok ? res.article : null;
    const errors = [unloaded, res.ok ? null : res.reason].filter(Boolean);
    const line: EvalLine = {
      file,
      detected: !!state && state.detection.isArticle && state.detection.isArabic,
      language: state?.detection.language ?? 'und',
      charset,
      title: a?.title ?? null,
      byline: a?.byline ?? null,
      published: a?.published ? a.published.slice(0, 10) : null,
      dir: a?.dir ?? null,
      sections: a?.sections.map((s) => s.title) ?? [],
      text: a?.text ?? '',
      timings: {
        detectMs: state?.detectMs ?? null,
        extractMs: res.ok ? res.timings.extractMs : null,
      },
      ...(errors.length ? { error: errors.join('; ') } : {}),
    };
    return { line, base };
  } finally {
    await page.close();
  }
}
