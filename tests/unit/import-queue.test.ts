import type { FetchExtractOptions, FetchExtractResult } from '@/lib/fetch/fetch-extract';
import { ImportQueue, type QueueOptions } from '@/lib/import/queue';
import type { ImportItem } from '@/lib/import/types';
import { getArticle, listEntries, saveArticle, setStatus } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { search } from '@/lib/search';
import { extract } from '@/lib/extract';
import { dropDb, freshDb, makeArticle } from './store-fixtures';
import { loadHtml, readPage } from './extract-pages';

const OPTS: Partial<QueueOptions> = {
  concurrency: 3,
  hostDelayMs: 1000,
  maxAttempts: 3,
  backoffMs: 10_000,
  maxBackoffMs: 60_000,
};

function item(url: string, over: Partial<ImportItem> = {}): ImportItem {
  return {
    url,
    title: `عنوان ${url}`,
    savedAt: 1_700_000_000_000,
    read: false,
    archived: false,
    favourite: false,
    tags: [],
    ...over,
  };
}

interface Call {
  url: string;
  signal?: AbortSignal;
  resolve: (r: FetchExtractResult) => void;
}

/** A fetcher whose answers the test gives by hand, recording what is in flight. */
function fakeFetcher() {
  const pending: Call[] = [];
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const hostsInFlight = new Map<string, number>();
  let maxPerHost = 0;
  const fetcher = (url: string, opts?: FetchExtractOptions) =>
    new Promise<FetchExtractResult>((resolve) => {
      calls.push(url);
      const host = new URL(url).hostname;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      hostsInFlight.set(host, (hostsInFlight.get(host) ?? 0) + 1);
      maxPerHost = Math.max(maxPerHost, hostsInFlight.get(host)!);
      const done = (r: FetchExtractResult) => {
        inFlight--;
        hostsInFlight.set(host, hostsInFlight.get(host)! - 1);
        resolve(r);
      };
      opts?.signal?.addEventListener('abort', () => done({ ok: false, reason: 'aborted' }));
      pending.push({ url, signal: opts?.signal, resolve: done });
    });
  const answer = (url: string, r: FetchExtractResult) => {
    const i = pending.findIndex((c) => c.url === url);
    if (i < 0) throw new Error(`no pending fetch for ${url}`);
    pending.splice(i, 1)[0]!.resolve(r);
  };
  return {
    fetcher,
    pending,
    calls,
    answer,
    stats: () => ({ maxInFlight, maxPerHost }),
  };
}

const ok = (url: string, title: string, lang = 'ar'): FetchExtractResult => ({
  ok: true,
  article: makeArticle({ url, title, lang, text: `${title}\n\nنص عن المكتبات العامة في المدينة` }),
  timings: { extractMs: 1 },
  finalUrl: url,
});

/**
 * Let promise chains and IndexedDB callbacks run (fake-indexeddb uses setImmediate): enough turns
 * for two saves to finish, each a dozen requests (the search terms' write also updates the title
 * postings).
 */
async function settle(rounds = 120): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}

let db: QariDb;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(1_750_000_000_000);
  db = freshDb();
});

afterEach(async () => {
  vi.useRealTimers();
  await dropDb(db);
});

