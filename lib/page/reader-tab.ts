/**
 * The reader's side in a tab, loaded on demand (lib/page/modules.ts): shows and hides the reader
 * overlay, extracts the page's article for it and for saving. The extraction bundle is a
 * separate file, so the overlay's frame exists before the heavy code runs.
 */
import type { ExtractResult } from '../article';
import { detect } from '../detect';
import { looksLikeArticle } from '../detect/reader-verdict';
import { parseTabCommand, type ReaderAnswer, type TabCommand } from '../messages';
import { loadModule } from './modules';
import { nativeApi } from './native';
import { ReaderOverlay } from './overlay';
import { showSaveToast } from './save-toast';
import { TopLayerGuard } from './top-layer';

/** What the extraction bundle registers (entrypoints/extract-tab.ts): the page's article. */
export type ExtractTab = () => ExtractResult;

const TOKEN_BYTES = 16;
/**
 * This code loads when the pointer reaches the page's button or it takes focus (./index.ts), a
 * moment before the click: the extraction starts then, here in the isolated world, and the
 * overlay's frame is created hidden (./overlay.ts). One deadline for both: a click before it
 * takes both; after it (checked on use, so a timer the browser held back changes nothing) both
 * are dropped, and the click extracts the page again, as it is then, into a new frame.
 */
export const EARLY_EXTRACTION_FRESH_MS = 8_000;
const CANONICAL = 'link[rel~="canonical" i][href]';

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(TOKEN_BYTES));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function extractHere(): Promise<ExtractResult> {
  try {
    return (await loadModule<ExtractTab>('extract-tab'))();
  } catch (err) {
    return { ok: false, reason: 'error', detail: String(err).slice(0, 500) };
  }
}

/** `from`: the page button's host, when the command is that button's click. */
export type ReaderTab = (raw: unknown, from?: HTMLElement) => Promise<unknown>;

/** The handler the always-on script hands the background's tab commands (and button clicks) to. */
export function readerTab(doc: Document, win: Window): ReaderTab {
  const overlay = new ReaderOverlay(doc, win);
  const button = new TopLayerGuard(doc, win);
  // Only the extension's own pages can open a port to this tab: the overlay's reader page does.
  nativeApi().runtime.onConnect.addListener((port) => overlay.connect(port));

  // Loaded for a command, the code gets it in the same turn (a microtask of the import that
  // loaded it), before this timer: only a load with no command, the pointer's, starts early.
  let early: { until: number; result: Promise<ExtractResult> } | null = null;
  const earlyTimer = setTimeout(() => {
    early = { until: performance.now() + EARLY_EXTRACTION_FRESH_MS, result: extractHere() };
    overlay.prepare(newToken());
    setTimeout(() => early && dropEarly(), EARLY_EXTRACTION_FRESH_MS);
  });
  const dropEarly = (): void => {
    early = null;
    overlay.unprepare();
  };
  /** The early extraction while its deadline holds; past it, null, and its frame is dropped. */
  const takeEarly = (): Promise<ExtractResult> | null => {
    const e = early;
    if (!e) return null;
    if (performance.now() < e.until) {
      early = null;
      return e.result;
    }
    dropEarly();
    return null;
  };

  const open = async (): Promise<ReaderAnswer> => {
    // The extraction bundle's request goes out first; the frame is created before it arrives
    // (or was, on the pointer's arrival), so the reader page loads (in the extension's process)
    // while the article is extracted here.
    const extracting = takeEarly() ?? extractHere();
    const token = overlay.open(newToken());
    const result = await extracting;
    // Judged now, on the page as it is when the reader asks (it may have changed since load).
    const article = result.ok ? looksLikeArticle(detect(doc), result.article) : true;
    overlay.deliver({ type: 'qari:article', token, result, looksLikeArticle: article });
    return result.ok ? { ok: true, open: true } : { ok: false, error: result.reason };
  };

  const run = async (cmd: TabCommand): Promise<unknown> => {
    switch (cmd.type) {
      case 'reader:show':
        return open();
      case 'reader:toggle':
        if (!overlay.isOpen) return open();
        overlay.close();
        return { ok: true, open: false };
      case 'reader:hide':
        overlay.close();
        return { ok: true, open: false };
      case 'page:extract':
        return extractHere();
      case 'page:toast':
        showSaveToast(doc, cmd);
        return { ok: true };
      case 'page:canonical':
        // A selector, not the extraction bundle: saving asks for it beside the extraction.
        return (doc.querySelector(CANONICAL) as HTMLLinkElement | null)?.href ?? null;
    }
  };

  return async (raw, from) => {
    clearTimeout(earlyTimer);
    const cmd = parseTabCommand(raw);
    if (!cmd) return null;
    // A click the reader could not have seen the button for (./top-layer.ts) does nothing.
    if (from && !button.clear(from)) return { ok: true, open: overlay.isOpen };
    return run(cmd);
  };
}
