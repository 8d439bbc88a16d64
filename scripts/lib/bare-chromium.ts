/**
 * Chromium with the built extension and no debugger on its pages. Playwright attaches to every
 * new target and holds it until it has set it up (`waitForDebuggerOnStart`), the reader's frame
 * included, and each of those round trips goes through the browser process the frame's loading
 * needs too: a timing taken under Playwright includes its work. Here the DevTools protocol is
 * spoken directly, to one extension page only (the control page that asks the background, as
 * the popup does); a page or frame is attached only after its timing has been taken.
 */
import WebSocket from 'ws';
import { CHROME_FLAGS, spawnChromium } from '../../tests/e2e/fixtures';

// No name resolves but loopback's: nothing leaves the machine, as Playwright's routing ensures
// in the other harnesses.
const LOOPBACK_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
const START_TIMEOUT_MS = 30_000;
// A fresh install opens the first-run page (lib/background/welcome.ts) in a tab of its own, at
// the front: the page being measured would go to the background, where frames do not paint.
// The control page closes it whenever it shows.
const CLOSE_WELCOME = `{
  const welcome = chrome.runtime.getURL('/welcome.html');
  const shut = (t) => (t.pendingUrl || t.url || '').startsWith(welcome) && chrome.tabs.remove(t.id);
  chrome.tabs.onCreated.addListener(shut);
  chrome.tabs.onUpdated.addListener((id, change, t) => shut(t));
  chrome.tabs.query({}).then((tabs) => tabs.forEach(shut));
  0;
}`;

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/** A DevTools protocol connection to the browser, with flat sessions. */
export class Cdp {
  private next = 1;
  private pending = new Map<number, Pending>();
  private listeners = new Map<string, ((params: unknown) => void)[]>();

  constructor(private ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as {
        id?: number;
        method?: string;
        params?: unknown;
        result?: unknown;
        error?: { message: string };
      };
      if (msg.method) for (const f of this.listeners.get(msg.method) ?? []) f(msg.params);
      const p = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id!);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    });
  }

  on(method: string, listener: (params: unknown) => void): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.next++;
    this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise<T>((resolve, reject) =>
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }),
    );
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export interface BareChromium {
  extensionId: string;
  /** The browser's own DevTools connection (e.g. for tracing). */
  cdp: Cdp;
  /** Evaluate an expression (a promise is awaited) in the target's page; the value returned by value. */
  evaluate<T>(sessionId: string, expression: string): Promise<T>;
  /** Evaluate in the extension's control page (popup.html). */
  control<T>(expression: string): Promise<T>;
  /** Attach to the first target whose URL starts with `prefix`, once there is one. */
  attach(prefix: string, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The extension's id, from its service worker's address once it runs. */
async function workerHost(targets: () => Promise<TargetInfo[]>): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const worker = (await targets()).find(
      (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
    );
    if (worker) return new URL(worker.url).host;
    if (Date.now() > deadline) throw new Error('the extension did not start');
    await sleep(50);
  }
}

/**
 * A new target starts on about:blank before it navigates to its address: the control page is
 * ready once its own document has loaded (an evaluation cut short by the navigation is retried).
 */
async function controlPageLoaded(evaluate: (e: string) => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const ready = await evaluate(
      'location.protocol === "chrome-extension:" && document.readyState === "complete"',
    ).catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error('the control page did not load');
    await sleep(20);
  }
}

export async function launchBare(extensionDir: string): Promise<BareChromium> {
  const chromium = await spawnChromium([
    ...CHROME_FLAGS,
    LOOPBACK_ONLY,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    'about:blank',
  ]);
  const ws = new WebSocket(chromium.wsUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const cdp = new Cdp(ws);

  const targets = async () =>
    (await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets')).targetInfos;
  const attach = async (prefix: string, timeoutMs = 10_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const t = (await targets()).find((x) => x.url.startsWith(prefix));
      if (t) {
        const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
          targetId: t.targetId,
          flatten: true,
        });
        return sessionId;
      }
      if (Date.now() > deadline) throw new Error(`no target at ${prefix}`);
      await sleep(20);
    }
  };
  const evaluate = async <T>(sessionId: string, expression: string): Promise<T> => {
    const res = await cdp.send<{
      result: { value?: unknown };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
    if (res.exceptionDetails) {
      const e = res.exceptionDetails;
      throw new Error(e.exception?.description ?? e.text);
    }
    return res.result.value as T;
  };

  const extensionId = await workerHost(targets);
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', {
    url: `chrome-extension://${extensionId}/popup.html`,
  });
  const { sessionId: controlSession } = await cdp.send<{ sessionId: string }>(
    'Target.attachToTarget',
    { targetId, flatten: true },
  );
  await controlPageLoaded((e) => evaluate(controlSession, e));
  await evaluate(controlSession, CLOSE_WELCOME);

  return {
    extensionId,
    cdp,
    evaluate,
    control: (expression) => evaluate(controlSession, expression),
    attach,
    async close() {
      ws.close();
      await chromium.close();
    },
  };
}
