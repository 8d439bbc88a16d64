import { fakeBrowser } from 'wxt/testing/fake-browser';
import { VIEW_WARMED_MARK, warmUpView } from '@/components/reader/warmUpView';
import { PAINTED_MARK } from '@/components/reader/ReaderView';
import { DEFAULT_SETTINGS } from '@/lib/reader/settings';
import { patchHappyDomForDOMPurify } from './happy-dom-dompurify';

// DOMPurify needs two happy-dom fixes to behave as in browsers (see that module).
patchHappyDomForDOMPurify(window);

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the reader view rendered ahead of its article', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.title = 'قارئ';
    const app = document.createElement('div');
    app.id = 'app';
    app.append(Object.assign(document.createElement('main'), { className: 'qari-status' }));
    document.body.replaceChildren(app);
    document.documentElement.removeAttribute('data-theme');
    performance.clearMarks();
  });

  it('leaves the page as it found it: its nodes, its title, no article painted', async () => {
    const before = document.body.cloneNode(true);
    warmUpView(document, { ...DEFAULT_SETTINGS, theme: 'dark' });
    // The view's effects would run after a paint: give them every chance to.
    await settle();
    expect(document.body.isEqualNode(before)).toBe(true);
    expect(document.title).toBe('قارئ');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    expect(performance.getEntriesByName(PAINTED_MARK)).toHaveLength(0);
    expect(performance.getEntriesByName(VIEW_WARMED_MARK)).toHaveLength(1);
  });

  it('puts back a theme the root already had', () => {
    document.documentElement.setAttribute('data-theme', 'sepia');
    warmUpView(document, { ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(document.documentElement.getAttribute('data-theme')).toBe('sepia');
  });
});
