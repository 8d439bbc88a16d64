/**
 * Every message that crosses a context boundary, defined once: its payload guard, its answer
 * type and who may send it. The background answers; content scripts and extension pages ask.
 * Guards are hand-written (not a schema library) because the always-on content script imports
 * this module and must stay small.
 */
import type { Article, Detection, ExtractResult } from './article';
import type { Selectors } from './highlights/anchor';
import {
  isHighlightColor,
  isNote,
  isPositionSelector,
  isQuoteSelector,
  type Highlight,
  type HighlightColor,
} from './highlights/model';
import type { EnqueueReport } from './import/queue';
import type { ImportItem, QueueStatus } from './import/types';
import { isBool, isExtractResult, isInt, isNum, isObj, isStr } from './shapes';
import type { ImportReport } from './store/backup';
import type { Entry, StatusPatch } from './store/entry';
import { LIMITS, isArticle, isTagList, isWebUrl } from './store/validate';
import type { SyncState } from './sync/engine';

export { isExtractResult, isInt, isObj, isStr } from './shapes';

/** Who may send a message: a content script in a tab, or an extension page (popup, reader, options). */
export type Origin = 'content' | 'page';

type Guard<T> = (v: unknown) => v is T;

const isStrArr = (v: unknown, maxLen = 64): v is string[] =>
  Array.isArray(v) && v.length <= maxLen && v.every((s) => isStr(s, 256));
const none = (v: unknown): v is Record<string, never> => isObj(v) && Object.keys(v).length === 0;

// The longest DNS name.
const MAX_HOST = 253;

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

/** The page's reader-mode button, as the background labels it (the UI language's). */
export interface ButtonLabel {
  text: string;
  lang: string;
}

/** Whether the page button is hidden on a tab's site (`site` null: no web page there). */
export interface ButtonSite {
  site: string | null;
  hidden: boolean;
}

/** A reading-list call that failed: `messageKey` is a `_locales` key with the reason in plain words. */
export interface LibraryFailure {
  ok: false;
  code: string;
  messageKey: string;
}
export type LibraryResult<T extends object> = ({ ok: true } & T) | LibraryFailure;

/** Payload and answer of every message, keyed by its `type`. */
export interface Protocol {
  /** Content script → background: what detection concluded for this tab's top frame. */
  'page:detected': { req: TabState; res: { ok: true; button: ButtonLabel | null } };
  /** Popup → background: the page button's state on a tab's site. */
  'button:site': { req: { tabId: number }; res: ButtonSite };
  /** Popup or options → background: hide the page button on a site, or show it again. */
  'button:setHidden': { req: { site: string; hidden: boolean }; res: { ok: true } };
  /** Options → background: the sites where the page button is hidden. */
  'button:hiddenSites': { req: Record<string, never>; res: string[] };
  /** Popup or harness → background: open reader mode in a tab; answers once the article is in. */
  'reader:open': { req: { tabId: number }; res: ReaderAnswer };
  /** Popup or harness → background: extract the article in a tab with the extension's code. */
  'tab:extract': { req: { tabId: number }; res: ExtractResult };
  /** Popup or harness → background: what detection said about a tab. */
  'tab:state': { req: { tabId: number }; res: TabState | null };
  /** Content script → background: the reader pressed "save anyway" in the page's save toast. */
  'page:saveAnyway': { req: Record<string, never>; res: { ok: true } };
  /** Popup → background: extract the article in a tab and save it to the reading list. */
  'library:saveTab': {
    req: { tabId: number };
    res: LibraryResult<{ created: boolean; entry: Entry }>;
  };
  /** Reader page → background: save the article it shows (`canonical`: the page's canonical link). */
  'library:saveArticle': {
    req: { article: Article; canonical?: string };
    res: LibraryResult<{ created: boolean; entry: Entry }>;
  };
  /**
   * Reader page → background: whether the article it shows is on the list. The overlay's frame
   * cannot look itself: framed by a web page, its IndexedDB is partitioned from the extension's.
   */
  'library:isSaved': { req: { url: string; canonical?: string }; res: boolean };
  'library:setStatus': {
    req: { id: number; patch: StatusPatch };
    res: LibraryResult<{ entry: Entry }>;
  };
  'library:setProgress': {
    req: { id: number; progress: number };
    res: LibraryResult<{ entry: Entry }>;
  };
  /** Delete entries; `undoToken` brings them back with `library:undoDelete` for ten minutes. */
  'library:delete': {
    req: { ids: number[] };
    res: LibraryResult<{ undoToken: string; count: number }>;
  };
  'library:undoDelete': { req: { undoToken: string }; res: LibraryResult<{ entries: Entry[] }> };
  'library:import': { req: { json: string }; res: LibraryResult<ImportReport> };
  /**
   * Reader page → background: fetch and extract the article of an entry that has no body here
   * (known from another browser) and store it; `code` of a failure is the fetch or extraction reason.
   */
  'library:fetchBody': { req: { id: number }; res: LibraryResult<{ entry: Entry }> };
  /**
   * Reader page → background: the entry of the article it shows and its highlights, or null when
   * the article is not on the list (the overlay's frame cannot read the list itself).
   */
  'highlight:forArticle': {
    req: { url: string; canonical?: string };
    res: { id: number; highlights: Highlight[] } | null;
  };
  /** Reader or saved page → background: a new highlight on entry `id`. */
  'highlight:add': {
    req: { id: number; selectors: Selectors; color: HighlightColor; note: string };
    res: LibraryResult<{ highlight: Highlight }>;
  };
  /** Recolour a highlight or change its note. */
  'highlight:update': {
    req: { id: number; highlightId: string; patch: HighlightPatchReq };
    res: LibraryResult<{ highlight: Highlight }>;
  };
  'highlight:remove': {
    req: { id: number; highlightId: string };
    res: LibraryResult<{ removed: true }>;
  };
  /** Extension page → background: the reading-list sync state. */
  'sync:state': { req: Record<string, never>; res: SyncState };
  /** Extension page → background: turn background sync on or off (a saved setting). */
  'sync:setEnabled': { req: { enabled: boolean }; res: SyncState };
  /** Extension page → background: sync now; answers once the cycle is done. */
  'sync:now': { req: Record<string, never>; res: SyncState };
  /**
   * Import page → background: a batch of a file's links (parsed in the page's worker, never in
   * the background), to list and queue for fetching. A backup's entries go first as
   * `library:import`.
   */
  'import:links': { req: { items: ImportItem[] }; res: LibraryResult<{ report: EnqueueReport }> };
  'import:pause': { req: Record<string, never>; res: QueueStatus };
  'import:resume': { req: Record<string, never>; res: QueueStatus };
  'import:status': { req: Record<string, never>; res: QueueStatus };
  'import:retryFailed': { req: Record<string, never>; res: QueueStatus };
}

