/**
 * A full disk, for real: the profile lives on a small tmpfs, a file fills what is left of it, and
 * the reader saves from the toolbar popup. The disk is said to be full (not "restart the
 * browser"): on the page, since Chromium's own "free up some space" bubble takes the focus and
 * closes the popup, and in the popup when it stays open. Nothing saved before is lost once the
 * file is gone, and the next save works in the same browser process, without a restart. Mounting
 * needs root; where `mount` is refused the test says why and skips.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, ROOT, SHARED_DIR, tabIdOf, type Launched } from './fixtures';
import { startServer, type PageServer } from './server';
import { listOf, send } from './sync-relay-helpers';
import { waitForShadowText } from './closed-shadow';
import { openToolbarPopup } from './toolbar-popup';

const SIZE = '256m';
const SAMPLE = '/pages/sample-article.html';
const SECOND = '/shared/corpus/real/bbcarabic-1.html';
const FILL_CHUNK = 1 << 20;
const DISK_FULL = 'لا توجد مساحة كافية على القرص';
const SAVED = 'حُفظت الصفحة في قائمة القراءة';
const ASKS_WHILE_FULL = 3;

let server: PageServer;
let dir = '';
let mounted = '';
let l: Launched | undefined;

beforeAll(async () => {
  server = await startServer([
    { prefix: '/pages/', dir: join(ROOT, 'tests/pages') },
    { prefix: '/shared/', dir: SHARED_DIR },
  ]);
  dir = mkdtempSync(join(tmpdir(), 'qari-tmpfs-'));
  const res = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE}`, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (res.status === 0) mounted = dir;
  else console.log(`full-disk test skipped: mount refused (${res.stderr || res.error})`);
});

afterAll(async () => {
  await l?.close();
  await server?.close();
  if (mounted) spawnSync('umount', [mounted]);
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Run one step of the scenario within `ms`, so a run that hangs says which step hung instead of
 * the whole test timing out in silence.
 */
async function step<T>(name: string, ms: number, run: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = Date.now();
  try {
    return await Promise.race([
      run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`full-disk test: "${name}" took over ${ms} ms`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    console.log(`full-disk test: ${name} (${Date.now() - started} ms)`);
  }
}

/** Fill the filesystem at `at` to the last byte with one file. */
function fill(at: string): string {
  const path = join(at, 'filler');
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(FILL_CHUNK, 1);
  try {
    for (let size = FILL_CHUNK; size >= 1;) {
      try {
        writeSync(fd, chunk, 0, size);
      } catch {
        size = Math.floor(size / 2);
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

interface Said {
  /** The popup's status line, or null when the popup closed before saying anything. */
  popup: string | null;
  /** The page's toast, when `onPage` was asked for and showed. */
  page: string | null;
}

/**
 * Save the page `path` from the toolbar popup; what the popup's status line says and, with
 * `onPage`, the page's toast once it contains that text.
 */
async function saveFromPopup(l: Launched, path: string, onPage?: string): Promise<Said> {
  const page = await l.context.newPage();
  await page.goto(server.url(path));
  const popup = await openToolbarPopup(l, page);
  try {
    // The save button, not the list: on a full disk the list's own read may not finish.
    await popup.until(`document.querySelector('.qari-page-actions .qari-secondary')`);
    await popup.value(`document.querySelector('.qari-page-actions .qari-secondary').click()`);
    const shown = await popup
      .until(
        `document.querySelector('.qari-page-status')?.textContent && !document.querySelector('.qari-page-actions .qari-secondary[aria-busy="true"]')`,
        30_000,
      )
      .then(
        () => true,
        (err: unknown) => {
          if (!String(err).includes('No session')) throw err;
          return false;
        },
      );
    const said = shown
      ? await popup.value<string>(`document.querySelector('.qari-page-status').textContent`)
      : null;
    const toast = onPage
      ? await waitForShadowText(page, ':root > div', onPage).then(
          (v) => v.text,
          () => null,
        )
      : null;
    return { popup: said, page: toast };
  } finally {
    await popup.close();
    await page.close();
  }
}

describe('a full disk', () => {
  it('says the disk is full when saving from the toolbar popup, loses nothing, and saves again once space is back without a restart', async (ctx) => {
    if (!mounted) ctx.skip();
    l = await step('launch', 40_000, () =>
      launch({ server, userDataDir: join(mounted, 'profile'), headless: false }),
    );
    const browser = l;
    const options = await step('options page', 20_000, () => browser.extensionPage('options.html'));
    const before = await step('first save', 30_000, async () => {
      const first = await browser.context.newPage();
      await first.goto(server.url(SAMPLE));
      const saved = await send<{ ok: boolean }>(options, 'library:saveTab', {
        tabId: await tabIdOf(browser, first),
      });
      expect(saved.ok).toBe(true);
      await first.close();
      return listOf(options);
    });
    expect(before.size).toBe(1);

    const filler = fill(mounted);
    expect(statfsSync(mounted).bavail).toBe(0);
    // Chromium answers the first failed write with its own "free up some space" bubble, which
    // takes the focus and closes the toolbar popup: the page's toast says it then.
    const full = await step('save on a full disk', 50_000, () =>
      saveFromPopup(browser, SECOND, DISK_FULL),
    );
    expect(full.page).toContain(DISK_FULL);
    if (full.popup !== null) expect(full.popup).toContain(DISK_FULL);

    // While the disk is still full the background is asked about the list again, as a popup
    // opened on another page asks whether it is saved: a reopen of its connection fails then,
    // and that failure must not outlive the full disk.
    await step('asked about the list while the disk is full', 20_000, async () => {
      for (let i = 0; i < ASKS_WHILE_FULL; i++)
        await send<boolean>(options, 'library:isSaved', { url: server.url(SECOND) });
    });
    rmSync(filler);
    // Nothing saved before is lost: the list read afresh from disk still holds it.
    const kept = await step('list after freeing the disk', 30_000, async () =>
      listOf(await browser.extensionPage('options.html')),
    );
    for (const url of before.keys()) expect(kept.has(url)).toBe(true);
    const again = await step('save after freeing the disk', 50_000, () =>
      saveFromPopup(browser, SECOND),
    );
    expect(again.popup).toContain(SAVED);
    const after = await listOf(await browser.extensionPage('options.html'));
    expect(after.size).toBe(2);
    for (const url of before.keys()) expect(after.has(url)).toBe(true);
  }, 240_000);
});
