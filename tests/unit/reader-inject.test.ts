/**
 * A tab whose page loaded before the extension was installed or updated has no always-on script
 * to answer the background: the reader's commands inject it (allowed by the user's gesture on
 * the toolbar, menu or shortcut: activeTab) and ask again. Other failures are not retried.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readerCommand, tellTab } from '@/lib/background/reader';
import { pageScriptReady, waitForPageScript } from '@/lib/background/page-script-ready';

const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

describe('reader commands to a tab without the always-on script', () => {
  let injected: unknown[] = [];
  let listening = false;

  beforeEach(() => {
    fakeBrowser.reset();
    injected = [];
    listening = false;
    const scripting = {
      executeScript: vi.fn(async (details: unknown) => {
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
    // Now the tab answers: nothing is injected again.
    await expect(readerCommand(7, 'reader:show')).resolves.toEqual({ ok: true, open: true });
    expect(injected).toHaveLength(1);
  });

  it('passes other failures on without injecting anything', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('No tab with id: 7.'));
    await expect(tellTab(7, { type: 'reader:show' })).rejects.toThrow('No tab with id');
    await expect(readerCommand(7, 'reader:show')).resolves.toMatchObject({ ok: false });
    expect(injected).toEqual([]);
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

  beforeEach(() => {
    fakeBrowser.reset();
    injected = 0;
    listening = false;
    status = 'loading';
    Object.assign(fakeBrowser, {
      scripting: {
        executeScript: vi.fn(async () => {
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

  it('injects once the wait is over when the page never reports', async () => {
    await expect(waitForPageScript(7, 30)).resolves.toBe(true);
    status = 'complete';
    await expect(waitForPageScript(7, 30)).resolves.toBe(false);
  });
});
