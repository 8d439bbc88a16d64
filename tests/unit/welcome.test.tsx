import { render } from 'preact';
import { act } from 'preact/test-utils';
import browser from 'webextension-polyfill';
import { Welcome } from '@/components/welcome/Welcome';
import { registerWelcome } from '@/lib/background/welcome';

afterEach(() => vi.restoreAllMocks());

describe('the first-run page', () => {
  it('opens once, when the extension is installed, not when it is updated', () => {
    let onInstalled: ((d: { reason: string }) => void) | undefined;
    vi.spyOn(browser.runtime.onInstalled, 'addListener').mockImplementation((l) => {
      onInstalled = l as typeof onInstalled;
    });
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    registerWelcome();
    onInstalled!({ reason: 'update' });
    expect(create).not.toHaveBeenCalled();
    onInstalled!({ reason: 'install' });
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0].url).toMatch(/\/welcome\.html$/);
  });

  it('says what the badge and button mean, how to pin, the two shortcuts as bound, and the access asked for', async () => {
    vi.spyOn(browser.commands, 'getAll').mockResolvedValue([
      { name: 'toggle-reader', shortcut: 'Alt+Shift+Q' },
      { name: 'save-page', shortcut: '' },
    ]);
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<Welcome />, root);
      await new Promise((r) => setTimeout(r, 10));
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    const text = root.textContent ?? '';
    for (const part of ['الشارة', 'وضع القراءة', 'ثبّت', 'Alt+Shift+Q', 'بلا اختصار', 'الاستيراد'])
      expect(text).toContain(part);
    expect(root.querySelectorAll('h2')).toHaveLength(4);
    act(() => render(null, root));
    root.remove();
  });
});
