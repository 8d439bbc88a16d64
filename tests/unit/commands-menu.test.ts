import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import browser from 'webextension-polyfill';
import { createMenus, registerCommands } from '@/lib/background/commands';

const LOCALES = join(import.meta.dirname, '../../public/_locales');
const messages = (lang: string) =>
  JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
// Chrome's own context-menu entry, right above ours, in each UI language.
const CHROME_OWN = { ar: 'الفتح في وضع القراءة', en: 'Open in reading mode' };
const OUR_NAME = { ar: 'قارئ', en: 'Qari' };

afterEach(() => vi.restoreAllMocks());

async function menuTitles(): Promise<Record<string, string>> {
  const created: { id?: string | number; title?: string }[] = [];
  vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
  vi.spyOn(browser.contextMenus, 'create').mockImplementation((p) => {
    created.push(p);
    return p.id ?? 0;
  });
  createMenus();
  await vi.waitFor(() => expect(created).toHaveLength(2));
  return Object.fromEntries(created.map((c) => [String(c.id), c.title ?? '']));
}

describe('the context menu', () => {
  it.each(['ar', 'en'] as const)(
    'in %s, our entries name the extension and cannot be taken for the browser’s reading mode',
    (lang) => {
      const m = messages(lang);
      for (const key of ['menuReader', 'menuSave']) {
        expect(m[key]!.message).toContain(OUR_NAME[lang]);
        expect(m[key]!.message).not.toBe(CHROME_OWN[lang]);
      }
      expect(m.menuReader!.message).not.toMatch(/وضع القراءة|reading mode|reader mode/i);
    },
  );

  it('is made with those titles, read from _locales', async () => {
    const titles = await menuTitles();
    expect(titles['qari-reader']).toBe(messages('ar').menuReader!.message);
    expect(titles['qari-save']).toBe(messages('ar').menuSave!.message);
  });

  it('"save" from the menu runs the keyboard command’s save (the same check and toast)', () => {
    let onClicked: ((info: { menuItemId: string }, tab?: { id?: number }) => void) | undefined;
    vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation((l) => {
      onClicked = l as typeof onClicked;
    });
    vi.spyOn(browser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(browser.runtime.onInstalled, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(browser.runtime.onStartup, 'addListener').mockImplementation(() => undefined);
    const savePage = vi.fn(async () => undefined);
    const toggleReader = vi.fn(async () => undefined);
    registerCommands({ savePage, toggleReader });
    onClicked!({ menuItemId: 'qari-save' }, { id: 7 });
    expect(savePage).toHaveBeenCalledWith(7);
    onClicked!({ menuItemId: 'qari-reader' }, { id: 7 });
    expect(toggleReader).toHaveBeenCalledWith(7);
  });
});
