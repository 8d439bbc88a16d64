/**
 * Messages crossing a context boundary: every guard in lib/messages.ts takes its valid payloads
 * and nothing else (random junk, wrong types, extra or missing keys, oversized strings), and
 * lib/messaging.ts answers only our own extension, from the context each message is meant for.
 * Also: the page's own scripts cannot drive the button or the overlay with forged events.
 */
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseMessage, parseTabCommand, specs, type MessageType } from '@/lib/messages';
import { senderKind, serve, type Handlers, type Sender } from '@/lib/messaging';
import { showButton } from '@/lib/page/button';
import { ReaderOverlay } from '@/lib/page/overlay';
import { LIMITS } from '@/lib/store/validate';
import { captureShadowRoots } from './shadow-roots';
import { fakeVisibility } from './fake-visibility';
import { makeArticle } from './store-fixtures';

const TYPES = Object.keys(specs) as MessageType[];
const SELECTORS = {
  quote: { type: 'TextQuoteSelector', exact: 'المحادثات', prefix: 'إن ', suffix: ' ستستمر' },
  position: { type: 'TextPositionSelector', start: 10, end: 19 },
};
const HL = 'ab12cd34ef56ab78';
// A megabyte of note, with markup and bidi controls: over any limit, refused whole.
const HUGE_NOTE = '<img src=x onerror=alert(1)>\u202e'.repeat(40_000);
const LABEL = { text: 'وضع القراءة', lang: 'ar' };
const detection = { isArticle: true, isArabic: true, language: 'ar', signals: ['meta'] };

/** One valid payload of every message type. */
const VALID: { [K in MessageType]: unknown } = {
  'page:detected': { detection, title: 'عنوان', detectMs: 3.2 },
  'button:site': { tabId: 2 },
  'button:setHidden': { site: 'news.example', hidden: true },
  'button:hiddenSites': {},
  'reader:open': { tabId: 4 },
  'tab:extract': { tabId: 1 },
  'tab:state': { tabId: 1 },
  'page:saveAnyway': {},
  'library:saveTab': { tabId: 1 },
  'library:saveArticle': { article: makeArticle(), canonical: 'https://www.example.com/news/1' },
  'library:isSaved': { url: 'https://news.example/a', canonical: 'https://news.example/a' },
  'library:setStatus': { id: 3, patch: { read: true } },
  'library:setProgress': { id: 3, progress: 0.5 },
  'library:delete': { ids: [1, 2] },
  'library:undoDelete': { undoToken: 'f'.repeat(32) },
  'library:import': { json: '{}' },
  'library:fetchBody': { id: 9 },
  'highlight:forArticle': { url: 'https://news.example/a' },
  'highlight:add': { id: 3, selectors: SELECTORS, color: 'green', note: '<b>نص</b>\u202e' },
  'highlight:update': { id: 3, highlightId: HL, patch: { note: 'ملاحظة' } },
  'highlight:remove': { id: 3, highlightId: HL },
  'sync:state': {},
  'sync:setEnabled': { enabled: true },
  'sync:now': {},
  'import:links': {
    items: [
      {
        url: 'https://news.example/a',
        title: 'خبر',
        savedAt: 1,
        read: false,
        archived: false,
        favourite: false,
        tags: [],
      },
    ],
  },
  'import:pause': {},
  'import:resume': {},
  'import:status': {},
  'import:retryFailed': {},
};

