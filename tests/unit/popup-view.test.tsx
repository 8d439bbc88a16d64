import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Popup, ROW_HEIGHT, type PopupEnv } from '@/components/popup/Popup';
import type { LibraryClient, ListRow } from '@/lib/popup/client';
import { libraryClient } from '@/lib/popup/library-client';
import { deleteEntries, saveArticle, setStatus, undoDelete } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import type { Entry } from '@/lib/store/entry';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

const T0 = Date.UTC(2025, 5, 1);

let db: QariDb;
let root: HTMLDivElement;

/** The real reads over a fake-indexeddb database; writes applied directly (no background here). */
function directClient(d: QariDb): LibraryClient {
  const reads = libraryClient(d);
  return {
    ...reads,
    saveTab: async () => ({ ok: false, messageKey: 'libraryErrorExtract' }),
    setStatus: async (id, patch) => void (await setStatus(d, id, patch)),
    remove: (ids) => deleteEntries(d, ids),
    undo: async (token) => void (await undoDelete(d, token)),
    watch: () => () => undefined,
  };
}

function envWith(client: LibraryClient, over: Partial<PopupEnv> = {}): PopupEnv {
  return {
    client,
    targetTab: async () => 7,
    isArticle: async () => true,
    openReader: async () => ({ ok: true }),
    openEntry: vi.fn(),
    entryHref: (id) => `chrome-extension://x/reader.html?id=${id}`,
    openOptions: vi.fn(),
    close: vi.fn(),
    ...over,
  };
}

async function mount(env: PopupEnv): Promise<void> {
  await act(async () => {
    render(<Popup env={env} />, root);
  });
}

/** Let promises, the search debounce and renders settle until `check` holds. */
async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
    });
  }
}

const rows = () => [...root.querySelectorAll<HTMLElement>('[role="listitem"]')];
const rowText = () => rows().map((r) => r.textContent ?? '');
const button = (el: ParentNode, name: string) =>
  [...el.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.getAttribute('aria-label') === name || b.textContent?.trim() === name,
  );

