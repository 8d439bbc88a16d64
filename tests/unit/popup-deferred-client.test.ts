import type { LibraryClient } from '@/lib/popup/client';
import { deferredClient, type FirstPageRead } from '@/lib/popup/deferred-client';
import { startEarlyRead, takeEarlyRead } from '@/lib/popup/early-read';
import type { FirstPage } from '@/lib/popup/first-page';
import type { Entry } from '@/lib/store/entry';

const entry = (id: number) => ({ id }) as Entry;
const page = (ids: number[], total = ids.length, since = 0): FirstPage => ({
  items: ids.map((id) => ({ entry: entry(id) })),
  total,
  since,
});
const settle = () => new Promise((r) => setTimeout(r, 5));

/** A first-page read that counts its calls and settles when told (at once by default). */
function reader(p: FirstPage, { held = false } = {}) {
  let release = (): void => undefined;
  const read = Object.assign(
    vi.fn(
      () =>
        new Promise<FirstPage | null>((resolve) => {
          release = () => resolve(p);
          if (!held) release();
        }),
    ),
    { release: () => release() },
  );
  return read;
}

function fullClient() {
  const c = {
    unwatched: 0,
    list: vi.fn(async (_f: string, offset: number) => page([100 + offset], 500)),
    search: vi.fn(async () => page([7])),
    saveTab: vi.fn(async () => ({ ok: false as const, messageKey: 'x' })),
    setStatus: vi.fn(async () => undefined),
    remove: vi.fn(async () => ({ undoToken: 't' })),
    undo: vi.fn(async () => undefined),
    watch: vi.fn(() => () => void (c.unwatched += 1)),
  };
  return c satisfies LibraryClient;
}

function setup(early: Promise<FirstPage | null>) {
  const full = fullClient();
  const load = vi.fn(async () => full);
  const first: FirstPageRead = { filter: 'all', offset: 0, limit: 50, page: early };
  return { full, load, client: deferredClient(load, first) };
}

describe('the popup client that loads the store after the first page', () => {
  it('answers the first page from the early read, then loads the full client', async () => {
    const { full, load, client } = setup(Promise.resolve(page([3, 2, 1])));
    const got = await client.list('all', 0, 50);
    expect(got.items.map((r) => r.entry.id)).toEqual([3, 2, 1]);
    expect(load).not.toHaveBeenCalled();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    // The early page is used once: a refresh reads the store.
    expect((await client.list('all', 0, 50)).total).toBe(500);
    expect(full.list).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reads the store when the early read could not be made', async () => {
    const { full, client } = setup(Promise.resolve(null));
    expect((await client.list('all', 0, 50)).items[0]?.entry.id).toBe(100);
    expect(full.list).toHaveBeenCalledWith('all', 0, 50);
  });

  it('reads the store when the early read fails', async () => {
    const { full, client } = setup(Promise.reject(new Error('blocked')));
    expect((await client.list('all', 0, 50)).total).toBe(500);
    expect(full.list).toHaveBeenCalledTimes(1);
  });

  it('never answers another filter or page from the early read', async () => {
    const { full, client } = setup(Promise.resolve(page([3, 2, 1])));
    expect((await client.list('unread', 0, 50)).total).toBe(500);
    expect((await client.list('all', 0, 50)).total).toBe(500);
    expect(full.list.mock.calls).toEqual([
      ['unread', 0, 50],
      ['all', 0, 50],
    ]);
  });

  it('passes every other call to the full client', async () => {
    const { full, client } = setup(Promise.resolve(null));
    await client.search('مدرسة', 0, 10);
    await client.setStatus(4, { read: true });
    await client.remove([4]);
    await client.undo('t');
    expect(full.search).toHaveBeenCalledWith('مدرسة', 0, 10);
    expect(full.setStatus).toHaveBeenCalledWith(4, { read: true });
    expect(full.remove).toHaveBeenCalledWith([4]);
    expect(full.undo).toHaveBeenCalledWith('t');
  });

  it('watches once loaded, and not at all when stopped before', async () => {
    let release!: (p: FirstPage) => void;
    const { full, client } = setup(new Promise((r) => (release = r)));
    const onChange = () => undefined;
    const stopEarly = client.watch(onChange);
    stopEarly();
    const stop = client.watch(onChange);
    await settle();
    expect(full.watch).not.toHaveBeenCalled();
    release(page([1], 1, 41));
    await settle();
    expect(full.watch).toHaveBeenCalledTimes(1);
    // Changes after the early read (while the store loaded) count: it read the outbox at 41.
    expect(full.watch).toHaveBeenCalledWith(onChange, 41);
    stop();
    expect(full.unwatched).toBe(1);
  });

  it('hands the early page over without waiting once it has arrived, once', async () => {
    let release!: (p: FirstPage) => void;
    const { full, client } = setup(new Promise((r) => (release = r)));
    expect(client.peek?.('all', 0, 50)).toBeUndefined();
    release(page([5, 4], 2));
    await settle();
    expect(client.peek?.('unread', 0, 50)).toBeUndefined();
    expect(client.peek?.('all', 0, 50)?.items.map((r) => r.entry.id)).toEqual([5, 4]);
    expect(client.peek?.('all', 0, 50)).toBeUndefined();
    expect((await client.list('all', 0, 50)).total).toBe(500);
    expect(full.list).toHaveBeenCalledTimes(1);
  });
});

describe('the first page read before the view’s code loads', () => {
  it('shows in the first render when it arrived while the view loaded, with no turn between', async () => {
    const early = takeEarlyRead({} as Window, reader(page([9, 8], 2)));
    await settle();
    const full = fullClient();
    // Created and asked in one task, as the view's mount and first render are.
    const client = deferredClient(async () => full, {
      filter: 'all',
      offset: 0,
      limit: 50,
      page: early.page,
      settled: early.settled,
    });
    expect(client.peek?.('all', 0, 50)?.items.map((r) => r.entry.id)).toEqual([9, 8]);
    expect(full.list).not.toHaveBeenCalled();
  });

  it('is started once by the page’s early script and taken once by the view', async () => {
    const win = {} as Window;
    const read = reader(page([3], 1), { held: true });
    startEarlyRead(win, read);
    startEarlyRead(win, read);
    expect(read).toHaveBeenCalledTimes(1);
    const taken = takeEarlyRead(win, read);
    expect(read).toHaveBeenCalledTimes(1);
    await settle();
    expect(taken.settled()).toBeUndefined();
    read.release();
    expect((await taken.page)?.items.map((r) => r.entry.id)).toEqual([3]);
    expect(taken.settled()?.total).toBe(1);
    // Taken already: a second view reads again rather than share a page that may be stale.
    takeEarlyRead(win, read);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads in the view when the early script did not run', async () => {
    const read = reader(page([1], 1));
    const taken = takeEarlyRead({} as Window, read);
    expect(read).toHaveBeenCalledTimes(1);
    expect((await taken.page)?.total).toBe(1);
  });

  it('settles as null when the early read fails, so the view reads through the store', async () => {
    const taken = takeEarlyRead({} as Window, () => Promise.reject(new Error('blocked')));
    expect(await taken.page).toBeNull();
    expect(taken.settled()).toBeNull();
  });
});
