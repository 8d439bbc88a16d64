// The always-on script's clock (lib/page/index.ts imports this module before any other).
export const STARTED = performance.now();