/** Payloads that must fail, each breaking one rule of its guard. */
const INVALID: { [K in MessageType]: unknown[] } = {
  'page:detected': [
    { detection, title: 'x'.repeat(1025), detectMs: 1 },
    { detection: { ...detection, signals: ['x'.repeat(257)] }, title: '', detectMs: 1 },
    { detection: { ...detection, signals: Array(65).fill('s') }, title: '', detectMs: 1 },
    { detection, title: '', detectMs: Number.NaN },
    { detection: { ...detection, isArticle: 'true' }, title: '', detectMs: 1 },
  ],
  'button:site': [{ tabId: '2' }, {}],
  'button:setHidden': [
    { site: '', hidden: true },
    { site: 'x'.repeat(254), hidden: true },
    { site: 'news.example', hidden: 'yes' },
    { site: 7, hidden: false },
  ],
  'button:hiddenSites': [{ site: 'a' }, null],
  'reader:open': [{ tabId: 1.5 }, { tabId: '1' }, null, []],
  'tab:extract': [{ tabId: Number.MAX_SAFE_INTEGER + 2 }, {}],
  'tab:state': [{ tabId: null }],
  'page:saveAnyway': [{ tabId: 1 }, null, []],
  'library:saveTab': [{ tabId: Infinity }],
  'library:saveArticle': [
    { article: makeArticle({ url: 'javascript:alert(1)' }) },
    { article: makeArticle({ content: 'x'.repeat(LIMITS.content + 1) }) },
    { article: makeArticle({ title: 'x'.repeat(LIMITS.title + 1) }) },
    { article: { ...makeArticle(), dir: 'up' } },
    { article: makeArticle(), canonical: 'x'.repeat(8193) },
    { article: makeArticle({ sections: [{ id: 'a', level: 9, title: 't' }] }) },
  ],
  'library:isSaved': [{}, { url: 7 }, { url: 'x'.repeat(8193) }, { url: 'a', canonical: 1 }],
  'library:setStatus': [
    { id: 3, patch: {} },
    { id: 3, patch: { read: 1 } },
    { id: 3, patch: { deleted: true } },
    { id: 0, patch: { read: true } },
  ],
  'library:setProgress': [
    { id: 3, progress: 1.01 },
    { id: 3, progress: -0.1 },
    { id: -1, progress: 0 },
  ],
  'library:delete': [{ ids: [] }, { ids: [0] }, { ids: Array(1001).fill(1) }, { ids: ['1'] }],
  'library:undoDelete': [{ undoToken: 'x'.repeat(65) }],
  'library:import': [{ json: 5 }, {}],
  'library:fetchBody': [{ id: 9, extra: 1 }, { id: 0 }],
  'highlight:forArticle': [{}, { url: 'x'.repeat(8193) }, { url: 'a', extra: 1 }],
  'highlight:add': [
    { id: 3, selectors: SELECTORS, color: 'green', note: HUGE_NOTE },
    { id: 3, selectors: SELECTORS, color: 'red', note: '' },
    { id: 0, selectors: SELECTORS, color: 'green', note: '' },
    { id: 3, selectors: { ...SELECTORS, extra: 1 }, color: 'green', note: '' },
    {
      id: 3,
      selectors: { ...SELECTORS, quote: { ...SELECTORS.quote, exact: 'x'.repeat(20_001) } },
      color: 'green',
      note: '',
    },
    {
      id: 3,
      selectors: { ...SELECTORS, position: { type: 'TextPositionSelector', start: 5, end: 5 } },
      color: 'green',
      note: '',
    },
    { id: 3, selectors: SELECTORS, color: 'green', note: '', html: '<b>' },
  ],
  'highlight:update': [
    { id: 3, highlightId: HL, patch: {} },
    { id: 3, highlightId: HL, patch: { note: HUGE_NOTE } },
    { id: 3, highlightId: HL, patch: { quote: 'x' } },
    { id: 3, highlightId: '../x', patch: { color: 'blue' } },
  ],
  'highlight:remove': [
    { id: 3 },
    { id: 3, highlightId: 'ZZZZZZZZ' },
    { id: 3, highlightId: HL, x: 1 },
  ],
  'sync:state': [{ a: 1 }],
  'sync:setEnabled': [{ enabled: 'yes' }, { enabled: true, x: 1 }],
  'sync:now': [[]],
  'import:links': [
    { fileName: 'a', text: 'x' },
    { items: [{ url: 'javascript:alert(1)', title: '', savedAt: 1, read: false }] },
    { items: 'x' },
    { items: [], extra: 1 },
  ],
  'import:pause': [{ now: 1 }],
  'import:resume': [null],
  'import:status': ['x'],
  'import:retryFailed': [{ all: 1 }],
};