async function typeQuery(q: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  await act(async () => {
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const shown = q.trim() ? q : '';
  const popup = () => root.querySelector('.qari-popup');
  await until(
    () =>
      popup()?.getAttribute('data-query') === shown &&
      popup()?.getAttribute('aria-busy') === 'false',
  );
}

async function press(key: string, target: EventTarget = document.activeElement ?? document.body) {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

beforeEach(async () => {
  db = freshDb();
  root = document.createElement('div');
  document.body.append(root);
  await saveArticle(
    db,
    makeArticle({
      url: 'https://news.example/libraries',
      title: 'مكتبات الأحياء تعود إلى قلب المدينة',
      siteName: 'المدينة اليوم',
      text: 'افتتحت البلدية اثنتي عشرة مكتبة في الأحياء القديمة.',
      readingMinutes: 3,
    }),
    { now: T0 },
  );
  await saveArticle(
    db,
    makeArticle({
      url: 'https://news.example/xss',
      title: '<img src=x onerror="window.__pwned=1"> عنوان فيه وسم',
      text: 'نص عن الطقس والمطر.',
    }),
    { now: T0 + 1000 },
  );
});

afterEach(async () => {
  render(null, root);
  root.remove();
  await dropDb(db);
});

describe('the popup reading list', () => {
  it('has the search box focused by the time its first render is on screen, before its effects run', () => {
    // The first rows can come in the first render (read while the view loaded): a reader who
    // types as soon as they show must be typing into search. No act(): effects do not run here.
    render(<Popup env={envWith(directClient(db))} />, root);
    expect(document.activeElement).toBe(root.querySelector('input[type="search"]'));
  });

  it('lists saved articles newest first with their site, reading time and unread state', async () => {
    await mount(envWith(directClient(db)));
    await until(() => rows().length === 2);
    const [first, second] = rowText();
    expect(first).toContain('عنوان فيه وسم');
    expect(second).toContain('مكتبات الأحياء');
    expect(second).toContain('المدينة اليوم');
    expect(second).toContain('٣ دقائق قراءة');
    expect(second).toContain('غير مقروءة');
  });

  it('renders a page title as text, never as HTML', async () => {
    await mount(envWith(directClient(db)));
    await until(() => rows().length === 2);
    expect(root.querySelector('img')).toBeNull();
    expect(rows()[0]!.querySelector('a')!.textContent).toContain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('finds an article by a misspelled query and marks the matches with <mark> elements', async () => {
    await mount(envWith(directClient(db)));
    await until(() => rows().length === 2);
    await typeQuery('مكتبه');
    expect(rows()).toHaveLength(1);
    const marks = [...rows()[0]!.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toContain('مكتبات');
    expect(marks).toContain('مكتبة');
    await typeQuery('الاحياء ');
    expect(rowText()[0]).toContain('مكتبات الأحياء');
    await typeQuery('زلزال ');
    expect(rows()).toHaveLength(0);
    expect(root.textContent).toContain('لا نتائج لهذا البحث.');
  });

  it('a one-letter search says it needs two letters, not that nothing matched', async () => {
    await mount(envWith(directClient(db)));
    await until(() => rows().length === 2);
    await typeQuery('ز');
    expect(root.querySelector('.qari-empty')?.textContent).toBe('اكتب حرفين على الأقل للبحث.');
    await typeQuery('زلزال');
    expect(root.querySelector('.qari-empty')?.textContent).toBe('لا نتائج لهذا البحث.');
  });

  it('shows the matches of a word one letter away when nothing matches, and says so', async () => {
    await mount(envWith(directClient(db)));
    await until(() => rows().length === 2);
    await typeQuery('مكتبعات ');
    expect(rowText()[0]).toContain('مكتبات الأحياء');
    expect(root.querySelector('.qari-near')?.textContent).toBe(
      'نتائج قريبة من «مكتبعات»: لا شيء يطابقه تمامًا.',
    );
    await typeQuery('مكتبات ');
    expect(rowText()[0]).toContain('مكتبات الأحياء');
    expect(root.querySelector('.qari-near')).toBeNull();
  });

  it('hides the filters while searching and filters by status otherwise', async () => {
    const client = directClient(db);
    await mount(envWith(client));
    await until(() => rows().length === 2);
    const target = rows().find((r) => r.textContent?.includes('مكتبات'))!;
    await act(async () => button(target, 'أرشِف')!.click());
    await until(() => rowText().some((t) => t.includes('مكتبات') && t.includes('مؤرشفة')));
    await act(async () => button(root, 'المؤرشفة')!.click());
    await until(() => rows().length === 1);
    expect(rowText()[0]).toContain('مكتبات');
    await act(async () => button(root, 'غير المقروءة')!.click());
    await until(() => rows().length === 1 && rowText()[0]!.includes('وسم'));
    await typeQuery('مكتبه');
    expect(root.querySelector('[role="group"]')).toBeNull();
  });

  it('gives each row one reading state and names the filter it counts', async () => {
    await db.articles.toCollection().modify((row) => {
      row.progress = row.canonicalUrl.includes('xss') ? 0.8 : 0;
    });
    await mount(envWith(directClient(db)));
    await until(() => rows().length === 2);
    const xss = () => rows().find((r) => r.textContent?.includes('وسم'))!;
    expect(xss().textContent).toContain('قُرئ ٨٠٪');
    expect(xss().textContent).not.toContain('غير مقروءة');
    const libraries = () => rows().find((r) => r.textContent?.includes('مكتبات'))!;
    await act(async () => button(libraries(), 'أرشِف')!.click());
    await until(() => libraries().textContent!.includes('مؤرشفة'));
    expect(libraries().textContent).not.toContain('غير مقروءة');
    expect(libraries().textContent).toContain('٣ دقائق قراءة');
    await act(async () => button(root, 'المؤرشفة')!.click());
    await until(() => rows().length === 1);
    expect(root.querySelector('.qari-count')!.textContent).toBe('المؤرشفة: ١');
  });

  it('deletes with an undo toast that brings the entry back', async () => {
    await mount(envWith(directClient(db)));
    await until(() => rows().length === 2);
    await act(async () => button(rows()[1]!, 'احذف')!.click());
    await until(() => rows().length === 1);
    expect(root.textContent).toContain('حُذف المقال.');
    await act(async () => button(root, 'تراجع')!.click());
    await until(() => rows().length === 2);
    expect(rowText()[1]).toContain('مكتبات');
  });

  it('moves with the arrow keys from the search box, opens with Enter and deletes with Delete', async () => {
    const env = envWith(directClient(db));
    await mount(env);
    await until(() => rows().length === 2);
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    await press('ArrowDown', input);
    await until(() => document.activeElement === rows()[0]);
    await press('ArrowDown');
    await until(() => document.activeElement === rows()[1]);
    const id = Number(rows()[1]!.dataset.entryId);
    await press('Enter');
    expect(env.openEntry).toHaveBeenCalledWith(id);
    await press('ArrowUp');
    await press('ArrowUp');
    expect(document.activeElement).toBe(input);
    await press('ArrowDown', input);
    await until(() => document.activeElement === rows()[0]);
    await press('Delete');
    await until(() => rows().length === 1);
    expect(rowText()[0]).toContain('مكتبات');
  });

  it('asks before saving a page detection does not take for an article', async () => {
    const saveTab = vi.fn(async () => ({ ok: false as const, messageKey: 'libraryErrorExtract' }));
    const env = envWith({ ...directClient(db), saveTab }, { isArticle: async () => false });
    await mount(env);
    await act(async () => button(root, 'احفظ هذه الصفحة')!.click());
    await until(() => root.textContent?.includes('لا تبدو مقالًا') ?? false);
    expect(saveTab).not.toHaveBeenCalled();
    await act(async () => button(root, 'احفظها على أي حال')!.click());
    await until(() => saveTab.mock.calls.length === 1);
    expect(saveTab).toHaveBeenCalledWith(7);
    // The store's reason is shown (its `_locales` text, or the generic failure without i18n).
    await until(() => root.querySelector('[role="alert"]')?.textContent !== '');
  });

  it('renders only the visible rows of a long list', async () => {
    const total = 10_000;
    const entry = (i: number): Entry => ({
      id: i + 1,
      canonicalUrl: `https://e.example/${i}`,
      article: { ...makeArticle({ url: `https://e.example/${i}`, title: `مقال رقم ${i}` }) },
      savedAt: T0 - i,
      updatedAt: T0,
      read: false,
      archived: false,
      favourite: false,
      progress: 0,
      tags: [],
      hasBody: true,
    });
    const list = vi.fn(async (_f: string, offset: number, limit: number) => {
      const items: ListRow[] = [];
      for (let i = offset; i < Math.min(total, offset + limit); i++)
        items.push({ entry: entry(i) });
      return { items, total };
    });
    await mount(envWith({ ...directClient(db), list }));
    await until(() => rows().length > 0 && !rows()[0]!.classList.contains('qari-row-loading'));
    expect(rows().length).toBeLessThan(30);
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe(String(total));
    // Only the first page was read.
    expect(list.mock.calls.every(([, offset]) => offset === 0)).toBe(true);
    const space = root.querySelector<HTMLElement>('.qari-vlist-space')!;
    expect(space.style.blockSize).toBe(`${total * ROW_HEIGHT}px`);
  });
});
