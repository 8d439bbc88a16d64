import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReaderView, type ReaderViewProps } from '@/components/reader/ReaderView';
import type { Article, Section } from '@/lib/article';
import { SETTINGS_KEY, loadSettings, validateSettings } from '@/lib/reader/settings';
import { patchHappyDomForDOMPurify } from './happy-dom-dompurify';

// DOMPurify needs two happy-dom fixes to behave as in browsers (see that module).
patchHappyDomForDOMPurify(window);

const SECTIONS: Section[] = [
  { id: 'visit', level: 1, title: 'زيارة لافروف إلى كوريا الشمالية' },
  { id: 'message', level: 2, title: 'رسالة بوتين: تأكيد الالتزام والتعاون' },
  { id: 'outlook', level: 1, title: 'الخاتمة: آفاق المستقبل' },
];

const CONTENT =
  '<h2 id="visit">زيارة لافروف إلى كوريا الشمالية</h2>' +
  '<p>في خطوة تعكس عمق العلاقات <img src="https://news.example/a.jpg" onerror="window.__pwned = 1"></p>' +
  '<h3 id="message">رسالة بوتين: تأكيد الالتزام والتعاون</h3><p>نص “Quote” 2025.</p>' +
  '<script>window.__pwned = 2</script>' +
  '<h2 id="outlook">الخاتمة: آفاق المستقبل</h2><p><a href="javascript:alert(1)">رابط</a></p>';

function article(over: Partial<Article> = {}): Article {
  return {
    url: 'https://news.example/2025/07/lavrov.html',
    title: 'وزير الخارجية الروسي يجتمع بكيم جونغ أون',
    byline: 'فريق التحرير',
    siteName: 'أخبار المثال',
    published: '2025-07-13',
    lang: 'ar',
    dir: 'rtl',
    excerpt: '',
    leadImage: null,
    content: CONTENT,
    text: '',
    sections: SECTIONS,
    wordCount: 1000,
    readingMinutes: 5,
    ...over,
  };
}

let root: HTMLDivElement;

async function mount(props: Partial<ReaderViewProps> = {}): Promise<HTMLDivElement> {
  await act(async () => {
    render(<ReaderView article={article()} mode="overlay" {...props} />, root);
  });
  // Settings load from storage asynchronously.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  return root;
}

function press(key: string, code: string, over: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true, ...over });
  act(() => {
    document.body.dispatchEvent(e);
  });
  return e;
}

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', 'http://localhost:3000/reader.html#t=tok');
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  vi.restoreAllMocks();
  act(() => render(null, root));
  root.remove();
  delete (window as { __pwned?: number }).__pwned;
});

