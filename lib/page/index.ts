/**
 * The always-on part of the extension in every page. It must stay small and cheap: detection,
 * one report to the background, and a reader-mode button when the page is an Arabic article.
 * It never modifies the page's own nodes: the button lives in an element of its own, behind a
 * closed shadow root. The reader overlay is injected only when the reader opens.
 */
import { detect } from '../detect';
import { ask } from '../messaging';
import { showButton } from './button';

export function startPage(doc: Document, win: Window): void {
  if (win.top !== win) return;
  const open = (): void => {
    void ask('reader:open', {}).catch(() => undefined);
  };
  // detectMs is this script's whole synchronous main-thread time on the page (the benchmark's number).
  const t0 = performance.now();
  const detection = detect(doc);
  if (detection.isArticle && detection.isArabic) showButton(doc, open);
  const detectMs = performance.now() - t0;
  void ask('page:detected', { detection, title: doc.title.slice(0, 1024), detectMs }).catch(
    () => undefined,
  );
}
