/**
 * The overlay and the button hide behind closed shadow roots, which tests cannot reach from the
 * host: this records every root created from now on (restore with `vi.restoreAllMocks()`).
 */
export function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}
