import { fakeBrowser } from 'wxt/testing/fake-browser';
import { topLayerElements } from '@/lib/page/top-layer';

const SVG_NS = 'http://www.w3.org/2000/svg';

afterEach(() => {
  document.body.replaceChildren();
  fakeBrowser.dom.openOrClosedShadowRoot = (el: HTMLElement) => el.shadowRoot;
});

// Chrome's dom.openOrClosedShadowRoot throws on an element that is not an HTML element; reading
// it for an inline SVG icon threw inside the click check, and every click on the page button of a
// page with inline SVG (BBC Arabic) was refused.
test('finds the page’s top-layer elements on a page with inline SVG, as Chrome’s API answers', () => {
  fakeBrowser.dom.openOrClosedShadowRoot = (el: Element) => {
    if (!(el instanceof HTMLElement))
      throw new TypeError('Error in invocation of dom.openOrClosedShadowRoot');
    return el.shadowRoot;
  };
  const icon = document.createElementNS(SVG_NS, 'svg');
  icon.append(document.createElementNS(SVG_NS, 'path'));
  const cover = document.createElement('div');
  cover.setAttribute('popover', 'manual');
  document.body.append(icon, cover);
  cover.showPopover();
  expect(topLayerElements(document)).toEqual([cover]);
});
