import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ButtonSitesPanel } from '@/components/options/ButtonSitesPanel';
import { ButtonSiteToggle } from '@/components/popup/ButtonSiteToggle';

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

const settle = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 10));
  });

/** A background keeping the hidden sites, as lib/background/page-button.ts does. */
function background(hidden: string[] = []) {
  const sites = new Set(hidden);
  return {
    sites,
    buttonSite: async () => ({ site: 'news.example', hidden: sites.has('news.example') }),
    hiddenSites: async () => [...sites],
    setButtonHidden: async (site: string, h: boolean) =>
      void (h ? sites.add(site) : sites.delete(site)),
    targetTab: async () => 4,
  };
}

describe('hiding the page button per site, and undoing it', () => {
  it('the popup hides the button on the tab’s site and shows it again', async () => {
    const bg = background();
    act(() => render(<ButtonSiteToggle env={bg} />, root));
    await settle();
    const button = () => root.querySelector('button')!;
    expect(button().textContent).toBe('أخفِ زر «وضع القراءة» في هذا الموقع');
    await act(async () => button().click());
    await settle();
    expect([...bg.sites]).toEqual(['news.example']);
    expect(button().textContent).toBe('أظهِر زر «وضع القراءة» في هذا الموقع');
    await act(async () => button().click());
    await settle();
    expect([...bg.sites]).toEqual([]);
  });

  it('the popup offers nothing where the tab has no web page', async () => {
    act(() =>
      render(
        <ButtonSiteToggle env={{ ...background(), targetTab: async () => undefined }} />,
        root,
      ),
    );
    await settle();
    expect(root.querySelector('button')).toBeNull();
  });

  it('the options page lists the sites where it is hidden, each with a way back', async () => {
    const bg = background(['news.example', 'other.example']);
    act(() => render(<ButtonSitesPanel env={bg} />, root));
    await settle();
    expect([...root.querySelectorAll('li bdi')].map((b) => b.textContent)).toEqual([
      'news.example',
      'other.example',
    ]);
    await act(async () => root.querySelector<HTMLButtonElement>('li button')!.click());
    await settle();
    expect([...bg.sites]).toEqual(['other.example']);
    expect(root.querySelectorAll('li')).toHaveLength(1);
  });
});
