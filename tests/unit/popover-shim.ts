import { fakeBrowser } from 'wxt/testing/fake-browser';
/**
 * happy-dom has no Popover API: `showPopover`/`hidePopover` keep the open state in an attribute,
 * and `:popover-open` / `:modal` in `matches` and `querySelectorAll` read attributes, so the page's hosts (shown in the
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
  const plain = (selector: string): string =>
    selector.replace(/:popover-open/g, `[${OPEN}]`).replace(/:modal/g, '[data-test-modal]');
  const matches = Element.prototype.matches;
  Element.prototype.matches = function (this: Element, selector: string) {
    return matches.call(this, plain(selector));
  };
  // Patched where each kind of node finds it (happy-dom's shadow roots inherit from a class of
  // their own window's, not the global DocumentFragment).
  const nodes = [
    document,
    document.createElement('div'),
    document.createElement('div').attachShadow({ mode: 'open' }),
  ];
  for (const node of nodes) {
    let owner = Object.getPrototypeOf(node) as ParentNode | null;
    while (owner && !Object.prototype.hasOwnProperty.call(owner, 'querySelectorAll'))
      owner = Object.getPrototypeOf(owner) as ParentNode | null;
    if (!owner) continue;
    const all = owner.querySelectorAll as (this: ParentNode, s: string) => NodeListOf<Element>;
    if ((all as { shimmed?: true }).shimmed) continue;
    const shimmed = function (this: ParentNode, selector: string) {
      return all.call(this, plain(selector));
    };
    owner.querySelectorAll = Object.assign(shimmed, {
      shimmed: true,
    }) as ParentNode['querySelectorAll'];
  }
}

// WXT's fake browser throws on `dom.openOrClosedShadowRoot` (the top-layer check reads shadow
// roots through it in Chrome): open roots only here.
fakeBrowser.dom.openOrClosedShadowRoot = (el: HTMLElement) => el.shadowRoot;
