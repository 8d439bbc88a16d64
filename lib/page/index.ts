/**
 * The always-on part of the extension in every page. It must stay small and cheap: detection,
 * one report to the background, and a reader-mode button when the page is an Arabic article.
 * It never modifies the page's own nodes: the button lives in an element of its own, behind a
 * closed shadow root. The reader's code is loaded only when the reader is asked for.
 */
// First: its clock starts before any other module of this script runs.
import { STARTED } from './started';
import { declaresOtherScript, detect, glance } from '../detect';
import { markGate, woken } from './gate';
import { showButton } from './button';
import { loadModule } from './modules';
import { listen, tell } from './native';
import type { ReaderTab } from './reader-tab';
import type { Detection } from '../article';
import type { TabState } from '../messages';

/**
 * Hands commands to the reader's code. The extraction bundle is asked for beside it rather than
 * after it: opening the reader and saving both extract the page, and the two requests then
 * overlap (a module is fetched once however often it is imported). `warm` only loads them.
 * A command from the page's button names the button's host (`from`), which the reader's code
 * checks before it acts.
 */
// A failure to load the reader's code leaves the page as it was: nothing to tell it.
const ignore = (): void => {};

export function commandRunner(
  load: typeof loadModule,
): [run: (cmd: unknown, from?: HTMLElement) => Promise<unknown>, warm: () => void] {
  const readerCode = () => {
    load('extract-tab').catch(ignore);
    return load<ReaderTab>('reader-tab');
  };
  return [
    (cmd, from) => readerCode().then((handle) => handle(cmd, from)),
    () => void readerCode().catch(ignore),
  ];
}

const [run, warm] = commandRunner(loadModule);

export function startPage(doc: Document, win: Window): void {
  if (win.top !== win) return;
  // Reader mode is for Arabic: elsewhere this script stops here, unless the background woke it.
  // Most pages say so in their title and lang; the others are read a little (their glance).
  const wake = woken();
  const seen = !wake && declaresOtherScript(doc) ? null : glance(doc);
  const gated = seen?.language !== 'ar' && !wake;
  markGate(gated);
  if (gated) return;
  let button: HTMLElement | undefined;
  const detection = detect(doc, {}, seen);
  // Only our background can message this script (tabs.sendMessage). Two commands are this
  // script's own (the reader hid the button on this site; what detection says of the page as it
  // is now); the reader code validates the rest.
  listen((cmd) => {
    const type = (cmd as { type?: unknown }).type;
    if (type === 'page:hideButton') return button?.remove();
    if (type === 'page:detect') return report(doc, detect(doc));
    return run(cmd);
  });
  // The background answers with the button's label when this page gets one: an Arabic article
  // on a site where the reader has not hidden it.
  tell('page:detected', report(doc, detection), (answer) => {
    if (answer?.button)
      button = showButton(
        doc,
        answer.button,
        (host) => run({ type: 'reader:toggle' }, host).catch(ignore),
        warm,
      );
  });
}

/**
 * What the background keeps of a page, with this script's main-thread time on it (the
 * benchmark's number) from its first module's first statement: everything but the report itself
 * and the compiling of its source.
 */
const report = (doc: Document, detection: Detection): TabState => ({
  detection,
  title: doc.title.slice(0, 1024),
  detectMs: performance.now() - STARTED,
});
