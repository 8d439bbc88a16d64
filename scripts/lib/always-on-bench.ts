/**
 * The always-on script's whole cost on a page's main thread, read from the browser's own trace:
 * the `EvaluateScript` task that compiles and runs it, report and listener included. Beside it,
 * the floor: an extension whose content script does nothing but what every such script must, to
 * be told commands and to report a page (one message listener, one message), measured the same
 * way in the same run. The script's own clock (`detectMs`) sees neither its compiling nor its
 * report; this measure sees both.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launch, type Launched } from '../../tests/e2e/fixtures';
import type { startServer } from '../../tests/e2e/server';
import { median, table } from './stats';

type Server = Awaited<ReturnType<typeof startServer>>;

const TRACE_CATEGORIES = ['devtools.timeline'];
// Content scripts run at document_idle, at the latest just after the load event.
const SETTLE_MS = 300;
const LOAD_TIMEOUT_MS = 5_000;

const FLOOR_SCRIPT = `chrome.runtime.onMessage.addListener(() => undefined);
chrome.runtime.sendMessage({ type: 'floor' }, () => void chrome.runtime.lastError);
`;

/** A minimal unpacked extension: the floor's content script and an empty worker. */
function floorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qari-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'floor',
    version: '1.0',
    background: { service_worker: 'background.js' },
    // Only for the test harness's launch, which sets a switch in the worker's storage.local.
    permissions: ['storage'],
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: ['floor.js'], run_at: 'document_idle' },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(join(dir, 'floor.js'), FLOOR_SCRIPT);
  return dir;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}

/**
 * Wall and thread milliseconds of the tasks that evaluated `scripts` on a fresh load of `url`,
 * summed: ours has two always-on scripts (the start script at document_start, page.js at idle),
 * and a page pays for both.
 */
async function scriptTask(
  l: Launched,
  url: string,
  scripts: readonly string[],
): Promise<{ wall: number; thread: number; later: { wall: number; thread: number } } | null> {
  const page = await l.context.newPage();
  try {
    const cdp = await l.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: TRACE_CATEGORIES },
      transferMode: 'ReportEvents',
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    // A page whose load never fires (a retrying <img onerror>, common on news sites) still gets
    // its content scripts: Chromium runs them at most 200 ms after DOMContentLoaded.
    await page.waitForLoadState('load', { timeout: LOAD_TIMEOUT_MS }).catch(() => undefined);
    await page.waitForTimeout(SETTLE_MS);
    await cdp.send('Tracing.end');
    await complete;
    const tasks = scripts.map((script) =>
      events.find(
        (e) => e.name === 'EvaluateScript' && e.ph === 'X' && e.args?.data?.url?.endsWith(script),
      ),
    );
    if (tasks.some((t) => !t?.dur)) return null;
    const end = Math.max(...tasks.map((t) => t!.ts + t!.dur!));
    // Callbacks of the scripts run after their own tasks: the report's answer (the button) above
    // all. Shown beside the task, not in it: the bar is on the task.
    const later = events.filter(
      (e) =>
        e.name === 'FunctionCall' &&
        e.ph === 'X' &&
        e.ts >= end &&
        scripts.some((script) => e.args?.data?.url?.endsWith(script)),
    );
    const sum = (list: (TraceEvent | undefined)[], f: (t: TraceEvent) => number) =>
      list.reduce((n, t) => n + f(t!), 0) / 1000;
    const wall = (t: TraceEvent) => t.dur!;
    const thread = (t: TraceEvent) => t.tdur ?? t.dur!;
    return {
      wall: sum(tasks, wall),
      thread: sum(tasks, thread),
      later: { wall: sum(later, wall), thread: sum(later, thread) },
    };
  } finally {
    await page.close();
  }
}

/**
 * The always-on scripts a build's manifest declares, all counted: ours has two (the start script
 * at document_start, page.js at idle); a build before the start script has one.
 */
function contentScripts(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  return (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []).map((js) => `/${js}`);
}

/** A kind of page, and how many ms over the floor our script may take on it. */
export interface PageClass {
  name: string;
  goal: number;
}

/**
 * Per page, in rotating order: our script's task beside the floor's (median of `runs`), and
 * beside another build's (`abDir`, e.g. the one before a change) when given; then per class of
 * page (`classOf`), the median of every run on its pages.
 */
