/**
 * The always-on script does nothing more on a page whose glance is not Arabic (lib/page/index.ts):
 * no listener, no report, not even a touch of the extension API, whose first use costs a page
 * more than the glance itself. It leaves a mark instead, on its isolated world's global object,
 * which the page cannot reach. When the reader's gesture asks for the page (reader command, save,
 * the popup's question), the background wakes it (`wakeInTab`, run by `scripting.executeScript`):
 * a script injected then, or one the browser starts later on a page still loading, runs whole.
 */
export const GATE_KEY = 'qari.gate';

const GATED = 'gated';
const WAKE = 'wake';
const WHOLE = 'whole';

const slot = (): Record<symbol, unknown> => globalThis as Record<symbol, unknown>;

/** Whether the background asked for this page's script to run whole. */
export const woken = (): boolean => slot()[Symbol.for(GATE_KEY)] === WAKE;

/** This page's script stopped at its glance (`gated`), or runs whole. */
export function markGate(gated: boolean): void {
  slot()[Symbol.for(GATE_KEY)] = gated ? GATED : WHOLE;
}

/**
 * Run in the tab's isolated world by the background, so self-contained (serialized): asks the
 * next start of the always-on script to run whole, and says whether one already stopped at its
 * glance (the page is parsed then: no need to wait for it).
 */
export function wakeInTab(key: string): boolean {
  const g = globalThis as Record<symbol, unknown>;
  const gated = g[Symbol.for(key)] === 'gated';
  g[Symbol.for(key)] = 'wake';
  return gated;
}
