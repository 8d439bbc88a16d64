/**
 * Every message that crosses a context boundary, defined once: its payload guard, its answer
 * type and who may send it. The background answers; content scripts and extension pages ask.
 * Guards are hand-written (not a schema library) because the always-on content script imports
 * this module and must stay small.
 */
import type { Article, Detection, ExtractResult } from './article';

/** Who may send a message: a content script in a tab, or an extension page (popup, reader, options). */
export type Origin = 'content' | 'page' | 'any';

type Guard<T> = (v: unknown) => v is T;

const MAX_TEXT = 4096;

export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isStr = (v: unknown, max = MAX_TEXT): v is string =>
  typeof v === 'string' && v.length <= max;
export const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isStrArr = (v: unknown, maxLen = 64): v is string[] =>
  Array.isArray(v) && v.length <= maxLen && v.every((s) => isStr(s, 256));
const none = (v: unknown): v is Record<string, never> => isObj(v) && Object.keys(v).length === 0;

const isDetection = (v: unknown): v is Detection =>
  isObj(v) &&
  isBool(v.isArticle) &&
  isBool(v.isArabic) &&
  isStr(v.language, 16) &&
  isStrArr(v.signals);

export interface TabState {
  detection: Detection;
  title: string;
  detectMs: number;
}

/** Payload and answer of every message, keyed by its `type`. */
export interface Protocol {
  /** Content script → background: what detection concluded for this tab's top frame. */
  'page:detected': { req: TabState; res: { ok: true } };
  /** Content script or popup → background: open reader mode in a tab (the sender's tab if omitted). */
  'reader:open': { req: { tabId?: number }; res: { ok: true } | { ok: false; error: string } };
  /** Reader page → background: the article an overlay was opened for. */
  'reader:get': { req: { token: string }; res: { article: Article; tabId: number } | null };
  /** Popup or harness → background: extract the article in a tab with the extension's code. */
  'tab:extract': { req: { tabId: number }; res: ExtractResult };
  /** Popup or harness → background: what detection said about a tab. */
  'tab:state': { req: { tabId: number }; res: TabState | null };
}

export type MessageType = keyof Protocol;
export type Req<K extends MessageType> = Protocol[K]['req'];
export type Res<K extends MessageType> = Protocol[K]['res'];
export interface Message<K extends MessageType = MessageType> {
  type: K;
  payload: Req<K>;
}

interface Spec<K extends MessageType> {
  from: Origin;
  guard: Guard<Req<K>>;
}

const token = (v: unknown): v is { token: string } => isObj(v) && isStr(v.token, 64);
const tabId = (v: unknown): v is { tabId: number } => isObj(v) && isInt(v.tabId);

export const specs: { [K in MessageType]: Spec<K> } = {
  'page:detected': {
    from: 'content',
    guard: (v): v is TabState =>
      isObj(v) && isDetection(v.detection) && isStr(v.title, 1024) && isNum(v.detectMs),
  },
  'reader:open': {
    from: 'any',
    guard: (v): v is { tabId?: number } => isObj(v) && (v.tabId === undefined || isInt(v.tabId)),
  },
  'reader:get': { from: 'page', guard: token },
  'tab:extract': { from: 'page', guard: tabId },
  'tab:state': { from: 'page', guard: tabId },
};

/** Narrow an unknown value to a known message whose payload passes its guard. */
export function parseMessage(raw: unknown): Message | null {
  if (!isObj(raw) || typeof raw.type !== 'string' || !Object.hasOwn(specs, raw.type)) return null;
  const type = raw.type as MessageType;
  return specs[type].guard(raw.payload) ? (raw as unknown as Message) : null;
}

export { none as isEmptyPayload };

/** Messages the background sends to a tab's content script. */
export type TabCommand = { type: 'reader:show'; token: string } | { type: 'reader:toggle' };

export function parseTabCommand(raw: unknown): TabCommand | null {
  if (!isObj(raw)) return null;
  if (raw.type === 'reader:toggle') return { type: 'reader:toggle' };
  if (raw.type === 'reader:show' && isStr(raw.token, 64))
    return { type: 'reader:show', token: raw.token };
  return null;
}
