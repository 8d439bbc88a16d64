/**
 * Keeping a saved article's photos for reading offline. The background fetches them once the
 * entry is saved: without cookies or referrer, never on the reader's own network (the import's
 * public-address rule), with no new permission. An extension's fetch reads another site's image
 * when that site allows it (`Access-Control-Allow-Origin`, as photo CDNs commonly send) or when
 * the reader granted site access (the import's optional permission); any other image stays
 * online-only and the saved page says so. Sizes are capped (`IMAGE_CAPS`).
 */
import { imageSources } from '../library/image-sources';
import { isPublicWebUrl } from '../url/public-address';
import type { QariDb } from '../store/db';
import { fitImages, IMAGE_CAPS, imageBytesUsed, type ImageRow } from '../store/images';
import { putEntryImages } from '../store/write';

const FETCH_TIMEOUT_MS = 20_000;
// Two at a time: quick enough for an article's photos, gentle on the site and the machine.
const PARALLEL = 2;

export interface OfflineImageDeps {
  fetch?: typeof fetch;
  /** Let loopback addresses through (the e2e harness; `LOOPBACK_SWITCH`). */
  loopback?: () => Promise<boolean>;
}

type Fetched = Omit<ImageRow, 'entry'>;

/** One image, or null when it cannot be kept (refused, too large, not an image, no access). */
async function fetchImage(url: string, fetchFn: typeof fetch): Promise<Fetched | null> {
  try {
    const res = await fetchFn(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!res.ok || !type.startsWith('image/') || type.includes('svg')) return null;
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > IMAGE_CAPS.perImage) return null;
    const data = await res.arrayBuffer();
    return { url, type, data, bytes: data.byteLength };
  } catch {
    return null;
  }
}

async function fetchAll(urls: string[], fetchFn: typeof fetch): Promise<(Fetched | null)[]> {
  const out: (Fetched | null)[] = new Array(urls.length).fill(null);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const i = next++;
      out[i] = await fetchImage(urls[i]!, fetchFn);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return out;
}

/**
 * Fetch and keep the images of entry `id`'s article `content`; returns how many were kept.
 * Never throws: an image not kept shows online only.
 */
export async function keepImagesOffline(
  db: QariDb,
  id: number,
  content: string,
  deps: OfflineImageDeps = {},
): Promise<number> {
  try {
    const loopback = (await deps.loopback?.()) ?? false;
    const urls = imageSources(content)
      .filter((u) => isPublicWebUrl(u, { loopback }))
      .slice(0, IMAGE_CAPS.perArticleCount);
    if (urls.length === 0) return 0;
    const fetched = await fetchAll(urls, deps.fetch ?? fetch.bind(globalThis));
    const kept = fitImages(
      fetched.filter((f): f is Fetched => f !== null),
      await imageBytesUsed(db, id),
    );
    if (kept.length === 0) return 0;
    return (await putEntryImages(db, id, kept as ImageRow[])) ? kept.length : 0;
  } catch {
    return 0;
  }
}
