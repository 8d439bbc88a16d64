/**
 * `npm run bench -- always-on`: the always-on script's whole task per page, on the Arabic corpus
 * and on non-Arabic pages (English and French news, heavy pages: ./web-pages.ts), beside the
 * floor, per class of page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAlwaysOnTask, type PageClass } from '../lib/always-on-bench';
import { RUNS, AB_DIR, ONLY_PAGES, pagesServer } from './common';
import { writeWebPages } from './web-pages';

const WEB_PREFIX = '/web/';

// The bars: Arabic article pages may pay for detection and the button, other pages
// barely more than any content script does.
const CLASSES: (PageClass & { test: (path: string) => boolean })[] = [
  { name: 'English and French news', goal: 1, test: (p) => /\/web\/(en|fr)-/.test(p) },
  { name: 'heavy pages (English)', goal: 1, test: (p) => /\/web\/heavy-/.test(p) },
  { name: 'Persian and Urdu (Arabic script)', goal: 1, test: (p) => /-(fa|ur)-\d/.test(p) },
  { name: 'Arabic, not an article', goal: 3, test: (p) => /-nonart-/.test(p) },
  { name: 'Arabic article', goal: 3, test: () => true },
];

const classOf = (url: string): PageClass => CLASSES.find((c) => c.test(new URL(url).pathname))!;

/** The always-on script's whole task per page (trace), beside the floor any such script pays. */
export async function benchAlwaysOn(): Promise<void> {
  const webDir = mkdtempSync(join(tmpdir(), 'qari-web-pages-'));
  const web = { dir: webDir, prefix: WEB_PREFIX, files: writeWebPages(webDir, ONLY_PAGES) };
  const { sets, server } = await pagesServer([web]);
  try {
    const urls = sets.flatMap((s) => s.files.map((f) => server.url(s.prefix + f)));
    await benchAlwaysOnTask(server, urls, RUNS, AB_DIR, classOf);
  } finally {
    await server.close();
    rmSync(webDir, { recursive: true, force: true });
  }
}
