import { keepImagesOffline } from '@/lib/background/offline-images';
import { imageSources } from '@/lib/library/image-sources';
import { deleteEntries, saveArticle, undoDelete } from '@/lib/store/articles';
import type { QariDb } from '@/lib/store/db';
import { fitImages, imageBytesUsed, imagesOf, type ImageCaps } from '@/lib/store/images';
import { putEntryImages } from '@/lib/store/write';
import { dropDb, freshDb, makeArticle } from './store-fixtures';

const CDN = 'https://ichef.cdn-photos.example';
const CAPS: ImageCaps = { perImage: 100, perArticle: 250, perArticleCount: 3, total: 400 };

let db: QariDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => dropDb(db));

/** A fetch that answers from `files` (address → [type, size]) and records what it was asked. */
function fakeFetch(files: Record<string, [string, number]>) {
  const asked: { url: string; init?: RequestInit }[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    asked.push({ url, init });
    const f = files[url];
    if (!f) return new Response('no', { status: 404 });
    return new Response(new Uint8Array(f[1]), { headers: { 'content-type': f[0] } });
  }) as typeof fetch;
  return { fn, asked };
}

const photoArticle = (srcs: string[]) =>
  makeArticle({
    content:
      '<p>نص المقال الأول.</p>' +
      srcs
        .map((s) => `<figure><img src="${s}" alt="صورة"><figcaption>تعليق</figcaption></figure>`)
        .join(''),
  });

describe('the caps on offline images', () => {
  const c = (bytes: number, id = bytes) => ({ id, bytes });

  it('skips an image over the single-image cap and keeps the ones after it', () => {
    expect(fitImages([c(50), c(101), c(60)], 0, CAPS).map((x) => x.id)).toEqual([50, 60]);
  });

  it('stops an article at its byte cap, letting a smaller image after a large one fit', () => {
    expect(fitImages([c(100, 1), c(100, 2), c(90, 3), c(40, 4)], 0, CAPS).map((x) => x.id)).toEqual(
      [1, 2, 4],
    );
  });

  it('keeps at most the article’s image count', () => {
    expect(fitImages([c(10, 1), c(10, 2), c(10, 3), c(10, 4)], 0, CAPS)).toHaveLength(3);
  });

  it('counts what other articles keep against the total', () => {
    expect(fitImages([c(60, 1), c(50, 2)], 300, CAPS).map((x) => x.id)).toEqual([1]);
    expect(fitImages([c(10)], 400, CAPS)).toEqual([]);
  });
});

describe('the image addresses of a sanitized article', () => {
  it('reads each http(s) image once, entities decoded, in order', () => {
    expect(
      imageSources(
        '<p>a</p><img alt="x" src="https://a.example/1.jpg?w=1&amp;h=2"><img src="data:image/png;base64,AA"><img src="https://a.example/2.jpg"><img src="https://a.example/1.jpg?w=1&amp;h=2">',
      ),
    ).toEqual(['https://a.example/1.jpg?w=1&h=2', 'https://a.example/2.jpg']);
  });
});

describe('keeping a saved article’s photos offline', () => {
  it('stores the article’s images beside it, fetched without cookies or referrer', async () => {
    const { entry } = await saveArticle(db, photoArticle([`${CDN}/a.jpg`, `${CDN}/b.png`]));
    const net = fakeFetch({
      [`${CDN}/a.jpg`]: ['image/jpeg', 30],
      [`${CDN}/b.png`]: ['image/png', 20],
    });
    expect(
      await keepImagesOffline(
        db,
        entry.id,
        photoArticle([`${CDN}/a.jpg`, `${CDN}/b.png`]).content,
        { fetch: net.fn },
      ),
    ).toBe(2);
    const rows = await imagesOf(db, entry.id);
    expect(rows.map((r) => [r.url, r.type, r.bytes])).toEqual([
      [`${CDN}/a.jpg`, 'image/jpeg', 30],
      [`${CDN}/b.png`, 'image/png', 20],
    ]);
    expect(rows[0]!.data.byteLength).toBe(30);
    for (const { init } of net.asked) {
      expect(init?.credentials).toBe('omit');
      expect(init?.referrerPolicy).toBe('no-referrer');
    }
    expect(await imageBytesUsed(db)).toBe(50);
  });

  it('keeps nothing that is not an image, nor SVG, nor an address on the reader’s own network', async () => {
    const srcs = [
      `${CDN}/page.html`,
      `${CDN}/logo.svg`,
      'http://192.168.1.1/cam.jpg',
      'http://127.0.0.1:8080/a.jpg',
    ];
    const { entry } = await saveArticle(db, photoArticle(srcs));
    const net = fakeFetch({
      [`${CDN}/page.html`]: ['text/html', 10],
      [`${CDN}/logo.svg`]: ['image/svg+xml', 10],
      'http://192.168.1.1/cam.jpg': ['image/jpeg', 10],
      'http://127.0.0.1:8080/a.jpg': ['image/jpeg', 10],
    });
    expect(
      await keepImagesOffline(db, entry.id, photoArticle(srcs).content, { fetch: net.fn }),
    ).toBe(0);
    expect(net.asked.map((a) => a.url)).toEqual([`${CDN}/page.html`, `${CDN}/logo.svg`]);
    expect(await imagesOf(db, entry.id)).toEqual([]);
  });

  it('removes the images with the article, and writes none for an article deleted meanwhile', async () => {
    const { entry } = await saveArticle(db, photoArticle([`${CDN}/a.jpg`]));
    const net = fakeFetch({ [`${CDN}/a.jpg`]: ['image/jpeg', 30] });
    await keepImagesOffline(db, entry.id, photoArticle([`${CDN}/a.jpg`]).content, {
      fetch: net.fn,
    });
    const { undoToken } = await deleteEntries(db, [entry.id]);
    expect(await imagesOf(db, entry.id)).toEqual([]);
    expect(await imageBytesUsed(db)).toBe(0);
    expect(await putEntryImages(db, entry.id, [])).toBe(false);
    await undoDelete(db, undoToken);
    expect(await imagesOf(db, entry.id)).toEqual([]);
  });
});
