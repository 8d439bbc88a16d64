/**
 * The persistent import queue: imported links waiting to be fetched and extracted in the
 * background. All state is in IndexedDB (`imports`, `importControl`), so a stopped service worker
 * or a browser restart loses nothing: `start()` at start-up and on an alarm picks up where it
 * was. A fetch cut short counts for nothing and is simply tried again.
 *
 * Politeness: a few fetches at once, at most one per host, and a pause between two fetches to the
 * same host. Network errors, timeouts and 5xx are retried with exponential backoff; a 404 or a
 * page that is not an Arabic article is not.
 */
import type { FetchExtractOptions, FetchExtractResult } from '../fetch/fetch-extract';
import type { QariDb } from '../store/db';
import { addLinkEntries, attachArticle, setImportFailure } from './entries';
import { articleFailure, failureOf, isRetryable, type FailureCode } from './failure';
import type { ImportRow } from './queue-row';
import type { ImportItem, QueueFailure, QueueStatus } from './types';

export type { QueueFailure, QueueStatus } from './types';

export type Fetcher = (url: string, opts?: FetchExtractOptions) => Promise<FetchExtractResult>;

export interface QueueOptions {
  concurrency: number;
  /** Pause between two fetches to the same host (ms). */
  hostDelayMs: number;
  /** Tries before a retryable failure is final. */
  maxAttempts: number;
  /** Backoff after the first failure (ms); doubled after each further one. */
  backoffMs: number;
  maxBackoffMs: number;
  timeoutMs: number;
}

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  concurrency: 3,
  hostDelayMs: 1000,
  maxAttempts: 4,
  backoffMs: 30_000,
  maxBackoffMs: 30 * 60_000,
  timeoutMs: 20_000,
};

export interface EnqueueReport {
  /** New entries. */
  added: number;
  /** Links that were already on the list (their state merged). */
  merged: number;
  /** Links queued for fetching. */
  queued: number;
}

const CONTROL_ID = 'control';
const ENQUEUE_CHUNK = 500;
// Due rows read per scheduling pass; enough to find hosts not busy among many from one site.
const SCAN_LIMIT = 300;
const MAX_FAILURES_SHOWN = 200;
// The fetcher has its own timeout; this one, a little later, ends a fetch that never settles at
// all (a stuck parser, a lost message), so no link waits without a reason.
const DEADLINE_GRACE_MS = 5_000;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

const shownFailure = (r: ImportRow): QueueFailure => ({
  url: r.url,
  title: r.title,
  reason: r.reason ?? 'error',
  entryId: r.entryId,
});

export class ImportQueue {
  private readonly opts: QueueOptions;
  private readonly active = new Map<string, AbortController>();
  private readonly busyHosts = new Set<string>();
  private readonly lastStart = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = Infinity;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private idleWaiters: (() => void)[] = [];
  private paused: boolean | null = null;

  constructor(
    private readonly db: QariDb,
    private readonly fetcher: Fetcher,
    opts: Partial<QueueOptions> = {},
    private readonly now: () => number = Date.now,
    private readonly onChange: () => void = () => undefined,
  ) {
    this.opts = { ...DEFAULT_QUEUE_OPTIONS, ...opts };
  }

  /** Create the entries of `items` and queue those without an article. */
  async enqueue(items: readonly ImportItem[]): Promise<EnqueueReport> {
    const report: EnqueueReport = { added: 0, merged: 0, queued: 0 };
    for (let i = 0; i < items.length; i += ENQUEUE_CHUNK) {
      const chunk = items.slice(i, i + ENQUEUE_CHUNK);
      const now = this.now();
      const links = await addLinkEntries(this.db, chunk, now);
      const rows: ImportRow[] = [];
      const known = new Set(
        (await this.db.imports.bulkGet(links.map((l) => l.canonicalUrl)))
          .filter((r) => r && r.state === 'waiting')
          .map((r) => r!.canonicalUrl),
      );
      links.forEach((l, j) => {
        report[l.created ? 'added' : 'merged'] += 1;
        if (l.hasBody || known.has(l.canonicalUrl)) return;
        const item = chunk[j]!;
        rows.push({
          canonicalUrl: l.canonicalUrl,
          url: item.url,
          title: item.title,
          host: hostOf(item.url),
          entryId: l.entryId,
          state: 'waiting',
          attempts: 0,
          due: now,
          addedAt: now,
        });
      });
      await this.db.imports.bulkPut(rows);
      report.queued += rows.length;
    }
    this.onChange();
    this.kick();
    return report;
  }

  async isPaused(): Promise<boolean> {
    this.paused ??= (await this.db.importControl.get(CONTROL_ID))?.paused ?? false;
    return this.paused;
  }

  async pause(): Promise<void> {
    this.paused = true;
    await this.db.importControl.put({ id: CONTROL_ID, paused: true });
    this.clearTimer();
    for (const c of this.active.values()) c.abort();
    this.onChange();
  }

  async resume(): Promise<void> {
    this.paused = false;
    await this.db.importControl.put({ id: CONTROL_ID, paused: false });
    this.onChange();
    this.kick();
  }

  /** Start (or continue) working through the queue: at start-up, on the alarm, after changes. */
  start(): void {
    this.kick();
  }