export async function benchAlwaysOnTask(
  server: Server,
  urls: string[],
  runs: number,
  abDir?: string,
  classOf?: (url: string) => PageClass,
): Promise<void> {
  const floorDir = floorExtension();
  const browsers = [
    { name: 'ours', scripts: contentScripts(EXTENSION_DIR), l: await launch({ server }) },
    { name: 'floor', scripts: ['/floor.js'], l: await launch({ server, extensionDir: floorDir }) },
    ...(abDir
      ? [
          {
            name: 'other',
            scripts: contentScripts(abDir),
            l: await launch({ server, extensionDir: abDir }),
          },
        ]
      : []),
  ];
  const rows: (string | number)[][] = [];
  const byClass = new Map<PageClass, Map<string, Series>>();
  const wall = new Map(browsers.map((b) => [b.name, [] as number[]]));
  const thread = new Map(browsers.map((b) => [b.name, [] as number[]]));
  try {
    for (const url of urls) {
      const page = new Map(browsers.map((b) => [b.name, [] as number[]]));
      const kind = classOf?.(url);
      if (kind && !byClass.has(kind))
        byClass.set(
          kind,
          new Map(
            browsers.map((b) => [b.name, { wall: [], thread: [], laterWall: [], laterThread: [] }]),
          ),
        );
      for (let i = 0; i < runs; i++) {
        // Each browser goes first in turn: none inherits the others' warm caches.
        const k = i % browsers.length;
        for (const b of [...browsers.slice(k), ...browsers.slice(0, k)]) {
          const t = await scriptTask(b.l, url, b.scripts);
          if (!t) continue;
          page.get(b.name)?.push(t.wall);
          const c = kind && byClass.get(kind)?.get(b.name);
          if (c) {
            c.wall.push(t.wall);
            c.thread.push(t.thread);
            c.laterWall.push(t.later.wall);
            c.laterThread.push(t.later.thread);
          }
          wall.get(b.name)?.push(t.wall);
          thread.get(b.name)?.push(t.thread);
        }
      }
      rows.push([
        url.split('/').pop() ?? url,
        ...(classOf ? [kind?.name ?? ''] : []),
        ...browsers.map((b) => median(page.get(b.name) ?? []).toFixed(2)),
      ]);
    }
  } finally {
    for (const b of browsers) await b.l.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
  const columns = [
    'ours',
    'floor: listen + report only',
    ...(abDir ? [`other build (${abDir})`] : []),
  ];
  const medians = (m: Map<string, number[]>) =>
    browsers.map((b) => median(m.get(b.name) ?? []).toFixed(2));
  console.log(`\n## Always-on script, whole task from the browser's trace (ms, median of ${runs})`);
  table(['page', ...(classOf ? ['class'] : []), ...columns], rows);
  if (byClass.size)
    classTable(
      byClass,
      columns,
      browsers.map((b) => b.name),
    );
  table(
    ['measure', ...columns, 'goal'],
    [
      ['task per page, median (wall ms)', ...medians(wall), '≤ 1 ms'],
      ['the same, thread time (ms)', ...medians(thread), '—'],
    ],
  );
}

/**
 * Per class of page: each browser's median over every run on its pages, wall and thread time,
 * and ours over the floor (the goal is read on wall time, as the numbers were).
 */
/** One browser's times on a class of page: its scripts' tasks, and their callbacks after them. */
interface Series {
  wall: number[];
  thread: number[];
  laterWall: number[];
  laterThread: number[];
}

function classTable(
  byClass: Map<PageClass, Map<string, Series>>,
  columns: string[],
  names: string[],
): void {
  const rows = [...byClass].map(([kind, times]) => {
    const wall = names.map((n) => median(times.get(n)?.wall ?? []));
    const thread = names.map((n) => median(times.get(n)?.thread ?? []));
    const over = wall[0]! - wall[1]!;
    return [
      kind.name,
      ...wall.map((w, i) => `${w.toFixed(2)} (${thread[i]!.toFixed(2)})`),
      `${over.toFixed(2)} (${(thread[0]! - thread[1]!).toFixed(2)})`,
      `≤ floor + ${kind.goal} ms ${over <= kind.goal ? '✓' : '✗'}`,
    ];
  });
  console.log('\n### Per class of page: wall ms (thread ms), median over its pages and runs');
  table(['class', ...columns, 'ours − floor', 'goal'], rows);
  console.log(
    "\n### After the task: its callbacks (the report's answer, which shows the button on an Arabic article), wall ms (thread ms), median",
  );
  table(
    ['class', ...columns],
    [...byClass].map(([kind, times]) => [
      kind.name,
      ...names.map((n) => {
        const t = times.get(n);
        return `${median(t?.laterWall ?? []).toFixed(2)} (${median(t?.laterThread ?? []).toFixed(2)})`;
      }),
    ]),
  );
}
