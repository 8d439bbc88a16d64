import {
  OVERLAY_CLEAR,
  OVERLAY_CLOSE,
  overlayPortName,
  type OverlayArticle,
  type OverlayClear,
} from '../messages';
import { readerFrameUrl } from '../reader/location';
import { hostElement } from './host';
import { nativeApi, type NativePort } from './native';
import { TopLayerGuard } from './top-layer';

// In the top layer (a manual popover): no z-index needed, none of the page's reaches it. Not
// displayed while prepared (a frame that loads ahead of a likely open): nothing shows, nothing
// takes a click or the page's layout.
const HOST_CSS = 'position:fixed;inset:0;display:none';
// Hidden until its reader page connects: what loads in it before that is not ours to show.
const CSS =
  'iframe{border:0;width:100%;height:100%;display:block;color-scheme:normal;visibility:hidden}';
// While the reader is open the page's root does not scroll: its scrollbars would show beside the
// reader's (narrow windows get both), and a scroll past the reader's end would move the page
// underneath. A style in the host's own light DOM, so it leaves with the host.
const PAGE_LOCK = 'html{overflow:hidden!important}';
// The reader page connects from its <head>, long before its frame's load event (which waits for
// the bundle and fonts); a frame that has loaded and still not connected is not our reader page.
export const CONNECT_GRACE_MS = 3_000;

/**
 * Hosts the reader page (an extension iframe) over the page in the same tab. The iframe is
 * cross-origin to the page, so the page's scripts and CSS cannot read or restyle the reader.
 * The two talk only over the port the reader page opens to this tab (../messages.ts): the page
 * sees no message. The page can still reach the frame's window (`window.frames`) and navigate
 * it, so the frame shows only once the reader page has connected, and the overlay closes when
 * the port drops (the reader page unloaded), when its frame loads anything after the reader page,
 * or when no reader page connects. Closing puts back exactly
 * what was there: the host is removed, focus and scroll restored.
 * The host is shown in the top layer; before the reader page changes the reading list it asks
 * whether the overlay is still on top there (./top-layer.ts), and a refusal raises it again.
 * `prepare` creates the frame hidden ahead of a likely open (the pointer on the page's button):
 * its reader page loads and connects, and gets nothing (no article, no focus) until `open`.
 */
export class ReaderOverlay {
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private loaded = false;
  private shown = false;
  private token = '';
  private port: NativePort | null = null;
  private article: OverlayArticle | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private restore: { focus: Element | null; x: number; y: number } | null = null;
  private readonly guard: TopLayerGuard;
  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && e.isTrusted) this.close();
  };

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
  ) {
    this.guard = new TopLayerGuard(doc, win);
  }

  get isOpen(): boolean {
    return this.shown;
  }

  /** The frame, hidden, under `token`; nothing when a frame is there already. */
  prepare(token: string): void {
    if (!this.host) this.create(token, true);
  }

  /** Drops a prepared frame that was not opened. */
  unprepare(): void {
    if (!this.shown) this.close();
  }

  /** Shows the reader: the prepared frame (its token returned), else a new one under `token`. */
  open(token: string): string {
    if (this.shown || !this.host?.isConnected) {
      this.close();
      this.create(token);
    }
    const host = this.host!;
    this.restore = { focus: this.doc.activeElement, x: this.win.scrollX, y: this.win.scrollY };
    const lock = this.doc.createElement('style');
    lock.textContent = PAGE_LOCK;
    host.append(lock);
    host.style.setProperty('display', 'block', 'important');
    host.popover = 'manual';
    this.guard.raise(host);
    this.shown = true;
    this.win.addEventListener('keydown', this.onKey, true);
    if (this.port && this.loaded) this.focusShown(this.frame!);
    this.post();
    return this.token;
  }

  /**
   * Focus a frame that loaded while hidden (prepared), now that it shows: Firefox gave the keyboard
   * to such a frame only some of the time when focused in the task that displayed it, so it is
   * focused again once the browser has laid it out.
   */
  private focusShown(frame: HTMLIFrameElement): void {
    frame.focus();
    this.win.requestAnimationFrame(() => {
      if (this.shown && this.frame === frame) frame.focus();
    });
  }

  /**
   * `prepared`: created ahead of a likely open, so its reader page waits for the click and may warm
   * its view meanwhile (`readerFrameUrl`).
   */
  private create(token: string, prepared = false): void {
    const [host, root] = hostElement(this.doc, HOST_CSS);
    const style = this.doc.createElement('style');
    style.textContent = CSS;
    const frame = this.doc.createElement('iframe');
    // A web-accessible page gets its own dynamic address (use_dynamic_url).
    frame.src = readerFrameUrl(nativeApi().runtime.getURL('/reader.html'), token, prepared);
    frame.title = nativeApi().i18n.getMessage('readerFrameTitle');
    frame.addEventListener('load', () => {
      // The first load is the reader page; any other is a navigation the page made.
      if (this.frame !== frame) return;
      if (this.loaded) return this.close();
      this.loaded = true;
      if (!this.port) this.timer = setTimeout(() => this.port || this.close(), CONNECT_GRACE_MS);
      else if (this.shown) frame.focus();
    });
    root.append(style, frame);
    this.doc.documentElement.append(host);
    this.host = host;
    this.frame = frame;
    this.loaded = false;
    this.token = token;
  }

  /**
   * A port opened to this tab by an extension page: kept when it is this overlay's reader page
   * (named after its token) and none has connected yet; any other is dropped.
   */
  connect(port: NativePort): void {
    const frame = this.frame;
    if (!frame || this.port || port.name !== overlayPortName(this.token)) {
      port.disconnect();
      return;
    }
    this.port = port;
    frame.style.visibility = 'visible';
    if (this.loaded && this.shown) frame.focus();
    port.onMessage.addListener((m) => {
      if (this.port !== port) return;
      if (m === OVERLAY_CLOSE) this.close();
      else if (m === OVERLAY_CLEAR) port.postMessage(this.clear());
    });
    port.onDisconnect.addListener(() => this.port === port && this.close());
    this.post();
  }

  private clear(): OverlayClear {
    return { type: 'qari:clear', ok: !!this.host && this.guard.clear(this.host) };
  }

  /** Hand the reader page its article, as soon as the page has connected. */
  deliver(article: OverlayArticle): void {
    if (!this.host) return;
    this.article = article;
    this.post();
  }

  private post(): void {
    if (!this.port || !this.article || !this.shown) return;
    this.port.postMessage(this.article);
    this.article = null;
  }

  close(): void {
    if (!this.host) return;
    clearTimeout(this.timer);
    const port = this.port;
    this.port = null;
    port?.disconnect();
    this.article = null;
    this.token = '';
    this.win.removeEventListener('keydown', this.onKey, true);
    this.host.remove();
    this.host = null;
    this.shown = false;
    this.frame = null;
    const r = this.restore;
    this.restore = null;
    if (!r) return;
    this.win.scrollTo(r.x, r.y);
    if (r.focus instanceof HTMLElement) r.focus.focus({ preventScroll: true });
    else (this.doc.activeElement as HTMLElement | null)?.blur?.();
  }
}