describe('message guards', () => {
  it('accept a valid payload of every message type', () => {
    for (const type of TYPES)
      expect(parseMessage({ type, payload: VALID[type] }), type).not.toBeNull();
  });

  it('refuse each broken payload', () => {
    for (const type of TYPES) {
      for (const payload of INVALID[type])
        expect(
          parseMessage({ type, payload }),
          `${type} ${JSON.stringify(payload)?.slice(0, 80)}`,
        ).toBeNull();
    }
  });

  it('refuse unknown types, inherited names and non-objects', () => {
    for (const type of [
      'toString',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'reader:show',
      '',
    ])
      expect(parseMessage({ type, payload: {} })).toBeNull();
    for (const raw of [null, undefined, 'reader:open', 1, [], [{ type: 'reader:open' }]])
      expect(parseMessage(raw)).toBeNull();
  });

  it('random junk never passes a guard that wants a fixed shape', () => {
    // For these types the full valid set is small enough to describe here independently.
    const expected: Partial<Record<MessageType, (p: unknown) => boolean>> = {
      'sync:now': (p) => isEmptyObject(p),
      'tab:extract': (p) => isObject(p) && Number.isSafeInteger(p.tabId),
      'sync:setEnabled': (p) =>
        isObject(p) && Object.keys(p).length === 1 && typeof p.enabled === 'boolean',
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(expected) as MessageType[])),
        fc.anything({ withObjectString: true, withNullPrototype: true, withBoxedValues: true }),
        (type, payload) => {
          expect(parseMessage({ type, payload }) !== null).toBe(expected[type]!(payload));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('no junk payload makes a guard throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.anything(), (type, payload) => {
        expect(() => parseMessage({ type, payload })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('tab commands: only the known types, nothing extra', () => {
    const known = ['reader:toggle', 'reader:show', 'reader:hide', 'page:extract', 'page:canonical'];
    for (const type of known) expect(parseTabCommand({ type })).toEqual({ type });
    expect(parseTabCommand({ type: 'reader:show', token: 'abc' })).toBeNull();
    expect(parseTabCommand({ type: 'reader:open' })).toBeNull();
    expect(parseTabCommand({ type: 'toString' })).toBeNull();
    const toast = { type: 'page:toast', key: 'saveDone', error: false, ask: false };
    expect(parseTabCommand(toast)).toEqual(toast);
    expect(parseTabCommand({ ...toast, key: '<img src=x>' })).toBeNull();
    expect(parseTabCommand({ ...toast, ask: 'yes' })).toBeNull();
    expect(parseTabCommand({ ...toast, html: '<b>' })).toBeNull();
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const cmd = parseTabCommand(raw);
        if (cmd) expect(known).toContain(cmd.type);
      }),
      { numRuns: 300 },
    );
  });
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmptyObject = (v: unknown) => isObject(v) && Object.keys(v).length === 0;

describe('senders', () => {
  const ORIGIN = 'chrome-extension://test-extension-id/';
  const contentSender: Sender = {
    id: 'test-extension-id',
    url: 'https://news.example/a',
    tab: { id: 5, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  };
  const pageSender: Sender = { id: 'test-extension-id', url: `${ORIGIN}reader.html` };

  beforeEach(() => fakeBrowser.reset());

  it('tells our content scripts from our pages, and refuses everyone else', () => {
    expect(senderKind(contentSender, ORIGIN)).toBe('content');
    expect(senderKind(pageSender, ORIGIN)).toBe('page');
    expect(senderKind({ ...pageSender, id: 'other-extension' }, ORIGIN)).toBeNull();
    expect(senderKind({ ...contentSender, id: undefined }, ORIGIN)).toBeNull();
    // A web page at a URL that merely contains our origin is not one of our pages.
    expect(senderKind({ ...contentSender, url: `https://evil.example/?${ORIGIN}` }, ORIGIN)).toBe(
      'content',
    );
    expect(senderKind({ id: 'test-extension-id', url: 'https://x.example/' }, ORIGIN)).toBeNull();
  });

  it('serve() answers only the allowed context, and only valid messages', async () => {
    const calls: string[] = [];
    const handlers: Handlers = {
      'library:delete': ({ ids }) => {
        calls.push(`delete ${ids.join(',')}`);
        return { ok: true, undoToken: 't', count: ids.length };
      },
      'page:detected': () => {
        calls.push('detected');
        return { ok: true, button: null };
      },
      'reader:open': () => {
        calls.push('open');
        return { ok: true, open: true };
      },
    };
    serve(handlers);
    const send = async (msg: unknown, sender: Sender) =>
      (
        await fakeBrowser.runtime.onMessage.trigger(
          msg,
          sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1],
          () => undefined,
        )
      ).filter((r) => r !== undefined);

    // A content script (a page may have compromised its isolated world) cannot reach page-only calls.
    expect(await send({ type: 'library:delete', payload: { ids: [1] } }, contentSender)).toEqual(
      [],
    );
    // Extension pages cannot pretend to be a tab's detector.
    expect(
      await send({ type: 'page:detected', payload: VALID['page:detected'] }, pageSender),
    ).toEqual([]);
    // Another extension gets nothing at all.
    expect(
      await send(
        { type: 'library:delete', payload: { ids: [1] } },
        { ...pageSender, id: 'other-extension' },
      ),
    ).toEqual([]);
    // Malformed payloads are dropped before any handler runs.
    expect(await send({ type: 'library:delete', payload: { ids: ['1'] } }, pageSender)).toEqual([]);
    expect(calls).toEqual([]);

    expect(await send({ type: 'library:delete', payload: { ids: [1] } }, pageSender)).toHaveLength(
      1,
    );
    expect(
      await send({ type: 'page:detected', payload: VALID['page:detected'] }, contentSender),
    ).toHaveLength(1);
    // Opening the reader is for extension pages; the page's own button talks to its tab's code.
    expect(await send({ type: 'reader:open', payload: { tabId: 1 } }, contentSender)).toEqual([]);
    expect(await send({ type: 'reader:open', payload: { tabId: 1 } }, pageSender)).toHaveLength(1);
    expect(calls).toEqual(['delete 1', 'detected', 'open']);
  });
});

describe('the page cannot drive the extension', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.i18n.getMessage = () => '';
    fakeBrowser.i18n.getUILanguage = () => 'ar';
  });
  afterEach(() => {
    document.documentElement.querySelectorAll(':root > div').forEach((e) => e.remove());
    document.body.replaceChildren();
  });

  /** Capture the closed shadow root the module creates, as the page never can. */
  function captureShadow(): { root: ShadowRoot | null; restore: () => void } {
    const orig = Element.prototype.attachShadow;
    const box: { root: ShadowRoot | null; restore: () => void } = {
      root: null,
      restore: () => (Element.prototype.attachShadow = orig),
    };
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      box.root = orig.call(this, init);
      return box.root;
    };
    return box;
  }

  it('ignores forged clicks and keys on the reader button, with clobbered globals around', () => {
    document.body.innerHTML =
      '<form id="browser"><input name="runtime"></form><img name="chrome"><a id="qari-button">x</a>';
    const onClick = vi.fn();
    const visibility = fakeVisibility();
    const shadow = captureShadow();
    const host = showButton(document, LABEL, onClick, () => undefined);
    visibility.report(true);
    shadow.restore();
    const button = shadow.root!.querySelector('button')!;
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.click();
    host.click();
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    expect(onClick).not.toHaveBeenCalled();
    // The guard is what stops it: a click the browser marks trusted does open the reader.
    const trusted = () => {
      const click = new MouseEvent('click');
      Object.defineProperty(click, 'isTrusted', { value: true });
      return click;
    };
    button.dispatchEvent(trusted());
    expect(onClick).toHaveBeenCalledTimes(1);
    visibility.restore();
    // Not while the browser says the button is hidden (covered, faded, transformed).
    visibility.report(false);
    button.dispatchEvent(trusted());
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('the overlay ignores postMessage (even from its own frame) and forged Escape from the page', async () => {
    const roots = captureShadowRoots();
    const overlay = new ReaderOverlay(document, window);
    overlay.open('tok');
    expect(overlay.isOpen).toBe(true);
    window.postMessage('qari:close', '*');
    window.dispatchEvent(
      new MessageEvent('message', {
        data: 'qari:close',
        origin: 'chrome-extension://test-extension-id',
      }),
    );
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(overlay.isOpen).toBe(true);
    expect(document.querySelectorAll(':root > div')).toHaveLength(1);
    // The overlay talks to its frame only over a runtime port (reader-relay.test.ts): not even
    // a message from the frame's own window, from the extension's origin, closes it.
    const frameWindow = { postMessage: () => undefined } as unknown as Window;
    const iframe = roots.at(-1)!.querySelector('iframe')!;
    Object.defineProperty(iframe, 'contentWindow', { value: frameWindow });
    window.dispatchEvent(
      new MessageEvent('message', {
        data: 'qari:close',
        origin: 'chrome-extension://test-extension-id',
        source: frameWindow,
      }),
    );
    expect(overlay.isOpen).toBe(true);
    overlay.close();
    vi.restoreAllMocks();
  });
});
