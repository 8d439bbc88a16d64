/**
 * Chrome MV3's service worker has no DOMParser, so fetched pages are parsed in an offscreen
 * document: created on first use, one at a time (Chrome allows one per extension), reused while
 * work keeps coming, and closed after a quiet minute to give its memory back.
 */
import type { ExtractResult } from '../article';
import {
  OFFSCREEN_CLEAN_BODIES,
  OFFSCREEN_EXTRACT,
  OFFSCREEN_TARGET,
  bodyMessages,
  isCleanBodiesAnswer,
  isExtractResult,
  type OffscreenCleanBodiesRequest,
  type OffscreenExtractRequest,
  type RestoredBodyRequest,
} from './offscreen-protocol';
import type { Browser } from 'wxt/browser';
import { chromeApi } from '../chrome';

// The offscreen API is Chrome's own (not in the polyfill), so this module talks to `chrome`.
const api = chromeApi();

const OFFSCREEN_PATH = 'offscreen.html';
const JUSTIFICATION =
  'Parse fetched article pages and restored backups with DOMParser to extract and sanitize them.';
const IDLE_CLOSE_MS = 60_000;
const NO_RECEIVER_RE = /Receiving end does not exist|Could not establish connection/i;

let creating: Promise<void> | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight = 0;

async function hasDocument(url: string): Promise<boolean> {
  if (typeof api.runtime.getContexts !== 'function') return api.offscreen.hasDocument();
  const contexts = await api.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [url],
  });
  return contexts.length > 0;
}

/** Make sure the offscreen document exists; concurrent callers share one creation. */
async function ensureDocument(): Promise<void> {
  const url = api.runtime.getURL(OFFSCREEN_PATH);
  if (await hasDocument(url)) return;
  creating ??= api.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER' as Browser.offscreen.Reason],
      justification: JUSTIFICATION,
    })
    .catch(async (err: unknown) => {
      // Another creation won the race (e.g. after a worker restart): fine if it exists now.
      if (!(await hasDocument(url))) throw err;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

function scheduleClose(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (inFlight === 0) void api.offscreen.closeDocument().catch(() => undefined);
  }, IDLE_CLOSE_MS);
}

async function send(req: OffscreenExtractRequest | OffscreenCleanBodiesRequest): Promise<unknown> {
  try {
    return await api.runtime.sendMessage(req);
  } catch (err) {
    // A document that was just created may not be listening yet: one more try.
    if (!NO_RECEIVER_RE.test(String(err))) throw err;
    await new Promise((r) => setTimeout(r, 100));
    return api.runtime.sendMessage(req);
  }
}

/** One request to the offscreen document, made once it exists; it closes when work stops. */
async function ask(req: OffscreenExtractRequest | OffscreenCleanBodiesRequest): Promise<unknown> {
  inFlight++;
  clearTimeout(idleTimer);
  try {
    await ensureDocument();
    return await send(req);
  } finally {
    inFlight--;
    if (inFlight === 0) scheduleClose();
  }
}

/** Parse and extract fetched HTML in the offscreen document. Never throws. */
export async function extractOffscreen(html: string, url: string): Promise<ExtractResult> {
  try {
    const answer = await ask({ target: OFFSCREEN_TARGET, type: OFFSCREEN_EXTRACT, html, url });
    if (!isExtractResult(answer))
      return { ok: false, reason: 'error', detail: 'bad answer from the offscreen parser' };
    return answer;
  } catch (err) {
    return { ok: false, reason: 'error', detail: String(err) };
  }
}

/**
 * Restored backup bodies, sanitized and under the image policy by the offscreen document, in the
 * order given, many to a message. Throws when they cannot be cleaned: the import then writes
 * nothing rather than an unchecked body.
 */
export async function cleanBodiesOffscreen(
  bodies: readonly RestoredBodyRequest[],
): Promise<string[]> {
  const out: string[] = [];
  for (const batch of bodyMessages(bodies)) {
    const answer = await ask({
      target: OFFSCREEN_TARGET,
      type: OFFSCREEN_CLEAN_BODIES,
      bodies: batch,
    });
    if (!isCleanBodiesAnswer(answer, batch.length))
      throw new Error('bad answer from the offscreen parser');
    out.push(...answer.html);
  }
  return out;
}
