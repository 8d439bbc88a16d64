import { PagedList, type Page } from '@/lib/popup/paged-list';

function source(total: () => number) {
  const calls: [number, number][] = [];
  const fetch = async (offset: number, limit: number): Promise<Page<string>> => {
    calls.push([offset, limit]);
    const n = total();
    const items: string[] = [];
    for (let i = offset; i < Math.min(n, offset + limit); i++) items.push(`item-${i}`);
    return { items, total: n };
  };
  return { fetch, calls };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PagedList', () => {
  it('loads only the pages the shown rows need, each once', async () => {
    const src = source(() => 10_000);
    let changes = 0;
    const list = new PagedList(src.fetch, () => changes++, 50);
    list.ensure(0, 12);
    list.ensure(0, 12);
    await settle();
    expect(src.calls).toEqual([[0, 50]]);
    expect(list.total).toBe(10_000);
    expect(list.get(11)).toBe('item-11');
    expect(list.get(60)).toBeUndefined();
    list.ensure(45, 57);
    await settle();
    expect(src.calls).toEqual([
      [0, 50],
      [50, 50],
    ]);
    expect(list.get(56)).toBe('item-56');
    expect(changes).toBe(2);
  });

  it('refresh reloads the pages on screen and drops the rest', async () => {
    let n = 200;
    const src = source(() => n);
    const list = new PagedList(src.fetch, () => undefined, 50);
    list.ensure(100, 110);
    await settle();
    list.ensure(0, 10);
    await settle();
    n = 5;
    await list.refresh();
    expect(list.total).toBe(5);
    expect(list.get(4)).toBe('item-4');
    expect(list.get(100)).toBeUndefined();
  });

  it('ignores answers that arrive after a refresh or after it was disposed', async () => {
    const resolvers: ((p: Page<string>) => void)[] = [];
    const fetch = (_o: number, _l: number) => new Promise<Page<string>>((r) => resolvers.push(r));
    const list = new PagedList(fetch, () => undefined, 10);
    list.ensure(0, 5);
    const refreshed = list.refresh();
    resolvers[1]!({ items: ['new'], total: 1 });
    await refreshed;
    resolvers[0]!({ items: ['stale'], total: 1 });
    await settle();
    expect(list.get(0)).toBe('new');
    list.dispose();
    const again = list.refresh();
    resolvers[2]!({ items: ['late'], total: 1 });
    await again;
    expect(list.get(0)).toBe('new');
  });

  it('keeps the error of a failed load for the view', async () => {
    const list = new PagedList<string>(
      () => Promise.reject(new Error('boom')),
      () => undefined,
    );
    list.ensure(0, 1);
    await settle();
    expect(String(list.error)).toContain('boom');
    expect(list.total).toBeNull();
  });

  it('shows the rows first and the exact total when its count arrives', async () => {
    let count!: (n: number) => void;
    const counting = new Promise<number>((r) => (count = r));
    const fetch = async (): Promise<Page<string>> => ({ items: ['a', 'b'], total: 2, counting });
    let changes = 0;
    const list = new PagedList(fetch, () => changes++, 2);
    list.ensure(0, 2);
    await settle();
    expect(list).toMatchObject({ total: 2, counting: true });
    expect(list.get(1)).toBe('b');
    count(9000);
    await settle();
    expect(list).toMatchObject({ total: 9000, counting: false });
    expect(changes).toBe(2);
  });

  it('loads again when the count fails, for a total that comes with the rows', async () => {
    const calls: number[] = [];
    const fetch = async (offset: number): Promise<Page<string>> => {
      calls.push(offset);
      return calls.length === 1
        ? { items: ['a'], total: 1, counting: Promise.reject(new Error('aborted')) }
        : { items: ['a'], total: 7 };
    };
    const list = new PagedList(fetch, () => undefined, 1);
    list.ensure(0, 1);
    await settle();
    await settle();
    expect(calls).toEqual([0, 0]);
    expect(list).toMatchObject({ total: 7, counting: false });
  });

  it('starts from a page at hand and loads only the others', async () => {
    const src = source(() => 120);
    let changes = 0;
    const list = new PagedList(src.fetch, () => changes++, 50);
    list.seed(0, { items: ['early-0', 'early-1'], total: 120 });
    list.ensure(0, 60);
    await settle();
    expect(src.calls).toEqual([[50, 50]]);
    expect(list.get(1)).toBe('early-1');
    expect(list.get(55)).toBe('item-55');
    expect(list.total).toBe(120);
    expect(changes).toBe(1);
  });
});
