/**
 * Where a bundle loaded on demand (lib/page/modules.ts) leaves its entry point: a symbol on the
 * isolated world's global object. Apart from `modules.ts` so that the bundles, which only
 * register, import nothing else.
 */
export type ModuleName = 'reader-tab' | 'extract-tab';

export const moduleKey = (name: ModuleName): symbol => Symbol.for(`qari.${name}`);

/** Called by a loaded bundle to make its entry point reachable by `loadModule`. */
export function registerModule(name: ModuleName, entry: unknown): void {
  (globalThis as Record<symbol, unknown>)[moduleKey(name)] = entry;
}
