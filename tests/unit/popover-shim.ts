import { fakeBrowser } from 'wxt/testing/fake-browser';
/**
 * happy-dom has no Popover API: `showPopover`/`hidePopover` keep the open state in an attribute,
 * and `:popover-open` / `:modal` in `matches` read attributes, so the page's hosts (shown in the
 * top layer in browsers, lib/page/top-layer.ts) run under unit tests. The top layer's behaviour
 * itself is tested in the browsers (tests/e2e/scenarios/hostile.ts).
 */
const OPEN = 'data-test-popover-open';
const proto = HTMLElement.prototype as HTMLElement & Record<string, unknown>;
if (typeof proto.showPopover !== 'function') {
  proto.showPopover = function (this: HTMLElement) {
    this.setAttribute(OPEN, '');
  };
  proto.hidePopover = function (this: HTMLElement) {
    this.removeAttribute(OPEN);
  };
  const matches = Element.prototype.matches;
  Element.prototype.matches = function (this: Element, selector: string) {
    const s = selector
      .replace(/:popover-open/g, `[${OPEN}]`)
      .replace(/:modal/g, '[data-test-modal]');
    return matches.call(this, s);
  };
}

// WXT's fake browser throws on `dom.openOrClosedShadowRoot` (the top-layer check reads shadow
// roots through it in Chrome): open roots only here.
fakeBrowser.dom.openOrClosedShadowRoot = (el: HTMLElement) => el.shadowRoot;
