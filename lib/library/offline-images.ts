/**
 * A saved article's stored photos for its page: object URLs made from the rows, and whether any
 * image of the article has no stored copy (it then loads online only, and the page says so).
 */
import type { QariDb } from '../store/db';
import { imagesOf } from '../store/images';
import { imageSources } from './image-sources';

export interface OfflineImages {
  /** The stored copy's object URL for an image address, or null. */
  source: (src: string) => string | null;
  /** Images of the article with no stored copy. */
  missing: number;
}

/** Object URLs for entry `id`'s stored images (they live as long as the page). */
export async function offlineImages(
  db: QariDb,
  id: number,
  content: string,
  win: Pick<typeof globalThis, 'URL' | 'Blob'> = globalThis,
): Promise<OfflineImages> {
  const rows = await imagesOf(db, id).catch(() => []);
  const urls = new Map(
    rows.map((r) => [r.url, win.URL.createObjectURL(new win.Blob([r.data], { type: r.type }))]),
  );
  const missing = imageSources(content).filter((src) => !urls.has(src)).length;
  return { source: (src) => urls.get(src) ?? null, missing };
}
