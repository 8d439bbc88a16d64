/**
 * What a reader sees inside our closed shadow roots, which page scripts (and Playwright's
 * locators) cannot reach: read over the DevTools protocol, whose DOM pierces them.
 */
import type { CDPSession, Page } from 'playwright-core';

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

/** The shadow content (text and buttons) of each element matching `selector`, in order. */
export async function closedShadows(page: Page, selector: string): Promise<ShadowView[]> {
  const session = await page.context().newCDPSession(page);
  try {
    // Only the hosts are described in depth: the whole document of a real page is slow to walk.
    const { root } = await session.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await session.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector,
    });
    const views: ShadowView[] = [];
    for (const nodeId of nodeIds) {
      // A host can go between the query and its description (a toast replaced or timed out).
      const view = await describeHost(session, nodeId).catch(() => null);
      if (view) views.push(view);
    }
    return views;
  } finally {
    await session.detach();
  }
}

async function describeHost(session: CDPSession, nodeId: number): Promise<ShadowView> {
  const { node: host } = (await session.send('DOM.describeNode', {
    nodeId,
    depth: -1,
    pierce: true,
  })) as { node: DomNode };
  const buttons = [];
  for (const b of all(host, 'button')) {
    const { model } = await session.send('DOM.getBoxModel', { backendNodeId: b.backendNodeId });
    const q = model.content;
    buttons.push({ text: textOf(b).trim(), x: (q[0]! + q[4]!) / 2, y: (q[1]! + q[5]!) / 2 });
  }
  return { text: textOf(host).replace(/\s+/g, ' ').trim(), buttons };
}

/** The first matching element's shadow content, or null when there is none. */
export async function closedShadow(page: Page, selector: string): Promise<ShadowView | null> {
  return (await closedShadows(page, selector))[0] ?? null;
}

/** Wait until an element matching `selector` shows text containing `expected`. */
export async function waitForShadowText(
  page: Page,
  selector: string,
  expected: string,
  timeout = 15_000,
): Promise<ShadowView> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const views = await closedShadows(page, selector);
    const view = views.find((v) => v.text.includes(expected));
    if (view) return view;
    if (Date.now() > deadline) {
      const said = views.map((v) => v.text).join(' | ') || 'nothing';
      throw new Error(`${selector} never said «${expected}»; it said «${said}»`);
    }
    await page.waitForTimeout(150);
  }
}
