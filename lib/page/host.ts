/**
 * An element of the extension's in a page, with a closed shadow root for its contents. A plain
 * `div`, never a custom element name: a page that defines a name first (before or after we use
 * it) gets its own class run for our element, and `attachInternals()` there hands it the
 * ElementInternals whose `shadowRoot` is our root, closed or not; `div` cannot be defined or
 * given internals. Its style is inline and `!important` throughout (`all:initial` first): a
 * style attribute's important declarations beat every author rule of the page, whatever its
 * selector's specificity or layer, so the page can neither hide, move nor scale it.
 */
export function hostElement(doc: Document, css: string): [host: HTMLElement, root: ShadowRoot] {
  const host = doc.createElement('div');
  host.style.cssText = `all:initial!important;${css.replace(/;|$/g, '!important;')}`;
  return [host, host.attachShadow({ mode: 'closed' })];
}
