/**
 * `npm run bench import`: how fast an imported reading list is fetched and extracted from
 * loopback pages spread over several hosts (the queue's per-host pause applies per host), and how
 * the popup's search answers while that queue runs compared with when it is idle.
 */
import type { Page } from 'playwright-core';
import { launch, SHARED_DIR } from '../../tests/e2e/fixtures';
import { articlePage, sendHtml } from '../../tests/e2e/import-pages';
import { startServer, type PageServer } from '../../tests/e2e/server';
import { quantile, table } from '../lib/stats';

const PAGES = Number(process.env.BENCH_IMPORT_PAGES ?? 100);
// 127.0.0.2… are loopback too; with 127.0.0.1 that makes five hosts.
const EXTRA_HOSTS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];
const IDLE_QUERIES = 40;
const PAUSE_BETWEEN_QUERIES_MS = 150;
const POLL_MS = 250;
const TIMEOUT_MS = 10 * 60_000;

interface QueueStatus {
  waiting: number;
  done: number;
  failed: number;
}

/** Queries as readers type them: the pages' city names without hamza or teh marbuta. */
function queries(count: number): string[] {
  const loosen = (w: string) => w.replace(/[أإآ]/g, 'ا').replace(/ة$/, 'ه');
  const words = Array.from({ length: count }, (_, i) => loosen(articlePage(i).keyword));
  // Consecutive queries differ, so each one changes what the popup shows.
  return words.filter((w, i) => i === 0 || w !== words[i - 1]);
}

/** Time from typing a query to its results shown (`data-query` set and not busy), in the page. */
function timeSearch(popup: Page, query: string): Promise<number> {
  return popup.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('#qari-search')!;
    const root = document.querySelector('.qari-popup')!;
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // No named helpers in here: tsx would wrap them in a `__name` call the page does not have.
    await new Promise<void>((resolve) => {
      const obs = new MutationObserver(() => {
        if (root.getAttribute('data-query') !== q || root.getAttribute('aria-busy') !== 'false')
          return;
        obs.disconnect();
        resolve();
      });
      obs.observe(root, { attributes: true });
    });
    return performance.now() - t0;
  }, query);
}

function status(page: Page): Promise<QueueStatus> {
  return page.evaluate(
    () =>
      chrome.runtime.sendMessage({ type: 'import:status', payload: {} }) as Promise<QueueStatus>,
  );
}

const pq = (xs: number[]) => `${quantile(xs, 0.5).toFixed(1)} / ${quantile(xs, 0.95).toFixed(1)}`;

export async function benchImport(): Promise<void> {
  const main = await startServer([{ prefix: '/shared/', dir: SHARED_DIR }]);
  const extra = await Promise.all(EXTRA_HOSTS.map((host) => startServer([], 0, { host })));
  const servers: PageServer[] = [main, ...extra];
  const pages = Array.from({ length: PAGES }, (_, i) => articlePage(i));
  for (const p of pages)
    for (const s of servers) s.routes.set(p.path, (res) => sendHtml(res, p.html));
  // The links as the import page's worker sends them after parsing a Pocket export.
  const items = pages.map((p, i) => ({
    url: servers[i % servers.length]!.url(p.path),
    title: p.title,
    savedAt: Date.now(),
    read: false,
    archived: false,
    favourite: false,
    tags: [],
  }));
  const qs = queries(PAGES);
  const l = await launch({ server: main });
  try {
    const popup = await l.extensionPage('popup.html');
    await popup.getByRole('searchbox').waitFor();
    const control = await l.extensionPage('import.html');
    const started = Date.now();
    const report = await control.evaluate(
      (links) =>
        chrome.runtime.sendMessage({
          type: 'import:links',
          payload: { items: links },
        }) as Promise<{ ok: boolean }>,
      items,
    );
    if (!report.ok) throw new Error(`import:links failed: ${JSON.stringify(report)}`);

    let finished = false;
    let final: QueueStatus = { waiting: PAGES, done: 0, failed: 0 };
    const watcher = (async () => {
      while (Date.now() - started < TIMEOUT_MS) {
        final = await status(control);
        if (final.waiting === 0 && final.done + final.failed >= PAGES) break;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      finished = true;
    })();
    const during: number[] = [];
    for (let i = 0; !finished; i++) {
      during.push(await timeSearch(popup, qs[i % qs.length]!));
      await new Promise((r) => setTimeout(r, PAUSE_BETWEEN_QUERIES_MS));
    }
    await watcher;
    const seconds = (Date.now() - started) / 1000;

    const idle: number[] = [];
    for (let i = 0; i < IDLE_QUERIES; i++) {
      idle.push(await timeSearch(popup, qs[i % qs.length]!));
      await new Promise((r) => setTimeout(r, PAUSE_BETWEEN_QUERIES_MS));
    }

    console.log(
      `\n## Import: ${PAGES} Arabic article pages from ${servers.length} loopback hosts (queue: 3 at once, 1 per host, 1 s apart per host)`,
    );
    table(
      ['measure', 'value'],
      [
        ['saved / failed', `${final.done} / ${final.failed}`],
        ['wall time (s)', seconds.toFixed(1)],
        ['imported and extracted pages per minute', ((final.done / seconds) * 60).toFixed(0)],
      ],
    );
    table(
      ['popup search: typing → results shown (ms, p50 / p95)', 'during the import', 'idle'],
      [
        [
          `${during.length} queries during, ${idle.length} idle (80 ms debounce included)`,
          pq(during),
          pq(idle),
        ],
      ],
    );
  } finally {
    await l.close();
    await Promise.all(servers.map((s) => s.close()));
  }
}