  /** Queue every failed link again. */
  async retryFailed(): Promise<number> {
    const now = this.now();
    const failed = await this.db.imports.where('state').equals('failed').toArray();
    await this.db.imports.bulkPut(
      failed.map((r) => ({ ...r, state: 'waiting' as const, attempts: 0, due: now })),
    );
    for (const r of failed) await setImportFailure(this.db, r.entryId, null);
    this.onChange();
    this.kick();
    return failed.length;
  }

  async status(): Promise<QueueStatus> {
    const t = this.db.imports;
    const [waiting, done, failedRows, paused] = await Promise.all([
      t.where('state').equals('waiting').count(),
      t.where('state').equals('done').count(),
      t.where('state').equals('failed').limit(MAX_FAILURES_SHOWN).toArray(),
      this.isPaused(),
    ]);
    const failed = await t.where('state').equals('failed').count();
    const retrying = await t
      .where('state')
      .equals('waiting')
      .filter((r) => r.reason !== undefined)
      .limit(MAX_FAILURES_SHOWN)
      .toArray();
    return {
      waiting,
      done,
      failed,
      running: this.active.size,
      paused,
      failures: failedRows.map(shownFailure),
      retrying: retrying.map(shownFailure),
    };
  }

  /** Resolves when nothing is running and nothing is due (for tests and the benchmark). */
  whenIdle(): Promise<void> {
    if (this.active.size === 0 && !this.pumping && this.timer === null) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Forget finished rows (done ones); failed ones stay for the page to show and retry. */
  async clearDone(): Promise<void> {
    await this.db.imports.where('state').equals('done').delete();
    this.onChange();
  }

  private kick(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.pump()
      .catch(() => undefined)
      .finally(() => {
        this.pumping = null;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.kick();
        } else this.checkIdle();
      });
  }

  private checkIdle(): void {
    if (this.active.size > 0 || this.pumping || this.timer !== null) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }

  private wakeAt(at: number): void {
    if (at >= this.timerAt) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Infinity;
        this.kick();
      },
      Math.max(0, at - this.now()),
    );
  }

  /** Start as many due rows as the limits allow; set a timer for the next one otherwise. */
  private async pump(): Promise<void> {
    if (await this.isPaused()) return;
    const free = this.opts.concurrency - this.active.size;
    if (free <= 0) return;
    const now = this.now();
    const due = await this.db.imports
      .where('[state+due]')
      .between(['waiting', -Infinity], ['waiting', Infinity])
      .limit(SCAN_LIMIT)
      .toArray();
    let next = Infinity;
    let started = 0;
    const hosts = new Set(this.busyHosts);
    for (const row of due) {
      if (started >= free) break;
      if (this.active.has(row.canonicalUrl)) continue;
      const hostFree = (this.lastStart.get(row.host) ?? -Infinity) + this.opts.hostDelayMs;
      const at = Math.max(row.due, hostFree);
      if (hosts.has(row.host)) continue;
      if (at > now) {
        next = Math.min(next, at);
        continue;
      }
      hosts.add(row.host);
      started++;
      this.run(row);
    }
    if (started === 0 && next < Infinity) this.wakeAt(next);
  }

  private run(row: ImportRow): void {
    const controller = new AbortController();
    this.active.set(row.canonicalUrl, controller);
    this.busyHosts.add(row.host);
    this.lastStart.set(row.host, this.now());
    void this.process(row, controller.signal)
      .catch(() => undefined)
      .finally(() => {
        this.active.delete(row.canonicalUrl);
        this.busyHosts.delete(row.host);
        this.onChange();
        this.kick();
      });
  }

  /** The fetcher's answer, or a timeout if it has not answered by its timeout and a grace. */
  private fetchWithDeadline(url: string, signal: AbortSignal): Promise<FetchExtractResult> {
    const timeoutMs = this.opts.timeoutMs;
    const cut = new AbortController();
    const onAbort = () => cut.abort();
    signal.addEventListener('abort', onAbort);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<FetchExtractResult>((resolve) => {
      timer = setTimeout(() => {
        cut.abort();
        resolve({ ok: false, reason: 'timeout' });
      }, timeoutMs + DEADLINE_GRACE_MS);
    });
    return Promise.race([this.fetcher(url, { signal: cut.signal, timeoutMs }), deadline]).finally(
      () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      },
    );
  }

  private async process(row: ImportRow, signal: AbortSignal): Promise<void> {
    const result = await this.fetchWithDeadline(row.url, signal);
    // Paused mid-fetch: the row stays as it was and is fetched again on resume.
    if (signal.aborted) return;
    if (result.ok) {
      const failure = articleFailure(result.article);
      if (failure) return this.fail(row, failure);
      await attachArticle(this.db, row.entryId, result.article, this.now());
      await this.db.imports.put({ ...row, state: 'done', reason: undefined });
      return;
    }
    if (result.reason === 'aborted') return;
    const code = failureOf(result.reason);
    const attempts = row.attempts + 1;
    if (isRetryable(code) && attempts < this.opts.maxAttempts) {
      const wait = Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** (attempts - 1));
      await this.db.imports.put({ ...row, attempts, reason: code, due: this.now() + wait });
      return;
    }
    return this.fail({ ...row, attempts }, code);
  }

  private async fail(row: ImportRow, code: FailureCode): Promise<void> {
    await this.db.imports.put({ ...row, state: 'failed', reason: code });
    await setImportFailure(this.db, row.entryId, code);
  }
}
