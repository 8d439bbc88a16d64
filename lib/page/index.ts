/**
 * The always-on part of the extension in every page. It must stay small and cheap: detection,
 * one report to the background, a reader-mode button when the page is an Arabic article, and
 * the overlay that hosts the reader page. It never modifies the page's own nodes: everything it
 * shows lives in elements of its own, behind closed shadow roots.
 */
import browser from 'webextension-polyfill';
import { detect } from '../detect';
import { ask } from '../messaging';
import { parseTabCommand } from '../messages';
import { showButton } from './button';
import { ReaderOverlay } from './overlay';

export function startPage(doc: Document, win: Window): void {
  if (win.top !== win) return;
  const overlay = new ReaderOverlay(doc, win);
  const open = (): void => {
    void ask('reader:open', {}).catch(() => undefined);
  };

  browser.runtime.onMessage.addListener((raw: unknown) => {
    const cmd = parseTabCommand(raw);
    if (!cmd) return undefined;
    if (cmd.type === 'reader:show') overlay.open(cmd.token);
    else if (overlay.isOpen) overlay.close();
    else open();
    return Promise.resolve(true);
  });

  // detectMs is this script's whole synchronous main-thread time on the page (the benchmark's number).
  const t0 = performance.now();
  const detection = detect(doc);
  if (detection.isArticle && detection.isArabic) showButton(doc, open);
  const detectMs = performance.now() - t0;
  void ask('page:detected', { detection, title: doc.title.slice(0, 1024), detectMs }).catch(
    () => undefined,
  );
}
