/**
 * Makes happy-dom 21 behave as browsers do where DOMPurify 3.5 depends on it. Without this,
 * DOMPurify under happy-dom silently FAILS OPEN (keeps `onerror`, `<script>`, `javascript:`):
 *
 * 1. `Node.prototype.nodeName` is a getter returning '' that subclasses override; DOMPurify reads
 *    nodeName through `Node.prototype`'s getter (clobbering protection), so every tag is ''.
 * 2. `NodeIterator` stops when the node it returned last is removed (no "pre-removing steps"), so
 *    after DOMPurify removes its first node it never visits the rest of the tree.
 *
 * Test-only: Chromium and Firefox implement both per spec. `lib/sanitize.ts` also runs a canary
 * and refuses to work (fails closed) where the sanitizer does not hold.
 */

type AnyWindow = {
  Node: { prototype: object };
  document: object;
};

const patched = new WeakSet<object>();

function specNodeName(nodeProto: object): PropertyDescriptor {
  return {
    configurable: true,
    get(this: object) {
      for (
        let o = Object.getPrototypeOf(this);
        o && o !== nodeProto;
        o = Object.getPrototypeOf(o)
      ) {
        const d = Object.getOwnPropertyDescriptor(o, 'nodeName');
        if (d?.get) return d.get.call(this);
      }
      return '';
    },
  };
}

type Filter = ((n: Node) => number) | { acceptNode(n: Node): number } | null | undefined;

/** Tree-order successor of `node` within `root`, optionally skipping `node`'s own subtree. */
function following(node: Node, root: Node, skipChildren: boolean): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

/**
 * A NodeIterator that survives removal of its reference node the way the DOM spec says: it
 * continues from where the removed node was (after its previous sibling, or at its parent).
 */
function robustIterator(root: Node, whatToShow = 0xffffffff, filter?: Filter) {
  let reference: Node | null = null;
  let prev: Node | null = null;
  let parent: Node | null = null;
  const accept = (n: Node) => {
    if (!((1 << (n.nodeType - 1)) & whatToShow)) return false;
    if (!filter) return true;
    const r = typeof filter === 'function' ? filter(n) : filter.acceptNode(n);
    return r === 1;
  };
  const attached = (n: Node | null) => !!n && (n === root || root.contains(n));
  const nextCandidate = (): Node | null => {
    if (!reference) return root;
    if (attached(reference)) return following(reference, root, false);
    if (prev && attached(prev) && prev.parentNode === parent) return following(prev, root, true);
    if (parent && attached(parent)) return parent.firstChild ?? following(parent, root, true);
    return null;
  };
  return {
    root,
    whatToShow,
    filter: filter ?? null,
    get referenceNode() {
      return reference;
    },
    nextNode(): Node | null {
      for (let n = nextCandidate(); n; n = nextCandidate()) {
        reference = n;
        prev = n.previousSibling;
        parent = n.parentNode;
        if (accept(n)) return n;
      }
      return null;
    },
    previousNode(): Node | null {
      throw new Error('previousNode is not supported by the test NodeIterator');
    },
    detach() {},
  };
}

/** The prototype on `obj`'s chain that defines `prop` (happy-dom's window classes are subclasses). */
function owner(obj: object, prop: string): object | null {
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o)) {
    if (Object.getOwnPropertyDescriptor(o, prop)) return o;
  }
  return null;
}

/** Patch the happy-dom classes behind a window (idempotent; they are shared by all windows). */
export function patchHappyDomForDOMPurify(win: unknown): void {
  const w = win as AnyWindow;
  const nodeProto = w.Node.prototype;
  const docProto = owner(w.document, 'createNodeIterator');
  if (!docProto || patched.has(docProto)) return;
  patched.add(docProto);
  Object.defineProperty(nodeProto, 'nodeName', specNodeName(nodeProto));
  Object.defineProperty(docProto, 'createNodeIterator', {
    configurable: true,
    writable: true,
    value(root: Node, whatToShow?: number, filter?: Filter) {
      return robustIterator(root, whatToShow, filter);
    },
  });
}
