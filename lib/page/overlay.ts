import browser, { type Runtime } from 'webextension-polyfill';
import { ask } from '../messaging';
import { parseTabCommand } from '../messages';

const HOST_TAG = 'qari-reader';
const CLOSE_MESSAGE = 'qari:close';
// The isolated world is shared by every injection into this page: install the listener once.
const INSTALLED = Symbol.for('qari.overlay');
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
    this.close(false);
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

  close(notify = true): void {
    if (!this.host) return;
    if (notify) void ask('reader:closed', {}).catch(() => undefined);
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

/** Listen for the background's commands to show or hide the reader over this page. */
export function startOverlay(doc: Document, win: Window): void {
  const g = globalThis as { [INSTALLED]?: true };
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;
  const overlay = new ReaderOverlay(doc, win);
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
    const cmd = sender.id === browser.runtime.id ? parseTabCommand(raw) : null;
    if (!cmd) return undefined;
    if (cmd.type === 'reader:show') overlay.open(cmd.token);
    else overlay.close();
    return Promise.resolve(true);
  });
}
