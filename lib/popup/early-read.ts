/**
 * The popup's first page, read from the moment its HTML is parsed. A module script runs only
 * once every module it imports has been fetched and run, and the popup's view is most of them:
 * read from there, the newest entries were asked for 80–110 ms after the page opened, when the
 * page's process had been idle for most of that time. A small classic script in the page's
 * `<head>` (entrypoints/popup-early.ts) starts the read instead, and the view's bundle takes it.
 */
import { readFirstPage, type FirstPage } from './first-page';
import { PAGE_SIZE } from './paged-list';

const EARLY = Symbol.for('qari.popup-first-page');
/** Marked when the page's early script starts the read (tests check it runs before the bundle). */
export const EARLY_READ_MARK = 'qari:popup-early-read';

/**
 * A first page being read. `settled` gives it at once when it has arrived: a `then` added when
 * the view mounts runs only after the mount's render, which would then show no rows and need a
 * second render for them.
 */
export interface EarlyRead {
  page: Promise<FirstPage | null>;
  /** The page once the read has settled (null: it could not be read this way), else undefined. */
  settled: () => FirstPage | null | undefined;
}

type WithEarly = Window & { [EARLY]?: EarlyRead };

/** Reads the first page (tests pass their own). */
export type ReadPage = () => Promise<FirstPage | null>;

const readPage: ReadPage = () => readFirstPage(PAGE_SIZE);

function start(read: ReadPage): EarlyRead {
  let result: FirstPage | null | undefined;
  const page = read()
    .catch(() => null)
    .then((p) => (result = p));
  return { page, settled: () => result };
}

/** Start reading the first page (once per page) and keep it for the view. */
export function startEarlyRead(win: Window, read: ReadPage = readPage): void {
  const w = win as WithEarly;
  if (w[EARLY]) return;
  w[EARLY] = start(read);
  win.performance?.mark(EARLY_READ_MARK);
}

/** The read started early, taken once; a new read where none was started (or a second call). */
export function takeEarlyRead(win: Window, read: ReadPage = readPage): EarlyRead {
  const w = win as WithEarly;
  const early = w[EARLY];
  delete w[EARLY];
  return early ?? start(read);
}
