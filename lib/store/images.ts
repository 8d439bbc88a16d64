/**
 * A saved article's photos kept for reading offline (`images`, schema version 7): one row per
 * image, keyed by the entry and the image's address in the article, beside the entry's body.
 * Written by `lib/store/write.ts` only (with the entry, gone with it); sync and backups carry
 * none. The caps keep one photo-heavy article, and the list as a whole, from filling the disk.
 */
import type { QariDb } from './db';
import type { ImageRow } from './entry';

export type { ImageRow };

export interface ImageCaps {
  /** Larger single images are left online. */
  perImage: number;
  /** At most this many bytes of images per article… */
  perArticle: number;
  /** …and this many images. */
  perArticleCount: number;
  /** All saved articles together. */
  total: number;
}

export const IMAGE_CAPS: Readonly<ImageCaps> = Object.freeze({
  perImage: 3 * 1024 * 1024,
  perArticle: 12 * 1024 * 1024,
  perArticleCount: 40,
  total: 300 * 1024 * 1024,
});

/**
 * Which candidate images fit, in article order: each under the single-image cap, the article's
 * running total under its cap, and the whole store's (`usedElsewhere`, by other articles) under
 * the total cap. An image that does not fit is skipped, so a smaller one after it may still fit.
 */
export function fitImages<T extends { bytes: number }>(
  candidates: readonly T[],
  usedElsewhere: number,
  caps: Readonly<ImageCaps> = IMAGE_CAPS,
): T[] {
  const kept: T[] = [];
  let article = 0;
  for (const c of candidates) {
    if (kept.length >= caps.perArticleCount) break;
    if (c.bytes <= 0 || c.bytes > caps.perImage) continue;
    if (article + c.bytes > caps.perArticle) continue;
    if (usedElsewhere + article + c.bytes > caps.total) continue;
    kept.push(c);
    article += c.bytes;
  }
  return kept;
}

/** The stored images of entry `id`. */
export function imagesOf(db: QariDb, id: number): Promise<ImageRow[]> {
  return db.images.where('entry').equals(id).toArray();
}

/** Bytes of offline images kept for all entries but `except`. */
export async function imageBytesUsed(db: QariDb, except?: number): Promise<number> {
  let sum = 0;
  await db.images.each((row) => {
    if (row.entry !== except) sum += row.bytes;
  });
  return sum;
}
