/**
 * What a reader sees inside our closed shadow roots, which page scripts (and Playwright's
 * locators) cannot reach: read over the DevTools protocol, whose DOM pierces them.
 */
import type { Page } from 'playwright-core';

interface DomNode {
  backendNodeId: number;
  nodeName: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface ShadowView {
  text: string;
  /** The centre of each button inside, by its text. */
  buttons: { text: string; x: number; y: number }[];
}

function textOf(node: DomNode): string {
  if (node.nodeName === 'STYLE') return '';
  if (node.nodeName === '#text') return node.nodeValue ?? '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join(' ');
}

function all(node: DomNode, name: string, out: DomNode[] = []): DomNode[] {
  if (node.nodeName.toLowerCase() === name) out.push(node);
  for (const c of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) all(c, name, out);
  return out;
}

/** The element `tag`'s shadow content (its text and buttons), or null when it is not there. */
export async function closedShadow(page: Page, tag: string): Promise<ShadowView | null> {
  const session = await page.context().newCDPSession(page);
  try {
    // Only the host is described in depth: the whole document of a real page is slow to walk.
    const { root } = await session.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await session.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: tag,
    });
    if (!nodeId) return null;
    const { node } = (await session.send('DOM.describeNode', {
      nodeId,
      depth: -1,
      pierce: true,
    })) as {
      node: DomNode;
    };
    const host = node;
    const buttons = [];
    for (const b of all(host, 'button')) {
      const { model } = await session.send('DOM.getBoxModel', { backendNodeId: b.backendNodeId });
      const q = model.content;
      buttons.push({ text: textOf(b).trim(), x: (q[0]! + q[4]!) / 2, y: (q[1]! + q[5]!) / 2 });
    }
    return { text: textOf(host).replace(/\s+/g, ' ').trim(), buttons };
  } finally {
    await session.detach();
  }
}

/** Wait until `tag` shows text containing `expected`. */
export async function waitForShadowText(
  page: Page,
  tag: string,
  expected: string,
  timeout = 15_000,
): Promise<ShadowView> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const view = await closedShadow(page, tag);
    if (view?.text.includes(expected)) return view;
    if (Date.now() > deadline)
      throw new Error(`${tag} never said «${expected}»; it said «${view?.text ?? 'nothing'}»`);
    await page.waitForTimeout(150);
  }
}