export interface HighlightPatchReq {
  color?: HighlightColor;
  note?: string;
}

/** An import file as the import page sends it: text, or base64 bytes when it may not be UTF-8. */
export type ImportFile = { fileName: string } & ({ text: string } | { base64: string });

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

const tabId = (v: unknown): v is { tabId: number } => isObj(v) && isInt(v.tabId);
const MAX_URL = 8192;
const MAX_IDS = 1000;
const MAX_IMPORT_JSON = 60_000_000; // under Chrome's 64 MiB message limit
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
export const isImportFile = (v: unknown): v is ImportFile =>
  isObj(v) &&
  isStr(v.fileName, 512) &&
  Object.keys(v).length === 2 &&
  (isStr(v.text, MAX_IMPORT_JSON) ||
    (isStr(v.base64, MAX_IMPORT_JSON) && v.base64.length % 4 === 0 && BASE64.test(v.base64)));
/** The most links one `import:links` message carries: the page sends a large file in batches. */
export const MAX_LINK_BATCH = 1000;
const ITEM_KEYS = ['url', 'title', 'savedAt', 'read', 'archived', 'favourite', 'tags'];
const isImportItem = (v: unknown): v is ImportItem =>
  isObj(v) &&
  Object.keys(v).every((k) => ITEM_KEYS.includes(k)) &&
  isWebUrl(v.url) &&
  isStr(v.title, LIMITS.title) &&
  isInt(v.savedAt) &&
  isBool(v.read) &&
  isBool(v.archived) &&
  isBool(v.favourite) &&
  isTagList(v.tags);
const isLinkBatch = (v: unknown): v is { items: ImportItem[] } =>
  isObj(v) &&
  Object.keys(v).length === 1 &&
  Array.isArray(v.items) &&
  v.items.length <= MAX_LINK_BATCH &&
  v.items.every(isImportItem);
const STATUS_KEYS = ['read', 'archived', 'favourite'];
const isStatusPatch = (v: unknown): v is StatusPatch =>
  isObj(v) &&
  Object.keys(v).length > 0 &&
  Object.entries(v).every(([k, b]) => STATUS_KEYS.includes(k) && isBool(b));
const entryId = (v: Record<string, unknown>) => isInt(v.id) && (v.id as number) > 0;
const HIGHLIGHT_ID = /^[0-9a-f]{8,32}$/;
const keysAre = (v: Record<string, unknown>, keys: readonly string[]): boolean =>
  Object.keys(v).every((k) => keys.includes(k));
