/**
 * What a test reads and does in a profile from one of the extension's pages, the same in every
 * browser: a message to the background, the list as stored in IndexedDB, the `storage.sync` area
 * and what a sync service does with it between two profiles. The extension's own namespace is
 * `browser` where the browser has one (Firefox: promises), `chrome` elsewhere.
 */
import type { InPage } from './driver';

/** Anything that runs a function in an extension page (a driver's tab, a Playwright page). */
export interface ExtensionContext {
  evaluate<R, A = undefined>(fn: InPage<A, R>, arg?: A): Promise<R>;
}

export interface Row {
  id: number;
  url: string;
  read: number;
  archived: number;
  favourite: number;
}

export type Items = Record<string, unknown>;

export function send<T>(page: ExtensionContext, type: string, payload: object): Promise<T> {
  return page.evaluate(
    ([type, payload]) => {
      const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
      return (g.browser ?? g.chrome).runtime.sendMessage({ type, payload }) as Promise<T>;
    },
    [type, payload] as const,
  );
}

/** The profile's list as stored (IndexedDB, read from an extension page), by URL. */
export async function listOf(page: ExtensionContext): Promise<Map<string, Row>> {
  const rows = await page.evaluate(
    () =>
      new Promise<Row[]>((resolve, reject) => {
        const open = indexedDB.open('qari');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('articles').objectStore('articles').getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            resolve(
              (req.result as Record<string, unknown>[]).map((r) => ({
                id: r.id as number,
                url: r.canonicalUrl as string,
                read: r.read as number,
                archived: r.archived as number,
                favourite: r.favourite as number,
              })),
            );
            open.result.close();
          };
        };
      }),
  );
  return new Map(rows.map((r) => [r.url, r]));
}

/** The profile's whole `storage.sync` area. */
export const syncArea = (page: ExtensionContext): Promise<Items> =>
  page.evaluate(() => {
    const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
    return (g.browser ?? g.chrome).storage.sync.get(null) as Promise<Items>;
  });

/** Items written to, or keys removed from, the profile's `storage.sync` area. */
export const writeSyncArea = (
  page: ExtensionContext,
  change: { set?: Items; remove?: string[] },
): Promise<void> =>
  page.evaluate(async ({ set, remove }) => {
    const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
    const sync = (g.browser ?? g.chrome).storage.sync;
    if (remove?.length) await sync.remove(remove);
    if (set) await sync.set(set);
  }, change);

/**
 * What Chrome Sync or Firefox Sync does between two profiles: `to`'s area becomes `from`'s
 * (writes and removals), written in `to` so its engine hears the same change events and quota
 * checks as from the browser's own delivery.
 */
export async function deliver(from: ExtensionContext, to: ExtensionContext): Promise<void> {
  const items = await syncArea(from);
  const stale = Object.keys(await syncArea(to)).filter((k) => !(k in items));
  await writeSyncArea(to, { set: items, remove: stale });
}
