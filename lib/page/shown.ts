/**
 * The always-on start script's one job (entrypoints/page-start.ts): it runs before any script of
 * the page and notes, in the extension's isolated world, when each element of the document last
 * entered or left the top layer. Its capture listener on the window is the first listener of
 * every such event in the document, so a page cannot stop it (a listener of the page's own,
 * registered first, stops every later one: the element's own listeners included). The top-layer
 * check (./top-layer.ts) reads it; a shadow tree's events never reach the window (they are not
 * composed), so those the check still watches on the elements themselves.
 */
// beforetoggle: synchronous, one per show and hide of a popover (and of a dialog where dialogs
// fire it); close: a dialog's, for browsers whose dialogs fire no beforetoggle.
export const SHOWN_EVENTS = ['beforetoggle', 'close'];

/** When each element last toggled, as a count of toggles seen since the page started. */
export interface ShownLog {
  at: WeakMap<EventTarget, number>;
  n: number;
}

const KEY = Symbol.for('qari.shown');

export function watchShown(win: Window): void {
  const log: ShownLog = { at: new WeakMap(), n: 0 };
  (globalThis as Record<symbol, unknown>)[KEY] = log;
  for (const type of SHOWN_EVENTS)
    win.addEventListener(type, (e) => log.at.set(e.target!, ++log.n), true);
}

/** The log, where the start script ran (not in unit tests unless they start it). */
export const shownLog = (): ShownLog | undefined =>
  (globalThis as Record<symbol, unknown>)[KEY] as ShownLog | undefined;