describe('import queue', () => {
  it("lists imported links at once, body-less, and merges with saved entries adding tags, keeping the reader's state", async () => {
    const saved = await saveArticle(db, makeArticle({ url: 'https://www.example.com/news/1' }));
    await setStatus(db, saved.entry.id, { favourite: true });
    const f = fakeFetcher();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    const report = await q.enqueue([
      item('https://example.com/news/1?utm_source=x', { read: true, tags: ['قديم'] }),
      item('https://a.example/1', { archived: true, read: true }),
    ]);
    expect(report).toEqual({ added: 1, merged: 1, queued: 1 });
    const { entries } = await listEntries(db);
    expect(entries).toHaveLength(2);
    const merged = entries.find((e) => e.id === saved.entry.id)!;
    expect(merged).toMatchObject({ read: false, favourite: true, hasBody: true, tags: ['قديم'] });
    const link = entries.find((e) => e.id !== saved.entry.id)!;
    expect(link).toMatchObject({ hasBody: false, archived: true, read: true });
    expect(link.article.title).toBe('عنوان https://a.example/1');
    await settle();
    expect(f.calls).toEqual(['https://a.example/1']);
  });

  it('fetches three at a time, one per host, with a pause between fetches to a host', async () => {
    const f = fakeFetcher();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    const urls = ['a', 'b', 'c', 'd'].flatMap((h) =>
      [1, 2].map((n) => `https://${h}.example/${n}`),
    );
    await q.enqueue(urls.map((u) => item(u)));
    await settle();
    expect(f.pending).toHaveLength(3);
    expect(new Set(f.pending.map((c) => new URL(c.url).hostname)).size).toBe(3);
    // Finish everything in flight as it comes; the host delay gates the second page of each host.
    for (let round = 0; round < 20 && f.calls.length < urls.length + 0; round++) {
      for (const c of [...f.pending]) f.answer(c.url, ok(c.url, 'مقال'));
      await settle();
      await vi.advanceTimersByTimeAsync(500);
      await settle();
    }
    for (const c of [...f.pending]) f.answer(c.url, ok(c.url, 'مقال'));
    await settle();
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    for (const c of [...f.pending]) f.answer(c.url, ok(c.url, 'مقال'));
    await settle();
    expect([...f.calls].sort()).toEqual([...urls].sort());
    expect(f.stats()).toEqual({ maxInFlight: 3, maxPerHost: 1 });
    const status = await q.status();
    expect(status).toMatchObject({ waiting: 0, done: 8, failed: 0 });
  });

  it('never starts a second fetch to a host before the delay has passed', async () => {
    const f = fakeFetcher();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    await q.enqueue([item('https://one.example/1'), item('https://one.example/2')]);
    await settle();
    f.answer('https://one.example/1', ok('https://one.example/1', 'أ'));
    await settle();
    await vi.advanceTimersByTimeAsync(900);
    await settle();
    expect(f.calls).toEqual(['https://one.example/1']);
    await vi.advanceTimersByTimeAsync(200);
    await settle();
    expect(f.calls).toEqual(['https://one.example/1', 'https://one.example/2']);
  });

  it('saves the article into the entry so search finds it, keeping the imported URL', async () => {
    const f = fakeFetcher();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    await q.enqueue([item('https://n.example/story')]);
    await settle();
    f.answer(
      'https://n.example/story',
      ok('https://n.example/final', 'المكتبات العامة تفتح أبوابها'),
    );
    await settle();
    const { entries } = await listEntries(db);
    expect(entries[0]).toMatchObject({ hasBody: true });
    expect(entries[0]!.article.url).toBe('https://n.example/story');
    expect((await getArticle(db, entries[0]!.id))?.text).toContain('المكتبات');
    const found = await search(db, 'المكتبه');
    expect(found.hits.map((h) => h.entry.id)).toEqual([entries[0]!.id]);
  });

  it('retries network errors and 5xx with growing backoff, then gives up with the reason', async () => {
    const f = fakeFetcher();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    await q.enqueue([item('https://flaky.example/1')]);
    await settle();
    f.answer('https://flaky.example/1', { ok: false, reason: 'network' });
    await settle();
    await vi.advanceTimersByTimeAsync(9_000);
    await settle();
    expect(f.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_500);
    await settle();
    expect(f.calls).toHaveLength(2);
    f.answer('https://flaky.example/1', { ok: false, reason: 'http-503' });
    await settle();
    await vi.advanceTimersByTimeAsync(15_000);
    await settle();
    expect(f.calls).toHaveLength(2); // second backoff is 20 s
    await vi.advanceTimersByTimeAsync(6_000);
    await settle();
    expect(f.calls).toHaveLength(3);
    f.answer('https://flaky.example/1', { ok: false, reason: 'timeout' });
    await settle();
    const status = await q.status();
    expect(status).toMatchObject({ waiting: 0, failed: 1 });
    expect(status.failures[0]).toMatchObject({ url: 'https://flaky.example/1', reason: 'timeout' });
    const { entries } = await listEntries(db);
    expect(entries[0]).toMatchObject({ hasBody: false, importFailure: 'timeout' });
  });

  it.each([
    ['http-404', 'gone'],
    ['no-content', 'not-article'],
    ['not-html', 'not-article'],
  ] as const)('does not retry %s (%s)', async (reason, code) => {
    const f = fakeFetcher();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    await q.enqueue([item('https://x.example/1')]);
    await settle();
    f.answer('https://x.example/1', { ok: false, reason });
    await settle();
    await vi.advanceTimersByTimeAsync(600_000);
    await settle();
    expect(f.calls).toHaveLength(1);
    expect((await listEntries(db)).entries[0]!.importFailure).toBe(code);
  });

  it('keeps a page that is not Arabic as a link with its reason', async () => {
    const f = fakeFetcher();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    await q.enqueue([item('https://en.example/1')]);
    await settle();
    f.answer('https://en.example/1', ok('https://en.example/1', 'English', 'en'));
    await settle();
    const e = (await listEntries(db)).entries[0]!;
    expect(e).toMatchObject({ hasBody: false, importFailure: 'not-arabic' });
  });

  it('keeps a page of headline links (a section front) as a link, not an article', async () => {
    const f = fakeFetcher();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    await q.enqueue([item('https://news.example/section')]);
    await settle();
    const links = Array.from(
      { length: 20 },
      (_, i) => `<li><a href="/n/${i}">خبر رقم ${i}</a></li>`,
    );
    const page = ok('https://news.example/section', 'الأقسام');
    if (page.ok) page.article.content = `<ul>${links.join('')}</ul>`;
    f.answer('https://news.example/section', page);
    await settle();
    const e = (await listEntries(db)).entries[0]!;
    expect(e).toMatchObject({ hasBody: false, importFailure: 'not-article' });
  });

  it('reports an Arabic directory page (a link hub) as not an article, not as not Arabic', async () => {
    const url = 'https://www.arabicmedia.example/';
    const html = readPage({
      file: 'corpus/real/arabicmedia-nonart-1.html',
      encoding: 'windows-1256',
    });
    const page = loadHtml(html, url);
    // The shared machine's happy-dom is far slower than a browser: no time budget here.
    const result = extract(page.document, { timeBudgetMs: Infinity });
    await page.close();
    expect(result).toMatchObject({ ok: true });
    const f = fakeFetcher();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    await q.enqueue([item(url)]);
    await settle();
    f.answer(url, result.ok ? { ...result, finalUrl: url } : { ok: false, reason: 'error' });
    await settle();
    expect((await listEntries(db)).entries[0]).toMatchObject({
      hasBody: false,
      importFailure: 'not-article',
    });
  });

  it('shows the reason of a link waiting to be tried again, not only «في الانتظار»', async () => {
    const f = fakeFetcher();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    await q.enqueue([item('https://unreachable.example/1')]);
    await settle();
    f.answer('https://unreachable.example/1', { ok: false, reason: 'network' });
    await settle();
    const status = await q.status();
    expect(status).toMatchObject({ waiting: 1, failed: 0 });
    expect(status.retrying).toEqual([
      expect.objectContaining({ url: 'https://unreachable.example/1', reason: 'network' }),
    ]);
  });

  it('times out a fetch that never answers, with its reason, instead of waiting forever', async () => {
    const hung = (_url: string, _opts?: FetchExtractOptions) =>
      new Promise<FetchExtractResult>(() => undefined);
    const q = new ImportQueue(db, hung, { ...OPTS, timeoutMs: 5_000, maxAttempts: 1 });
    await q.enqueue([item('https://blackhole.example/1')]);
    await settle();
    await vi.advanceTimersByTimeAsync(10_000);
    await settle();
    const status = await q.status();
    expect(status).toMatchObject({ waiting: 0, failed: 1, running: 0 });
    expect(status.failures[0]).toMatchObject({ reason: 'timeout' });
  });

  it('pauses (in-flight fetches cut, not counted) and resumes where it was', async () => {
    const f = fakeFetcher();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    await q.enqueue([item('https://p.example/1'), item('https://q.example/1')]);
    await settle();
    expect(f.pending).toHaveLength(2);
    await q.pause();
    await settle();
    expect(f.pending.filter((c) => !c.signal?.aborted)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(f.calls).toHaveLength(2);
    expect(await q.status()).toMatchObject({ paused: true, waiting: 2, failed: 0 });
    await q.resume();
    await settle();
    expect(f.calls).toHaveLength(4);
    for (const c of [...f.pending]) f.answer(c.url, ok(c.url, 'مقال'));
    await settle();
    expect(await q.status()).toMatchObject({ paused: false, waiting: 0, done: 2 });
  });

  it('survives a restart: a new queue over the same database resumes, nothing lost or doubled', async () => {
    const f1 = fakeFetcher();
    const q1 = new ImportQueue(db, f1.fetcher, OPTS);
    const urls = Array.from({ length: 6 }, (_, i) => `https://h${i}.example/a`);
    await q1.enqueue(urls.map((u) => item(u)));
    await settle();
    f1.answer(urls[0]!, ok(urls[0]!, 'الأول'));
    await settle();
    // The worker dies here: fetches in flight never answer.
    const f2 = fakeFetcher();
    const q2 = new ImportQueue(db, f2.fetcher, OPTS);
    q2.start();
    await settle();
    for (let i = 0; i < 5 && f2.pending.length > 0; i++) {
      for (const c of [...f2.pending]) f2.answer(c.url, ok(c.url, 'مقال'));
      await settle();
    }
    expect(f2.calls).not.toContain(urls[0]);
    expect([...f2.calls].sort()).toEqual(urls.slice(1).sort());
    const { entries, total } = await listEntries(db);
    expect(total).toBe(6);
    expect(entries.every((e) => e.hasBody)).toBe(true);
    // Importing the same file again duplicates nothing and queues nothing.
    expect(await q2.enqueue(urls.map((u) => item(u)))).toEqual({ added: 0, merged: 6, queued: 0 });
  });

  it('a paused queue stays paused across a restart', async () => {
    const f = fakeFetcher();
    await new ImportQueue(db, f.fetcher, OPTS).pause();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    await q.enqueue([item('https://z.example/1')]);
    q.start();
    await settle();
    expect(f.calls).toEqual([]);
  });

  it('retryFailed queues failed links again and clears their reason', async () => {
    const f = fakeFetcher();
    const q = new ImportQueue(db, f.fetcher, OPTS);
    await q.enqueue([item('https://r.example/1')]);
    await settle();
    f.answer('https://r.example/1', { ok: false, reason: 'http-404' });
    await settle();
    expect(await q.retryFailed()).toBe(1);
    await settle();
    expect((await listEntries(db)).entries[0]!.importFailure).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(f.calls).toHaveLength(2);
  });
});
