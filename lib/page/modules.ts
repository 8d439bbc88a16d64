/**
 * The reader's code reaches a page only when the reader is asked for: the always-on script loads
 * it with `import()` of a packaged, web-accessible file. The file runs in this content script's
 * isolated world (never the page's), and it needs no host permission, unlike
 * `scripting.executeScript` from the background, which a click on the page's own button cannot
 * authorize. Each file is a classic bundle that registers itself under a symbol on the isolated
 * world's global object (a module import of it runs it once and caches it).
 */
import { nativeApi } from './native';
import { moduleKey as key, type ModuleName } from './registry';

export type { ModuleName };

export async function loadModule<T>(name: ModuleName): Promise<T> {
  const g = globalThis as Record<symbol, unknown>;
  if (!g[key(name)]) await import(/* @vite-ignore */ nativeApi().runtime.getURL(`/${name}.js`));
  // A bundle that failed to register leaves `undefined`: calling it throws, and callers catch.
  return g[key(name)] as T;
}
