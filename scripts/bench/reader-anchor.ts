/**
 * The bare-reader anchor of `npm run bench -- reader`: a reader made the fastest simple way, run
 * in the tab itself. Bare Readability (already compiled in the page, as a content script that
 * carried it would be) parses a clone of the page's DOM; its HTML is written, unsanitized and
 * with no fonts, into a same-origin blank iframe over the page. It stands in for the open-source
 * reader extensions, whose code we do not ship.
 *
 * Its end condition is ours (components/reader/ReaderView.tsx): our mark is taken in a frame
 * requested from a Preact effect, which runs after the frame that first painted the article
 * (Preact's afterPaint: an animation frame, then a task). The anchor waits the same way.
 * Its clock starts in the page, when its script starts: a command's trip to the tab (ours goes
 * from the control page through the background) is not counted, in the anchor's favour.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tests/e2e/fixtures';

const READABILITY_SRC = readFileSync(
  join(ROOT, 'node_modules/@mozilla/readability/Readability.js'),
  'utf8',
);
const GLOBAL = '__qariBenchReadability';

/** Defines Readability in the page's main world (run before the clock starts). */
export const LOAD_READABILITY = `${READABILITY_SRC}\n;globalThis.${GLOBAL} = Readability; 0`;

export interface AnchorTimes {
  /** Start → article painted (ms). */
  paintedMs: number;
  /** Of which Readability's parse of the clone (ms). */
  parseMs: number;
}

/** The anchor's reader, evaluated in the tab; resolves to AnchorTimes. */
export const OPEN_ANCHOR = `(async () => {
  const now = () => performance.timeOrigin + performance.now();
  const t0 = now();
  const article = new globalThis.${GLOBAL}(document.cloneNode(true)).parse();
  const parseMs = now() - t0;
  if (!article) throw new Error('Readability found no article');
  const frame = document.createElement('iframe');
  frame.style.cssText =
    'position:fixed;inset:0;width:100%;height:100%;border:0;z-index:2147483647;background:#fff';
  document.documentElement.append(frame);
  const doc = frame.contentDocument;
  doc.open();
  doc.write('<!doctype html><meta charset="utf-8"><body><h1></h1>' + article.content);
  doc.close();
  doc.documentElement.dir = article.dir || 'auto';
  doc.querySelector('h1').textContent = article.title || '';
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  await new Promise((r) => requestAnimationFrame(r));
  return { paintedMs: now() - t0, parseMs };
})()`;
