/**
 * The toolbar popup as the browser opens it. chrome.action.openPopup() from the worker opens it
 * over the focused normal window; Playwright does not attach to that page (it lives outside any
 * tab), so it is driven over the DevTools protocol: a page's session attaches to the popup's
 * target and relays commands to it.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import type { Launched } from './fixtures';
import { pressShortcut } from './keyboard';
import { POPUP_SHORTCUT } from '../../lib/reader/shortcut-keys';

const OPEN_TIMEOUT_MS = 15_000;
/**
 * A command sent to a popup that closes before answering never gets a reply; without a bound
 * the test hangs until its own timeout and says nothing about where (seen in CI on a full disk).
 */
const CALL_TIMEOUT_MS = 30_000;

interface Reply {
  id: number;
  result?: { result?: { value?: unknown }; exceptionDetails?: unknown; data?: string };
  error?: { message: string };
}

export interface ToolbarPopup {
  /** Evaluate an expression (awaiting a promise) in the popup and return its JSON value. */
  value<T>(expression: string): Promise<T>;
  /** Wait until an expression is truthy in the popup. */
  until(expression: string, timeout?: number): Promise<void>;
  /** Press a key as a keyboard does (a DevTools key event, delivered to the focused element). */
  press(key: 'ArrowDown' | 'ArrowUp' | 'Escape' | 'Enter'): Promise<void>;
  type(text: string): Promise<void>;
  /** Click the middle of the first element `selector` matches, as a mouse does. */
  click(selector: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

const KEY_CODES = { ArrowDown: 40, ArrowUp: 38, Escape: 27, Enter: 13 } as const;

/**
 * Open the toolbar popup over `front` (brought to the front, its window focused). `byKey`: with
 * the extension's own shortcut for it, pressed as a person does (a display is needed), which,
 * like a click on the toolbar icon and unlike `openPopup()`, lets the extension read the page
 * (activeTab).
 */
export async function openToolbarPopup(
  l: Launched,
  front: Page,
  opts: { byKey?: boolean } = {},
): Promise<ToolbarPopup> {
  await front.bringToFront();
  await l.worker.evaluate(async () => {
    const win = await chrome.windows.getLastFocused({ windowTypes: ['normal'] });
    if (win.id !== undefined) await chrome.windows.update(win.id, { focused: true });
  });
  if (opts.byKey) pressShortcut(POPUP_SHORTCUT.toLowerCase());
  else await l.worker.evaluate(() => chrome.action.openPopup());
  const session = await l.context.newCDPSession(front);
  const targetId = await popupTarget(session);
  const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
  let next = 0;
  const waiting = new Map<number, (r: Reply) => void>();
  let closed = false;
  session.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const reply = JSON.parse(e.message) as Reply;
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  // The popup closing (lost focus, window.close) ends every command still waiting for it.
  session.on('Target.detachedFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    closed = true;
    for (const answer of waiting.values())
      answer({ id: 0, error: { message: 'No session: the popup closed' } });
    waiting.clear();
  });
  const call = (method: string, params: object = {}): Promise<Reply> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error('No session: the popup closed'));
      const id = ++next;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`the toolbar popup did not answer ${method} in ${CALL_TIMEOUT_MS} ms`));
      }, CALL_TIMEOUT_MS);
      waiting.set(id, (r) => {
        clearTimeout(timer);
        if (r.error) reject(new Error(r.error.message));
        else resolve(r);
      });
      const message = JSON.stringify({ id, method, params });
      session.send('Target.sendMessageToTarget', { sessionId, message }).catch((err: unknown) => {
        clearTimeout(timer);
        waiting.delete(id);
        reject(err instanceof Error ? err : new Error(String(err)));
      });
    });
  const value = async <T>(expression: string): Promise<T> => {
    const r = await call('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.result?.exceptionDetails) throw new Error(JSON.stringify(r.result.exceptionDetails));
    return r.result?.result?.value as T;
  };
  const key = async (type: 'keyDown' | 'keyUp', k: keyof typeof KEY_CODES) =>
    call('Input.dispatchKeyEvent', {
      type,
      key: k,
      code: k,
      windowsVirtualKeyCode: KEY_CODES[k],
    });
  // What the popup showed when a wait gave up: its query and state, the search box, the focus.
  const SHOWN = `JSON.stringify({
    query: document.querySelector('.qari-popup')?.getAttribute('data-query'),
    busy: document.querySelector('.qari-popup')?.getAttribute('aria-busy'),
    input: document.querySelector('input[type=search]')?.value,
    focus: document.activeElement?.outerHTML?.slice(0, 80),
    rows: document.querySelectorAll('.qari-row').length,
  })`;
  return {
    value,
    async until(expression, timeout = OPEN_TIMEOUT_MS) {
      const deadline = Date.now() + timeout;
      while (!(await value<boolean>(`Boolean(${expression})`))) {
        if (Date.now() > deadline)
          throw new Error(`popup never showed: ${expression}; it shows ${await value(SHOWN)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async press(k) {
      await key('keyDown', k);
      await key('keyUp', k);
    },
    async type(text) {
      await call('Input.insertText', { text });
    },
    async click(selector) {
      const at = await value<{ x: number; y: number } | null>(
        `(() => { const el = document.querySelector(${JSON.stringify(selector)});
          if (!el) return null; const b = el.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; })()`,
      );
      if (!at) throw new Error(`nothing to click in the popup: ${selector}`);
      for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased'])
        await call('Input.dispatchMouseEvent', { type, ...at, button: 'left', clickCount: 1 });
    },
    async screenshot(path) {
      const r = await call('Page.captureScreenshot', { format: 'png' });
      writeFileSync(path, Buffer.from(r.result?.data ?? '', 'base64'));
    },
    async close() {
      // Closed after the reply, so the command is answered rather than cut off.
      await value('setTimeout(() => window.close(), 0)').catch(() => undefined);
      await session.detach().catch(() => undefined);
    },
  };
}

async function popupTarget(session: CDPSession): Promise<string> {
  const deadline = Date.now() + OPEN_TIMEOUT_MS;
  for (;;) {
    const { targetInfos } = await session.send('Target.getTargets');
    const popup = targetInfos.find((t) => t.type === 'page' && t.url.endsWith('/popup.html'));
    if (popup) return popup.targetId;
    if (Date.now() > deadline) throw new Error('the toolbar popup did not open');
    await new Promise((r) => setTimeout(r, 100));
  }
}
