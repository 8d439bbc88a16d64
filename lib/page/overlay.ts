import browser from 'webextension-polyfill';

const HOST_TAG = 'qari-reader';
const CLOSE_MESSAGE = 'qari:close';
const CSS = `:host{all:initial;position:fixed;inset:0;z-index:2147483647;display:block}
iframe{border:0;width:100%;height:100%;display:block;color-scheme:normal}`;

/**
 * Hosts the reader page (an extension iframe) over the page in the same tab. The iframe is
 * cross-origin to the page, so the page's scripts and CSS cannot read or restyle the reader.
 * Closing puts back exactly what was there: the host is removed, focus and scroll restored.
 */
export class ReaderOverlay {
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private restore: { focus: Element | null; x: number; y: number } | null = null;
  private readonly onMessage = (e: MessageEvent): void => {
    if (
      e.source === this.frame?.contentWindow &&
      e.origin === this.origin &&
      e.data === CLOSE_MESSAGE
    )
      this.close();
  };
  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && e.isTrusted) this.close();
  };
  private readonly origin: string;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
  ) {
    this.origin = new URL(browser.runtime.getURL('/')).origin;
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
    frame.src = `${browser.runtime.getURL('/reader.html')}#t=${encodeURIComponent(token)}`;
    frame.title = browser.i18n.getMessage('readerFrameTitle') || 'وضع القراءة';
    frame.addEventListener('load', () => frame.focus(), { once: true });
    root.append(style, frame);
    this.doc.documentElement.append(host);
    this.host = host;
    this.frame = frame;
    this.win.addEventListener('message', this.onMessage);
    this.win.addEventListener('keydown', this.onKey, true);
  }

  close(): void {
    if (!this.host) return;
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
