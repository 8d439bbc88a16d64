import { render } from 'preact';
import { act } from 'preact/test-utils';
import browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SaveNotice } from '@/components/library/SaveNotice';
import { ReaderView, type ReaderViewProps } from '@/components/reader/ReaderView';
import type { Article, Section } from '@/lib/article';
import { patchHappyDomForDOMPurify } from './happy-dom-dompurify';

patchHappyDomForDOMPurify(window);

const SECTIONS: Section[] = [
  { id: 'one', level: 1, title: 'القسم الأول' },
  { id: 'two', level: 1, title: 'القسم الثاني' },
];
const CONTENT = '<h2 id="one">القسم الأول</h2><p>نص.</p><h2 id="two">القسم الثاني</h2><p>نص.</p>';

function article(over: Partial<Article> = {}): Article {
  return {
    url: 'https://news.example/2025/07/story.html',
    title: 'عنوان',
    byline: '',
    siteName: '',
    published: null,
    lang: 'ar',
    dir: 'rtl',
    excerpt: '',
    leadImage: null,
    content: CONTENT,
    text: '',
    sections: SECTIONS,
    wordCount: 300,
    readingMinutes: 2,
    ...over,
  };
}

let root: HTMLDivElement;

async function mount(props: Partial<ReaderViewProps> = {}): Promise<HTMLDivElement> {
  await act(async () => {
    render(<ReaderView article={article()} mode="overlay" {...props} />, root);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  return root;
}

function press(key: string, code: string): void {
  act(() => {
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true }));
  });
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
  document.querySelectorAll('.qari-save-notice').forEach((n) => n.remove());
});

describe('the reader’s rough edges', () => {
  it('table-of-contents entries are buttons: no reader address to show in the status bar', async () => {
    const r = await mount();
    const nav = r.querySelector('nav#qari-toc')!;
    expect([...nav.querySelectorAll('button')].map((b) => b.textContent)).toEqual(
      SECTIONS.map((s) => s.title),
    );
    expect(nav.querySelector('[href]')).toBeNull();
  });

  it('help lists the two browser shortcuts as the browser has them bound', async () => {
    vi.spyOn(browser.commands, 'getAll').mockResolvedValue([
      { name: 'toggle-reader', shortcut: 'Alt+Shift+Q' },
      { name: 'save-page', shortcut: 'Ctrl+Shift+Y' },
    ]);
    const r = await mount();
    const help = r.querySelector('#qari-help')!.textContent ?? '';
    expect(help).toContain('Alt+Shift+Q');
    expect(help).toContain('Ctrl+Shift+Y');
    expect(help).toContain('حفظ الصفحة');
  });

  it('help shows the default shortcuts where the browser cannot say', async () => {
    vi.spyOn(browser.commands, 'getAll').mockRejectedValue(new Error('no commands API'));
    const help = (await mount()).querySelector('#qari-help')!.textContent ?? '';
    expect(help).toContain('Alt+Shift+Q');
    expect(help).toContain('Alt+Shift+S');
  });

  it('«المقال الأصلي» over the page closes the reader instead of opening a second tab', async () => {
    const onClose = vi.fn();
    const r = await mount({ onClose });
    const original = [...r.querySelectorAll<HTMLElement>('.qari-original')];
    expect(original).toHaveLength(1);
    expect(original[0]!.tagName).toBe('BUTTON');
    expect(r.querySelector('a[target="_blank"][href^="https://news.example"]')).toBeNull();
    act(() => original[0]!.click());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('a saved article’s «المقال الأصلي» still opens the original page', async () => {
    const r = await mount({ mode: 'saved' });
    const link = r.querySelector<HTMLAnchorElement>('a.qari-original')!;
    expect(link.href).toBe('https://news.example/2025/07/story.html');
  });

  it('j and k on an article without sections say so instead of doing nothing', async () => {
    const r = await mount({ article: article({ sections: [], content: '<p>نص قصير.</p>' }) });
    expect(r.querySelector('.qari-key-hint')?.textContent ?? '').toBe('');
    press('j', 'KeyJ');
    expect(r.querySelector('.qari-key-hint')!.textContent).toBe('لا أقسام في هذا المقال.');
    expect(r.querySelector('.qari-key-hint')!.getAttribute('role')).toBe('status');
  });

  it('the English save notice is written left to right (its full stop at its end)', () => {
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string) =>
      key === 'readerUiLang' ? 'en' : '',
    );
    act(() =>
      render(
        <SaveNotice
          notice={{ text: 'Saved to your reading list.', error: false }}
          onDone={() => undefined}
        />,
        root,
      ),
    );
    const notice = root.querySelector('.qari-save-notice')!;
    expect(notice.getAttribute('dir')).toBe('ltr');
    expect(notice.getAttribute('lang')).toBe('en');
  });
});
