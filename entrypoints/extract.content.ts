import { extract } from '@/lib/extract';

// Injected on demand by the background (never on its own): extracts the page's article and
// returns it as the result of `scripting.executeScript`.
export default defineContentScript({
  // Web pages only: nothing the reader offers needs file:, ftp: or other schemes.
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main() {
    return extract(document);
  },
});
