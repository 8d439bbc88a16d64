import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { LibraryClient, ListRow } from '@/lib/popup/client';
import { PAGE_SIZE, PagedList, SEARCH_PAGE_SIZE } from '@/lib/popup/paged-list';
import type { ListFilter } from '@/lib/store/articles';

export interface Rows {
  list: PagedList<ListRow>;
  /** Identifies what is listed; a change means a different list. */
  key: string;
  /** Tell the list which rows are on screen (loads their pages). */
  onRange: (start: number, end: number) => void;
  refresh: () => Promise<void>;
}

/** The rows of the reading list, or of a search when `query` is not blank, loaded as they scroll in. */
export function useRows(client: LibraryClient, query: string, filter: ListFilter): Rows {
  const [, setTick] = useState(0);
  const searching = query.trim() !== '';
  const key = searching ? `q:${query}` : `f:${filter}`;
  const list = useMemo(() => {
    const fetch = searching
      ? (offset: number, limit: number) => client.search(query, offset, limit)
      : (offset: number, limit: number) => client.list(filter, offset, limit);
    const size = searching ? SEARCH_PAGE_SIZE : PAGE_SIZE;
    const rows = new PagedList<ListRow>(fetch, () => setTick((t) => t + 1), size);
    // Start with the first page if it is at hand, else ask for it now rather than when the list
    // view reports its rows (onRange, an effect that runs only after the next frame): it is on
    // screen whatever the scroll.
    const ready = searching ? undefined : client.peek?.(filter, 0, size);
    if (ready) rows.seed(0, ready);
    else rows.ensure(0, 1);
    return rows;
  }, [client, key]);

  useEffect(() => {
    const stop = client.watch(() => void list.refresh());
    return () => {
      stop();
      list.dispose();
    };
  }, [list]);

  const onRange = useCallback((start: number, end: number) => list.ensure(start, end), [list]);
  const refresh = useCallback(() => list.refresh(), [list]);
  return { list, key, onRange, refresh };
}

export function useDebounced<T>(value: T, ms: number): T {
  const [out, setOut] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setOut(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return out;
}
