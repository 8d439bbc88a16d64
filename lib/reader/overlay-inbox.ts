/**
 * The overlay's reader page says it is ready as soon as its HTML is parsed, from a small script
 * of its own (entrypoints/reader-inbox.ts) that runs before the reader's bundle has loaded: the
 * tab's answer, its extracted article, can then travel while that bundle loads and compiles,
 * instead of after. The inbox only keeps what the parent window posts; `waitForOverlayArticle`
 * validates it exactly as it does a message that arrives later.
 */
import { OVERLAY_READY } from '../messages';
import { parseReaderLocation } from './location';

const INBOX = Symbol.for('qari.overlay-inbox');
/** Marked when the inbox says the page is ready (tests check it comes before the bundle runs). */
export const INBOX_READY_MARK = 'qari:overlay-ready';

interface Inbox {
  received: unknown[];
  close(): void;
}

type WithInbox = Window & { [INBOX]?: Inbox };

/** Start keeping the parent's messages and tell it the page is ready (an overlay's page only). */
export function openInbox(win: Window): void {
  const w = win as WithInbox;
  if (win.parent === win || w[INBOX] || !parseReaderLocation(win.location.href).token) return;
  const received: unknown[] = [];
  const onMessage = (e: MessageEvent): void => {
    if (e.source === win.parent) received.push(e.data);
  };
  win.addEventListener('message', onMessage);
  w[INBOX] = { received, close: () => win.removeEventListener('message', onMessage) };
  win.parent.postMessage(OVERLAY_READY, '*');
  performance.mark(INBOX_READY_MARK);
}

/**
 * What the inbox kept, handed over once (the inbox stops listening); null when no inbox was
 * opened, so the ready message has not been sent yet.
 */
export function takeInbox(win: Window): unknown[] | null {
  const w = win as WithInbox;
  const inbox = w[INBOX];
  if (!inbox) return null;
  inbox.close();
  delete w[INBOX];
  return inbox.received;
}