const isSelectors = (v: unknown): v is Selectors =>
  isObj(v) &&
  keysAre(v, ['quote', 'position']) &&
  isQuoteSelector(v.quote) &&
  isPositionSelector(v.position);
const isHighlightRef = (v: Record<string, unknown>): boolean =>
  entryId(v) && isStr(v.highlightId, 32) && HIGHLIGHT_ID.test(v.highlightId);
const isHighlightPatch = (v: unknown): v is HighlightPatchReq =>
  isObj(v) &&
  Object.keys(v).length > 0 &&
  keysAre(v, ['color', 'note']) &&
  (v.color === undefined || isHighlightColor(v.color)) &&
  (v.note === undefined || isNote(v.note));

/** A page's report of itself (from its renderer: checked wherever it arrives). */
export const isTabState = (v: unknown): v is TabState =>
  isObj(v) && isDetection(v.detection) && isStr(v.title, 1024) && isNum(v.detectMs);

export const specs: { [K in MessageType]: Spec<K> } = {
  'page:detected': {
    from: 'content',
    guard: (v): v is TabState => isTabState(v),
  },
  'button:site': { from: 'page', guard: tabId },
  'button:setHidden': {
    from: 'page',
    guard: (v): v is { site: string; hidden: boolean } =>
      isObj(v) && isStr(v.site, MAX_HOST) && v.site !== '' && isBool(v.hidden),
  },
  'button:hiddenSites': { from: 'page', guard: none },
  'page:saveAnyway': {
    from: 'content',
    guard: (v): v is Record<string, never> => isObj(v) && Object.keys(v).length === 0,
  },
  'reader:open': { from: 'page', guard: tabId },
  'tab:extract': { from: 'page', guard: tabId },
  'tab:state': { from: 'page', guard: tabId },
  'library:saveTab': { from: 'page', guard: tabId },
  'library:saveArticle': {
    from: 'page',
    guard: (v): v is { article: Article; canonical?: string } =>
      isObj(v) &&
      isArticle(v.article) &&
      (v.canonical === undefined || isStr(v.canonical, MAX_URL)),
  },
  'library:isSaved': {
    from: 'page',
    guard: (v): v is { url: string; canonical?: string } =>
      isObj(v) &&
      isStr(v.url, MAX_URL) &&
      (v.canonical === undefined || isStr(v.canonical, MAX_URL)),
  },
  'library:setStatus': {
    from: 'page',
    guard: (v): v is { id: number; patch: StatusPatch } =>
      isObj(v) && entryId(v) && isStatusPatch(v.patch),
  },
  'library:setProgress': {
    from: 'page',
    guard: (v): v is { id: number; progress: number } =>
      isObj(v) && entryId(v) && isNum(v.progress) && v.progress >= 0 && v.progress <= 1,
  },
  'library:delete': {
    from: 'page',
    guard: (v): v is { ids: number[] } =>
      isObj(v) &&
      Array.isArray(v.ids) &&
      v.ids.length > 0 &&
      v.ids.length <= MAX_IDS &&
      v.ids.every((id) => isInt(id) && id > 0),
  },
  'library:undoDelete': {
    from: 'page',
    guard: (v): v is { undoToken: string } => isObj(v) && isStr(v.undoToken, 64),
  },
  'library:import': {
    from: 'page',
    guard: (v): v is { json: string } => isObj(v) && isStr(v.json, MAX_IMPORT_JSON),
  },
  'library:fetchBody': {
    from: 'page',
    guard: (v): v is { id: number } => isObj(v) && Object.keys(v).length === 1 && entryId(v),
  },
  'highlight:forArticle': {
    from: 'page',
    guard: (v): v is { url: string; canonical?: string } =>
      isObj(v) &&
      keysAre(v, ['url', 'canonical']) &&
      isStr(v.url, MAX_URL) &&
      (v.canonical === undefined || isStr(v.canonical, MAX_URL)),
  },
  'highlight:add': {
    from: 'page',
    guard: (v): v is Req<'highlight:add'> =>
      isObj(v) &&
      keysAre(v, ['id', 'selectors', 'color', 'note']) &&
      entryId(v) &&
      isSelectors(v.selectors) &&
      isHighlightColor(v.color) &&
      isNote(v.note),
  },
  'highlight:update': {
    from: 'page',
    guard: (v): v is Req<'highlight:update'> =>
      isObj(v) &&
      keysAre(v, ['id', 'highlightId', 'patch']) &&
      isHighlightRef(v) &&
      isHighlightPatch(v.patch),
  },
  'highlight:remove': {
    from: 'page',
    guard: (v): v is Req<'highlight:remove'> =>
      isObj(v) && keysAre(v, ['id', 'highlightId']) && isHighlightRef(v),
  },
  'sync:state': { from: 'page', guard: none },
  'sync:setEnabled': {
    from: 'page',
    guard: (v): v is { enabled: boolean } =>
      isObj(v) && Object.keys(v).length === 1 && isBool(v.enabled),
  },
  'sync:now': { from: 'page', guard: none },
  'import:links': { from: 'page', guard: isLinkBatch },
  'import:pause': { from: 'page', guard: none },
  'import:resume': { from: 'page', guard: none },
  'import:status': { from: 'page', guard: none },
  'import:retryFailed': { from: 'page', guard: none },
};