describe('ReaderView', () => {
  it('keeps its own toolbar in the UI language’s direction on a left-to-right article', async () => {
    const r = await mount({ article: article({ dir: 'ltr', lang: 'en' }) });
    expect(r.querySelector('header.qari-toolbar')!.getAttribute('dir')).toBe('rtl');
    expect(r.querySelector('main article')!.getAttribute('dir')).toBe('ltr');
  });

  it('shows the bookmark as saved for an article in the list, and after a save', async () => {
    const r = await mount({ onSave: async () => true, isSaved: async () => true });
    const bookmark = r.querySelector<HTMLButtonElement>('#qari-save')!;
    expect(bookmark.getAttribute('aria-pressed')).toBe('true');
    expect(bookmark.title).toBe('محفوظ في قائمة القراءة');
    act(() => render(null, root));
    const r2 = await mount({ onSave: async () => true, isSaved: async () => false });
    const b2 = r2.querySelector<HTMLButtonElement>('#qari-save')!;
    expect(b2.getAttribute('aria-pressed')).toBe('false');
    await act(async () => {
      b2.click();
      await new Promise((res) => setTimeout(res, 0));
    });
    expect(r2.querySelector('#qari-save')!.getAttribute('aria-pressed')).toBe('true');
  });

  it('has the landmarks and an RTL article with its language', async () => {
    const r = await mount();
    expect(r.querySelector('header.qari-toolbar')).not.toBeNull();
    expect(r.querySelector('main#qari-main')).not.toBeNull();
    const art = r.querySelector('main article')!;
    expect(art.getAttribute('dir')).toBe('rtl');
    expect(art.getAttribute('lang')).toBe('ar');
    expect(r.querySelector('nav')!.getAttribute('aria-label')).toBe('أقسام المقال');
  });

  it('lists the sections in order in the table of contents', async () => {
    const r = await mount();
    const entries = Array.from(r.querySelectorAll<HTMLButtonElement>('nav#qari-toc button'));
    expect(entries.map((b) => b.textContent)).toEqual(SECTIONS.map((s) => s.title));
    expect(r.querySelector('nav li.qari-toc-level-2 button')!.textContent).toBe(SECTIONS[1]!.title);
  });

  it('shows no table of contents with fewer than two sections', async () => {
    await act(async () => {
      render(
        <ReaderView article={article({ sections: SECTIONS.slice(0, 1) })} mode="saved" />,
        root,
      );
    });
    expect(root.querySelector('nav')).toBeNull();
    expect(root.querySelector('.qari-reader')!.getAttribute('data-toc')).toBe('off');
    // The content is still there.
    expect(root.querySelector('#visit')).not.toBeNull();
  });

  it('leaves out sections whose heading is not in the content', async () => {
    const sections = [...SECTIONS, { id: 'ghost', level: 1, title: 'غير موجود' }];
    await act(async () => {
      render(<ReaderView article={article({ sections })} mode="overlay" />, root);
    });
    expect(root.querySelectorAll('nav button')).toHaveLength(3);
  });

  it('renders sanitized content: no event handlers, scripts or javascript: links', async () => {
    const r = await mount();
    const content = r.querySelector('.qari-content')!;
    const img = content.querySelector('img')!;
    expect(img).not.toBeNull();
    expect(img.getAttribute('onerror')).toBeNull();
    expect(content.querySelector('script')).toBeNull();
    expect(content.querySelector('a')!.hasAttribute('href')).toBe(false);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(content.querySelector('#visit')!.getAttribute('tabindex')).toBe('-1');
  });

  it('shows the header: title, site, byline, Gregorian and Hijri dates, reading time, original link', async () => {
    const r = await mount();
    const header = r.querySelector('.qari-article-header')!;
    expect(header.querySelector('h1')!.textContent).toBe(article().title);
    expect(header.textContent).toContain('أخبار المثال');
    expect(header.textContent).toContain('فريق التحرير');
    expect(header.querySelector('time')!.getAttribute('datetime')).toBe('2025-07-13');
    expect(header.querySelector('time')!.textContent).toContain('يوليو');
    expect(header.querySelector('.qari-hijri')!.textContent).toContain('محرم');
    expect(header.textContent).toContain('٥ دقائق قراءة');
    const original = header.querySelector<HTMLAnchorElement>('a.qari-original')!;
    expect(original.href).toBe(article().url);
    expect(original.rel).toBe('noopener noreferrer');
  });

  it('jumps to a section from the table of contents: focus, highlight target, address', async () => {
    const r = await mount();
    const link = r.querySelectorAll<HTMLButtonElement>('nav button')[2]!;
    act(() => {
      link.click();
    });
    expect(document.activeElement).toBe(r.querySelector('#outlook'));
    expect(location.hash).toBe('#t=tok&s=outlook');
  });

  it('moves between sections with j / k and Alt+arrows', async () => {
    // happy-dom has no layout: place the headings down the page, the reader above the first.
    const TOPS: Record<string, number> = { visit: 800, message: 1800, outlook: 2800 };
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      return DOMRect.fromRect({ x: 0, y: TOPS[this.id] ?? 0, width: 100, height: 40 });
    });
    const r = await mount();
    await act(async () => {
      await new Promise((res) => setTimeout(res, 50));
    });
    expect(r.querySelector('nav [aria-current]')).toBeNull();
    press('j', 'KeyJ');
    expect(document.activeElement).toBe(r.querySelector('#visit'));
    press('ت', 'KeyJ'); // the J key on an Arabic layout
    expect(document.activeElement).toBe(r.querySelector('#message'));
    press('ArrowUp', 'ArrowUp', { altKey: true });
    expect(document.activeElement).toBe(r.querySelector('#visit'));
  });

  it('a second j goes on from the section the first is going to, even if the first measurement lands between them', async () => {
    const TOPS: Record<string, number> = { visit: 800, message: 1800, outlook: 2800 };
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      return DOMRect.fromRect({ x: 0, y: TOPS[this.id] ?? 0, width: 100, height: 40 });
    });
    // The scroll spy measures in an animation frame: hold it until after the first key press.
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
    const r = await mount();
    press('j', 'KeyJ');
    expect(document.activeElement).toBe(r.querySelector('#visit'));
    // The smooth scroll has not moved yet when the first measurement comes: above the first section.
    await act(async () => {
      for (const cb of frames.splice(0)) cb(performance.now());
    });
    press('j', 'KeyJ');
    expect(document.activeElement).toBe(r.querySelector('#message'));
  });

  it('highlights the section being read and keeps the address on it while scrolling', async () => {
    const TOPS: Record<string, number> = { visit: 800, message: 1800, outlook: 2800 };
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const y = (TOPS[this.id] ?? 0) - window.scrollY;
      return DOMRect.fromRect({ x: 0, y, width: 100, height: 40 });
    });
    const r = await mount();
    const current = async (scrollY: number) => {
      await act(async () => {
        window.scrollTo(0, scrollY);
        window.dispatchEvent(new Event('scroll'));
        await new Promise((res) => setTimeout(res, 50));
      });
      return r.querySelector('nav [aria-current="location"]')?.textContent ?? null;
    };
    expect(await current(1900)).toBe(SECTIONS[1]!.title);
    expect(location.hash).toBe('#t=tok&s=message');
    expect(await current(2900)).toBe(SECTIONS[2]!.title);
    expect(await current(0)).toBeNull();
    expect(location.hash).toBe('#t=tok');
  });

  it('opens at the section named in the address', async () => {
    history.replaceState(null, '', 'http://localhost:3000/reader.html#t=tok&s=message');
    const r = await mount();
    expect(document.activeElement).toBe(r.querySelector('#message'));
  });

  it('closes with the close button and with Escape, popovers first', async () => {
    const onClose = vi.fn();
    const r = await mount({ onClose });
    act(() => r.querySelector<HTMLButtonElement>('#qari-help-toggle')!.click());
    expect(r.querySelector('#qari-help')!.hasAttribute('hidden')).toBe(false);
    press('Escape', 'Escape');
    expect(r.querySelector('#qari-help')!.hasAttribute('hidden')).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
    press('Escape', 'Escape');
    expect(onClose).toHaveBeenCalledTimes(1);
    act(() => r.querySelector<HTMLButtonElement>('button.qari-close')!.click());
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('documents the shortcuts in the help popover', async () => {
    const r = await mount();
    const help = r.querySelector('#qari-help')!;
    expect(help.textContent).toContain('J');
    expect(help.textContent).toContain('Alt+↓');
    expect(help.textContent).toContain('القسم التالي');
    const toggle = r.querySelector('#qari-help-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    press('?', 'Slash', { shiftKey: true });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('applies a settings change at once and stores it', async () => {
    const r = await mount();
    const size = r.querySelector<HTMLInputElement>('#qari-font-size')!;
    await act(async () => {
      size.value = '26';
      size.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const reader = r.querySelector<HTMLElement>('.qari-reader')!;
    expect(reader.style.getPropertyValue('--qari-font-size')).toBe('26px');
    const dark = r.querySelector<HTMLInputElement>('input[name="qari-theme"][value="dark"]')!;
    await act(async () => {
      dark.click();
    });
    expect(document.documentElement.dataset.theme).toBe('dark');
    await act(async () => {
      await new Promise((res) => setTimeout(res, 0));
    });
    expect(await loadSettings()).toMatchObject({ fontSize: 26, theme: 'dark' });
    // The content survives re-renders.
    expect(r.querySelector('.qari-content #outlook')).not.toBeNull();
  });

  it('paints its first frame in the settings read before it mounted, not the defaults', async () => {
    const stored = validateSettings({ theme: 'dark', fontSize: 27, font: 'sans' });
    const seen: { theme?: string; size?: string; font?: string }[] = [];
    // What the browser would paint: the state when the first animation frame comes.
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
      const reader = root.querySelector<HTMLElement>('.qari-reader');
      seen.push({
        theme: document.documentElement.dataset.theme,
        size: reader?.style.getPropertyValue('--qari-font-size'),
        font: reader?.dataset.font,
      });
      return setTimeout(() => cb(performance.now()), 0) as unknown as number;
    });
    delete document.documentElement.dataset.theme;
    await act(async () => {
      render(<ReaderView article={article()} mode="overlay" initialSettings={stored} />, root);
    });
    expect(seen[0]).toEqual({ theme: 'dark', size: '27px', font: 'sans' });
    // Later changes still arrive from storage.
    await act(async () => {
      await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...stored, theme: 'sepia' } });
    });
    expect(document.documentElement.dataset.theme).toBe('sepia');
  });

  it('follows settings changed in another tab', async () => {
    const r = await mount();
    await act(async () => {
      await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { font: 'sans', justify: true } });
    });
    const reader = r.querySelector<HTMLElement>('.qari-reader')!;
    expect(reader.dataset.font).toBe('sans');
    expect(reader.dataset.justify).toBe('on');
    expect(r.querySelector<HTMLInputElement>('#qari-justify')!.checked).toBe(true);
  });

  it('reports the reading position when it goes away, once', async () => {
    const onProgress = vi.fn();
    await mount({ onProgress });
    // The scroll spy measures on an animation frame; on a loaded machine that frame can come after
    // mount's zero timeout, and with no position measured there is nothing to report.
    await act(async () => {
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    });
    act(() => render(null, root));
    expect(onProgress).toHaveBeenCalledTimes(1);
    const [fraction] = onProgress.mock.calls[0]!;
    expect(fraction).toBeGreaterThanOrEqual(0);
    expect(fraction).toBeLessThanOrEqual(1);
  });

  it('offers save only when it can save', async () => {
    const onSave = vi.fn(async () => true);
    let r = await mount();
    expect(r.querySelectorAll('.qari-toolbar button')).toHaveLength(2);
    act(() => render(null, root));
    r = await mount({ onSave });
    const buttons = r.querySelectorAll<HTMLButtonElement>('.qari-toolbar button');
    expect(buttons).toHaveLength(3);
    act(() => buttons[2]!.click());
    expect(onSave).toHaveBeenCalledTimes(1);
  });
});
