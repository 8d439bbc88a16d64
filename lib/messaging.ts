/**
 * Typed request/answer over `runtime.sendMessage`, with every incoming message validated
 * (shape by its guard in `messages.ts`, and sender: our own extension, from the right context).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { parseMessage, specs, type MessageType, type Req, type Res } from './messages';

export type Sender = Runtime.MessageSender;
export type Handler<K extends MessageType> = (
  payload: Req<K>,
  sender: Sender,
) => Res<K> | Promise<Res<K>>;
export type Handlers = { [K in MessageType]?: Handler<K> };
/** A handler for every message type: what the background serves (a missing one is a compile error). */
export type AllHandlers = { [K in MessageType]: Handler<K> };

/** Nobody answered a message: no handler took it (a bug), or the background was restarting. */
export class NoAnswerError extends Error {
  constructor(readonly type: MessageType) {
    super(`no answer to ${type}`);
    this.name = 'NoAnswerError';
  }
}

/**
 * Ask the background (from a content script or an extension page). Every handler answers, so a
 * message nobody answered rejects with NoAnswerError rather than resolving to `undefined`.
 */
export async function ask<K extends MessageType>(type: K, payload: Req<K>): Promise<Res<K>> {
  const res = (await browser.runtime.sendMessage({ type, payload })) as Res<K> | undefined;
  if (res === undefined) throw new NoAnswerError(type);
  return res;
}

export function senderKind(sender: Sender, extensionOrigin: string): 'content' | 'page' | null {
  if (sender.id !== browser.runtime.id) return null;
  if (sender.url?.startsWith(extensionOrigin)) return 'page';
  return sender.tab ? 'content' : null;
}

/**
 * Register the background's answers: `entrypoints/background.ts` calls it once with every
 * service's handlers (`AllHandlers`). A message that fails validation, comes from elsewhere or
 * has no handler is ignored (no answer: the asker's `ask` rejects).
 */
export function serve(handlers: Handlers): void {
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    const msg = parseMessage(raw);
    if (!msg) return undefined;
    const kind = senderKind(sender, origin);
    const from = specs[msg.type].from;
    if (!kind || from !== kind) return undefined;
    const handler = handlers[msg.type] as Handler<MessageType> | undefined;
    if (!handler) return undefined;
    return Promise.resolve(handler(msg.payload, sender));
  });
}