/** Narrow an unknown value to a known message whose payload passes its guard. */
export function parseMessage(raw: unknown): Message | null {
  if (!isObj(raw) || typeof raw.type !== 'string' || !Object.hasOwn(specs, raw.type)) return null;
  const type = raw.type as MessageType;
  return specs[type].guard(raw.payload) ? (raw as unknown as Message) : null;
}

/**
 * Messages the background sends to a tab's content script (which answers them). Named apart from
 * the `Protocol`'s: `tab:extract` asks the background, `page:extract` is what it then asks the page.
 */
export type TabCommand =
  | { type: 'reader:toggle' | 'reader:show' | 'reader:hide' | 'page:extract' | 'page:canonical' }
  // Answered by the always-on script itself (lib/page/index.ts): a TabState of the page as it is.
  | { type: 'page:detect' }
  | SaveToastCommand;

/**
 * The outcome of a save from the keyboard or the context menu, shown on the page: a `_locales`
 * key (read there), whether it is a failure, and whether to offer "save anyway".
 */
export interface SaveToastCommand {
  type: 'page:toast';
  key: string;
  error: boolean;
  ask: boolean;
}
const MESSAGE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const isSaveToast = (v: Record<string, unknown>): boolean =>
  v.type === 'page:toast' &&
  Object.keys(v).length === 4 &&
  isStr(v.key, 64) &&
  MESSAGE_KEY.test(v.key) &&
  isBool(v.error) &&
  isBool(v.ask);
const TAB_COMMANDS = new Set<string>([
  'reader:toggle',
  'reader:show',
  'reader:hide',
  'page:extract',
  'page:canonical',
]);

export function parseTabCommand(raw: unknown): TabCommand | null {
  if (!isObj(raw)) return null;
  if (isSaveToast(raw)) return raw as unknown as SaveToastCommand;
  return TAB_COMMANDS.has(raw.type as string) && Object.keys(raw).length === 1
    ? ({ type: raw.type } as TabCommand)
    : null;
}

/**
 * Messages between the overlay's reader page and the reader code in its tab, over a runtime port
 * the frame opens to its tab's top frame (`tabs.connect`): a channel only the extension's own
 * contexts can open or hear, never a window message the page could see, answer or forge, nor the
 * background. The port is named after the overlay's one-time token (known only to the tab's
 * isolated world and the frame's own address): the tab takes only the port with its token. The
 * reader page asks to close; the tab sends the article, tagged with the same token.
 */
export const OVERLAY_CLOSE = 'qari:close';
/**
 * The reader page asks, before an action that changes the reading list, whether its overlay is
 * still on top of the page's top layer (lib/page/top-layer.ts); the tab answers `OverlayClear`.
 */
export const OVERLAY_CLEAR = 'qari:clear?';
export interface OverlayClear {
  type: 'qari:clear';
  ok: boolean;
}
export const isOverlayClear = (data: unknown): data is OverlayClear =>
  isObj(data) && data.type === 'qari:clear' && typeof data.ok === 'boolean';
export const overlayPortName = (token: string): string => `qari:overlay:${token}`;
export interface OverlayArticle {
  type: 'qari:article';
  token: string;
  result: ExtractResult;
  /** False when the page does not look like an article: the reader says so before showing it. */
  looksLikeArticle?: boolean;
}

/** The page's verdict carried with an overlay article (absent: an article). */
export const overlayLooksLikeArticle = (data: unknown): boolean =>
  !(isObj(data) && data.looksLikeArticle === false);

/** The extraction result in `data` if it is the overlay article for `token`, else null. */
export function parseOverlayArticle(data: unknown, token: string): ExtractResult | null {
  return isObj(data) &&
    data.type === 'qari:article' &&
    typeof data.token === 'string' &&
    data.token === token &&
    token.length > 0 &&
    isExtractResult(data.result)
    ? data.result
    : null;
}

/** The reader's answer to `reader:show` and `reader:toggle`: whether it is open, and any failure. */
export type ReaderAnswer = { ok: true; open: boolean } | { ok: false; error: string };
