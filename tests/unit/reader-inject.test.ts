/**
 * A tab whose page loaded before the extension was installed or updated has no always-on script
 * to answer the background, and one whose page is not Arabic at a glance has a script that
 * stopped there: the reader's commands wake it and inject it (allowed by the user's gesture on
 * the toolbar, menu or shortcut: activeTab) and ask again. Other failures are not retried.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  readerCommand,
  registerReaderService,
  tabDetection,
  tellTab,
} from '@/lib/background/reader';
import { pageScriptReady, waitForPageScript } from '@/lib/background/page-script-ready';
import { GATE_KEY, markGate, wakeInTab, woken } from '@/lib/page/gate';

const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

describe('reader commands to a tab without the always-on script', () => {
  let injected: unknown[] = [];
  let woke: unknown[] = [];
  let listening = false;

  beforeEach(() => {
    fakeBrowser.reset();
    injected = [];
    woke = [];
    listening = false;
    const scripting = {
      executeScript: vi.fn(async (details: { func?: unknown }) => {
        if (details.func) {
          woke.push(details);
          return [{ result: false }];
        }
        injected.push(details);
        listening = true;
        return [];
      }),
    };
    Object.assign(fakeBrowser, { scripting });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tabId, message) => {
      if (!listening) throw new Error(NO_RECEIVER);
      return (message as { type: string }).type === 'reader:show' ? { ok: true, open: true } : null;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('injects the always-on script into the top frame once, then delivers the command', async () => {
    await expect(readerCommand(7, 'reader:show')).resolves.toEqual({ ok: true, open: true });
    expect(injected).toEqual([{ target: { tabId: 7, frameIds: [0] }, files: ['/page.js'] }]);
    // Woken first, so that the injected script runs whole whatever its glance says.
    expect(woke).toEqual([
      {
        target: { tabId: 7, frameIds: [0] },
        func: wakeInTab,
        args: [GATE_KEY],
        injectImmediately: true,
      },
    ]);
    // Now the tab answers: nothing is injected again.
    await expect(readerCommand(7, 'reader:show')).resolves.toEqual({ ok: true, open: true });
    expect(injected).toHaveLength(1);
  });

  it('passes other failures on without injecting anything', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('No tab with id: 7.'));
    await expect(tellTab(7, { type: 'reader:show' })).rejects.toThrow('No tab with id');
    await expect(readerCommand(7, 'reader:show')).resolves.toMatchObject({ ok: false });
    expect(injected).toEqual([]);
    expect(woke).toEqual([]);
  });

  it('reports a failure when injecting is not allowed (no gesture, a browser page)', async () => {
    (fakeBrowser as unknown as { scripting: { executeScript: unknown } }).scripting.executeScript =
      vi.fn(async () => {
        throw new Error('Cannot access contents of the page.');
      });
    await expect(readerCommand(7, 'reader:show')).resolves.toEqual({
      ok: false,
      error: expect.stringContaining('Cannot access') as unknown as string,
    });
  });
});

describe('a command to a tab still loading its page', () => {
  let injected = 0;
  let listening = false;
  let status = 'loading';
  let gated = false;

  beforeEach(() => {
    fakeBrowser.reset();
    injected = 0;
    listening = false;
    status = 'loading';
    gated = false;
    Object.assign(fakeBrowser, {
      scripting: {
        executeScript: vi.fn(async (details: { func?: unknown }) => {
          if (details.func) return [{ result: gated }];
          injected += 1;
          listening = true;
          return [];
        }),
      },
    });
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id) => ({ id, status }) as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => {
      if (!listening) throw new Error(NO_RECEIVER);
      return { ok: true, open: true };
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('waits for the page’s own always-on script instead of injecting a second copy', async () => {
    const answer = readerCommand(7, 'reader:show');
    await new Promise((r) => setTimeout(r, 20));
    expect(injected).toBe(0);
    // The browser starts the page's script once it is parsed; it reports its detection.
    listening = true;
    pageScriptReady(7);
    await expect(answer).resolves.toEqual({ ok: true, open: true });
    expect(injected).toBe(0);
  });

  it('asks again when the page finishes loading', async () => {
    const answer = readerCommand(7, 'reader:show');
    await new Promise((r) => setTimeout(r, 20));
    listening = true;
    status = 'complete';
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, {
      id: 7,
    } as Parameters<typeof fakeBrowser.tabs.onUpdated.trigger>[2]);
    await expect(answer).resolves.toEqual({ ok: true, open: true });
    expect(injected).toBe(0);
  });

  it("injects at once, without waiting for the load, when the page's script stopped at its glance", async () => {
    // A page that is not Arabic at a glance, its images still loading: parsed, and never reporting.
    gated = true;
    const answer = readerCommand(7, 'reader:show');
    await expect(answer).resolves.toEqual({ ok: true, open: true });
    expect(injected).toBe(1);
  });

  it('injects once the wait is over when the page never reports', async () => {
    await expect(waitForPageScript(7, 30)).resolves.toBe(true);
    status = 'complete';
    await expect(waitForPageScript(7, 30)).resolves.toBe(false);
  });
});

describe('the gate between a glance and the whole always-on script', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for(GATE_KEY)];
  });

  it('a script woken before it starts runs whole; waking says whether one stopped already', () => {
    expect(woken()).toBe(false);
    expect(wakeInTab(GATE_KEY)).toBe(false);
    expect(woken()).toBe(true);
    delete (globalThis as Record<symbol, unknown>)[Symbol.for(GATE_KEY)];
    markGate(true);
    expect(woken()).toBe(false);
    expect(wakeInTab(GATE_KEY)).toBe(true);
    expect(woken()).toBe(true);
  });
});

describe("what detection says of a tab's page", () => {
  const arabic = {
    detection: { isArticle: true, isArabic: true, language: 'ar', signals: [] },
    title: 'مقال',
    detectMs: 1,
  };

  beforeEach(() => {
    fakeBrowser.reset();
    // The page answers at once: its script listens (woken or not, nothing is injected).
    Object.assign(fakeBrowser, {
      scripting: { executeScript: vi.fn(async () => [{ result: true }]) },
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('asks a page that made no report, keeps its answer, and forgets it when the tab loads another', async () => {
    const handlers = registerReaderService();
    const asked = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation(async (_tabId, message) =>
        (message as { type: string }).type === 'page:detect' ? arabic : null,
      );
    await expect(tabDetection(9)).resolves.toEqual(arabic);
    await expect(handlers['tab:state']({ tabId: 9 })).resolves.toEqual(arabic);
    expect(asked).toHaveBeenCalledTimes(1);
    await fakeBrowser.tabs.onUpdated.trigger(9, { status: 'loading' }, {
      id: 9,
    } as Parameters<typeof fakeBrowser.tabs.onUpdated.trigger>[2]);
    await expect(tabDetection(9)).resolves.toEqual(arabic);
    expect(asked).toHaveBeenCalledTimes(2);
  });

  it('takes nothing from a page whose answer is not a report', async () => {
    const asked = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({
      detection: 'article',
      title: 1,
    } as never);
    await expect(tabDetection(11)).resolves.toBeNull();
    // Nothing kept: the next question asks the page again.
    await expect(tabDetection(11)).resolves.toBeNull();
    expect(asked).toHaveBeenCalledTimes(2);
  });
});
