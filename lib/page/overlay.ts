import { OVERLAY_CLOSE, OVERLAY_READY, type OverlayArticle } from '../messages';
import { nativeApi } from './native';

const HOST_TAG = 'qari-reader';
const CSS = `:host{all:initial;position:fixed;inset:0;z-index:2147483647;display:block}
iframe{border:0;width:100%;height:100%;display:block;color-scheme:normal}`;
// While the reader is open the page's root does not scroll: its scrollbars would show beside the
// reader's (narrow windows get both), and a scroll past the reader's end would move the page
// underneath. A style in the host's own light DOM, so it leaves with the host.
const PAGE_LOCK = 'html{overflow:hidden!important}';

/**
 * Hosts the reader page (an extension iframe) over the page in the same tab. The iframe is
 * cross-origin to the page, so the page's scripts and CSS cannot read or restyle the reader.
 * Closing puts back exactly what was there: the host is removed, focus and scroll restored.
 */
export class ReaderOverlay {
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private restore: { focus: Element | null; x: number; y: number } | null = null;
  // The reader page's readiness and the article for it, whichever comes first.
  private ready = false;
  private article: OverlayArticle | null = null;
  private readonly onMessage = (e: MessageEvent): void => {
    const frame = this.frame?.contentWindow;
    // A frame with no window yet answers nothing: a message without a source must not match it.
    if (!frame || e.source !== frame || e.origin !== this.origin) return;
    if (e.data === OVERLAY_CLOSE) this.close();
    else if (e.data === OVERLAY_READY) {
      this.ready = true;
      this.post();
    }
  };
  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && e.isTrusted) this.close();
  };
  private readonly origin: string;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
  ) {
    // The extension's base URL without its slash: `new URL(...).origin` is "null" for
    // non-special schemes outside the browser (Node's URL), which no message would match.
    this.origin = nativeApi().runtime.getURL('/').replace(/\/$/, '');
  }

  get isOpen(): boolean {
    return this.host !== null;
  }

  open(token: string): void {
    this.close();
    this.restore = { focus: this.doc.activeElement, x: this.win.scrollX, y: this.win.scrollY };
    const host = this.doc.createElement(HOST_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = CSS;
    const frame = this.doc.createElement('iframe');
    // Not built from `origin`: a web-accessible page gets its own dynamic address (use_dynamic_url).
    frame.src = `${nativeApi().runtime.getURL('/reader.html')}#t=${encodeURIComponent(token)}`;
    frame.title = nativeApi().i18n.getMessage('readerFrameTitle') || 'وضع القراءة';
    frame.addEventListener('load', () => frame.focus(), { once: true });
    root.append(style, frame);
    const lock = this.doc.createElement('style');
    lock.textContent = PAGE_LOCK;
    host.append(lock);
    this.doc.documentElement.append(host);
    this.host = host;
    this.frame = frame;
    this.win.addEventListener('message', this.onMessage);
    this.win.addEventListener('keydown', this.onKey, true);
  }

  /**
   * Hand the reader page its article: posted into the frame, addressed to the extension's origin,
   * as soon as the page has said it is ready (the background is not involved, so a reader opened
   * from the page's button does not wait for the extension's worker to wake up).
   */
  deliver(article: OverlayArticle): void {
    if (!this.host) return;
    this.article = article;
    this.post();
  }

  private post(): void {
    const target = this.frame?.contentWindow;
    if (!this.ready || !this.article || !target) return;
    target.postMessage(this.article, this.origin);
    this.article = null;
  }

  close(): void {
    if (!this.host) return;
    this.ready = false;
    this.article = null;
    this.win.removeEventListener('message', this.onMessage);
    this.win.removeEventListener('keydown', this.onKey, true);
    this.host.remove();
    this.host = null;
    this.frame = null;
    const r = this.restore;
    this.restore = null;
    if (!r) return;
    this.win.scrollTo(r.x, r.y);
    if (r.focus instanceof HTMLElement) r.focus.focus({ preventScroll: true });
    else (this.doc.activeElement as HTMLElement | null)?.blur?.();
  }
}
