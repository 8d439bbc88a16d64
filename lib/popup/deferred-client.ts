/**
 * The popup's library client, split so the first screen does not wait for Dexie, the store and
 * search (most of the popup's code): the newest entries come from a raw read started before the
 * view mounts (`first-page.ts`), and the full client (`library-client.ts`) is imported once that
 * page is on screen, or as soon as anything else is asked of it.
 */
import type { LibraryClient, ListRow } from './client';
import type { FirstPage } from './first-page';
import type { Page } from './paged-list';
import type { ListFilter } from '../store/articles';

export interface FirstPageRead {
  filter: ListFilter;
  offset: number;
  limit: number;
  /** The page read early, or null when it could not be (the full client reads it then). */
  page: Promise<FirstPage | null>;
  /**
   * The page at once if the read has settled (null: it could not be read this way), else
   * undefined: lets the view's first render show the rows that arrived while its code loaded.
   */
  settled?: () => FirstPage | null | undefined;
}

/** Settles after `page` does and the current task ends, so the render it causes comes first. */
const afterPaint = (page: Promise<unknown>): Promise<void> =>
  page
    .then(
      () => undefined,
      () => undefined,
    )
    .then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

export function deferredClient(
  load: () => Promise<LibraryClient>,
  first: FirstPageRead,
): LibraryClient {
  let full: Promise<LibraryClient> | null = null;
  const client = (): Promise<LibraryClient> => (full ??= load());
  let early: FirstPageRead['page'] | null = first.page;
  // The early page once it has arrived, so the view can start with it rather than wait a render.
  let arrived: FirstPage | null = first.settled?.() ?? null;
  first.page.then(
    (p) => void (arrived = p),
    () => undefined,
  );
  const painted = afterPaint(first.page);
  // Load the rest once the first page is on screen: searching and acting need it soon after.
  void painted.then(() => client()).catch(() => undefined);

  const isFirst = (filter: ListFilter, offset: number, limit: number) =>
    filter === first.filter && offset === first.offset && limit === first.limit;

  /** The early page if this is the first list read and it asks for that page, else null. */
  const takeEarly = async (
    filter: ListFilter,
    offset: number,
    limit: number,
  ): Promise<Page<ListRow> | null> => {
    const page = early;
    early = null;
    return page && isFirst(filter, offset, limit) ? page.catch(() => null) : null;
  };

  return {
    peek(filter, offset, limit) {
      if (!early || !arrived || !isFirst(filter, offset, limit)) return undefined;
      early = null;
      return arrived;
    },
    async list(filter, offset, limit) {
      const page = await takeEarly(filter, offset, limit);
      return page ?? (await client()).list(filter, offset, limit);
    },
    search: async (query, offset, limit) => (await client()).search(query, offset, limit),
    saveTab: async (tabId) => (await client()).saveTab(tabId),
    setStatus: async (id, patch) => (await client()).setStatus(id, patch),
    remove: async (ids) => (await client()).remove(ids),
    undo: async (token) => (await client()).undo(token),
    watch(onChange, since) {
      let stop: (() => void) | null = null;
      let stopped = false;
      // Subscribing needs Dexie: wait for the first paint rather than load it before. Changes
      // made since the early read (while Dexie loaded) then count as changes to what is shown.
      const read = first.page.then(
        (p) => p?.since,
        () => undefined,
      );
      painted
        .then(() => Promise.all([client(), read]))
        .then(
          ([c, early]) => {
            if (!stopped) stop = c.watch(onChange, since ?? early);
          },
          () => undefined,
        );
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
