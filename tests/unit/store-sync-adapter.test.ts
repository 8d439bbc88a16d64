import {
  deleteEntries,
  getArticle,
  getEntryByUrl,
  saveArticle,
  setStatus,
} from '@/lib/store/articles';
import { observeChanges } from '@/lib/store/changes';
import type { QariDb } from '@/lib/store/db';
import { applyRemote, type RemoteUpdate } from '@/lib/store/sync-adapter';
import { search } from '@/lib/search';
import { dropDb, freshDb, makeArticle, outbox } from './store-fixtures';

const T0 = Date.UTC(2025, 8, 1);
let db: QariDb;
// The reading list as the sync adapter sees it: the outbox, a signal, and applying remote state.
let sync: {
  changesSince(seq: number): ReturnType<typeof outbox>;
  ack(seq: number): Promise<number>;
  observe(onChange: (seq: number) => void): () => void;
  apply(updates: RemoteUpdate[]): ReturnType<typeof applyRemote>;
  list(): Promise<unknown[]>;
};
beforeEach(() => {
  db = freshDb();
  sync = {
    changesSince: async (seq) => (await outbox(db)).filter((c) => c.seq > seq),
    ack: (seq) => db.changes.where('seq').belowOrEqual(seq).delete(),
    // `since` 0: the outbox of a fresh database is empty, so a save that lands before the live
    // query's first answer (a loaded machine) still counts instead of becoming the baseline.
    observe: (onChange) => observeChanges(db, onChange, 0),
    apply: (updates) => applyRemote(db, updates),
    list: () => db.articles.toArray(),
  };
});
afterEach(() => dropDb(db));

describe('local side for the sync engine', () => {
  it('keeps an outbox of local changes until acknowledged', async () => {
    const a = await saveArticle(db, makeArticle({ url: 'https://example.com/a' }), { now: T0 });
    const b = await saveArticle(db, makeArticle({ url: 'https://example.com/b' }), { now: T0 });
    const first = await sync.changesSince(0);
    expect(first.map((c) => c.canonicalUrl)).toEqual([
      'https://example.com/a',
      'https://example.com/b',
    ]);
    await sync.ack(first[1]!.seq);
    expect(await sync.changesSince(0)).toEqual([]);
    await setStatus(db, a.entry.id, { archived: true }, T0 + 1);
    await deleteEntries(db, [b.entry.id], T0 + 2);
    const next = await sync.changesSince(first[1]!.seq);
    expect(next.map((c) => [c.canonicalUrl, c.op, c.fields])).toEqual([
      ['https://example.com/a', 'put', ['archived']],
      ['https://example.com/b', 'delete', expect.arrayContaining(['title', 'read'])],
    ]);
  });

  it('signals local changes', async () => {
    const seen: number[] = [];
    const stop = sync.observe((seq) => seen.push(seq));
    await saveArticle(db, makeArticle());
    // The first save in a worker loads the Public Suffix List (lib/url/own-site.ts), seconds on a
    // loaded machine under Vitest's transform.
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0), { timeout: 30_000 });
    stop();
    const count = seen.length;
    await saveArticle(db, makeArticle({ url: 'https://example.com/other' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBe(count);
  });
});

describe('applying remote state', () => {
  it('creates an entry without a body, searchable by title, and records no change', async () => {
    const report = await sync.apply([
      {
        canonicalUrl: 'https://aljazeera.net/news/2025/1/1/x',
        fields: {
          title: 'قمة المناخ في القاهرة',
          siteName: 'الجزيرة',
          savedAt: T0,
          favourite: true,
        },
      },
    ]);
    expect(report).toEqual({ created: 1, updated: 0, deleted: 0 });
    const e = await getEntryByUrl(db, 'https://www.aljazeera.net/news/2025/1/1/x');
    expect(e).toMatchObject({ hasBody: false, favourite: true, savedAt: T0 });
    expect(await getArticle(db, e!.id)).toBeNull();
    expect((await search(db, 'المناخ ')).hits.map((h) => h.entry.id)).toEqual([e!.id]);
    expect(await sync.changesSince(0)).toEqual([]);

    // Saving the page here later fills in the body and keeps the synced status.
    const saved = await saveArticle(
      db,
      makeArticle({ url: 'https://aljazeera.net/news/2025/1/1/x?utm_source=tw' }),
    );
    expect(saved.created).toBe(false);
    expect(saved.entry).toMatchObject({ id: e!.id, hasBody: true, favourite: true });
  });

  it('updates fields and deletes entries', async () => {
    const { entry } = await saveArticle(db, makeArticle(), { now: T0 });
    const before = (await sync.changesSince(0)).length;
    await sync.apply([
      {
        canonicalUrl: 'https://example.com/news/1',
        fields: { read: true, progress: 0.5, title: 'عنوان آخر' },
      },
    ]);
    expect(await getEntryByUrl(db, 'https://example.com/news/1')).toMatchObject({
      id: entry.id,
      read: true,
      progress: 0.5,
      article: expect.objectContaining({ title: 'عنوان آخر' }),
    });
    expect((await search(db, 'آخر ')).total).toBe(1);
    expect((await sync.changesSince(0)).length).toBe(before);
    expect(
      await sync.apply([{ canonicalUrl: 'https://example.com/news/1', deleted: true }]),
    ).toEqual({
      created: 0,
      updated: 0,
      deleted: 1,
    });
    expect(await sync.list()).toEqual([]);
    expect(await db.terms.count()).toBe(0);
  });

  it('rejects a malformed batch without applying any of it', async () => {
    await expect(
      sync.apply([
        { canonicalUrl: 'https://example.com/ok', fields: { title: 'عنوان' } },
        { canonicalUrl: 'https://example.com/bad', fields: { progress: 3 } },
      ]),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      sync.apply([{ canonicalUrl: 'ftp://example.com/x', fields: {} }]),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      sync.apply([
        { canonicalUrl: 'https://example.com/x', fields: { content: '<script>' } } as never,
      ]),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(await sync.list()).toEqual([]);
  });
});
