import { showButton } from '@/lib/page/button';

type I18nGlobal = { chrome?: unknown; browser?: unknown };

describe('showButton', () => {
  const g = globalThis as unknown as I18nGlobal;
  const saved = { chrome: g.chrome, browser: g.browser };
  afterEach(() => {
    g.chrome = saved.chrome;
    g.browser = saved.browser;
    document.documentElement.querySelectorAll(':root > div').forEach((el) => el.remove());
  });

  // The host's shadow root is closed: read the button through attachShadow's return value.
  function show(
    onClick = (): void => undefined,
    onIntent = (): void => undefined,
    label = { text: 'وضع القراءة', lang: 'ar' },
  ): HTMLButtonElement {
    let root: ShadowRoot | null = null;
    const attach = Element.prototype.attachShadow;
    const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
      this: Element,
      init: ShadowRootInit,
    ) {
      root = attach.call(this, init);
      return root;
    });
    showButton(document, label, onClick, onIntent);
    spy.mockRestore();
    const button = (root as ShadowRoot | null)?.querySelector('button');
    if (!button) throw new Error('no button');
    return button;
  }

  it('is labelled as the background says, and never reads the message bundle itself', () => {
    const getMessage = vi.fn(() => 'x');
    g.browser = undefined;
    g.chrome = { i18n: { getMessage } };
    const en = show(undefined, undefined, { text: 'Reader mode', lang: 'en' });
    expect(en.textContent).toBe('Reader mode');
    expect(en.getAttribute('lang')).toBe('en');
    expect(getMessage).not.toHaveBeenCalled();
  });

  it('steps aside while the page scrolls down and comes back when it scrolls up', () => {
    const button = show();
    const scrollTo = (y: number) => {
      Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
      window.dispatchEvent(new Event('scroll'));
    };
    scrollTo(400);
    expect(button.className).toBe('h');
    scrollTo(900);
    expect(button.className).toBe('h');
    scrollTo(700);
    expect(button.className).toBe('');
    // Only narrow windows move it (the class means nothing wider than 40em).
    const css = button.parentNode!.querySelector('style')!.textContent!;
    expect(css).toMatch(/@media\s*\(max-width:\s*40em\)\s*\{\s*\.h\s*\{\s*translate:/);
  });

  it('opens the reader on trusted clicks only', () => {
    g.chrome = { i18n: { getUILanguage: () => 'ar' } };
    const onClick = vi.fn();
    const button = show(onClick);
    button.dispatchEvent(new MouseEvent('click'));
    expect(onClick).not.toHaveBeenCalled();
    expect(document.querySelectorAll(':root > div')).toHaveLength(1);
  });

  it('tells of the intent to click when the pointer reaches it or it takes focus', () => {
    g.chrome = { i18n: { getUILanguage: () => 'ar' } };
    const onIntent = vi.fn();
    const onClick = vi.fn();
    const button = show(onClick, onIntent);
    expect(onIntent).not.toHaveBeenCalled();
    button.dispatchEvent(new PointerEvent('pointerenter'));
    expect(onIntent).toHaveBeenCalledTimes(1);
    button.focus();
    expect(onIntent).toHaveBeenCalledTimes(2);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('lives in a plain div styled inline with !important throughout, which no page can define or restyle', () => {
    g.chrome = { i18n: { getUILanguage: () => 'ar' } };
    show();
    const host = document.querySelector<HTMLElement>(':root > div')!;
    expect(host.localName).toBe('div');
    const declarations = host.getAttribute('style')!.split(';').filter(Boolean);
    expect(declarations[0]).toMatch(/^all:\s*initial\s*!important$/);
    for (const d of declarations) expect(d).toMatch(/!important$/);
  });
});
