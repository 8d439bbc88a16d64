/**
 * Stand-in photos and a photo CDN for end-to-end tests: the test machine reaches no real CDN,
 * so a second loopback host serves generated PNGs (a sky, a sun, hills: a picture, not a flat
 * box) under any path (a 1×1 one for a `pixel` path), logging each request with its Referer.
 */
import { randomFillSync } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** `w`×`h` of noise: a PNG that does not compress (for a photo over the size cap). */
export function noisePng(w: number, h: number): Buffer {
  return png(w, h, (raw) => randomFillSync(raw));
}

/** A landscape `w`×`h` PNG whose colours follow `seed`. */
export function photoPng(w: number, h: number, seed: number): Buffer {
  return png(w, h, (raw) => paint(raw, w, h, seed));
}

function paint(raw: Buffer, w: number, h: number, seed: number): void {
  const hue = (seed * 47) % 360;
  const sunX = w * (0.2 + ((seed * 13) % 60) / 100);
  const sunY = h * 0.3;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const hill = h * (0.62 + 0.08 * Math.sin((x / w) * 6 + seed) + 0.04 * Math.sin(x / 23));
      const t = y / h;
      let r = 120 + 100 * t;
      let g = 160 + 60 * t;
      let b = 230 - 40 * t;
      if (Math.hypot(x - sunX, y - sunY) < h * 0.09) [r, g, b] = [255, 214, 120];
      if (y > hill) {
        const shade = 1 - (y - hill) / h;
        r = (40 + (hue % 60)) * shade;
        g = (110 + (hue % 80)) * shade;
        b = 60 * shade;
      }
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = Math.max(0, Math.min(255, r));
      raw[o + 1] = Math.max(0, Math.min(255, g));
      raw[o + 2] = Math.max(0, Math.min(255, b));
    }
  }
}

/** A PNG of RGB rows (each led by its filter byte, 0) that `fill` writes. */
function png(w: number, h: number, fill: (raw: Buffer) => void): Buffer {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  fill(raw);
  for (let y = 0; y < h; y++) raw[y * (w * 3 + 1)] = 0;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A beacon is what trackers serve: one pixel; a `large` path is over the offline size cap. */
function imageFor(path: string, seed: number): Buffer {
  if (path.includes('pixel')) return photoPng(1, 1, seed);
  if (path.startsWith('/large/')) return noisePng(1200, 1000);
  return photoPng(640, 360, seed);
}

export interface PhotoRequest {
  path: string;
  referer: string | null;
  cookie: string | null;
}

export interface PhotoCdn {
  origin: string;
  log: PhotoRequest[];
  close(): Promise<void>;
}

/**
 * A CDN on `host` answering every path with a photo, readable by other origins
 * (`Access-Control-Allow-Origin: *`, as photo CDNs commonly send).
 */
export async function startPhotoCdn(host: string): Promise<PhotoCdn> {
  const log: PhotoRequest[] = [];
  const cache = new Map<string, Buffer>();
  const server = createServer((req: IncomingMessage, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    log.push({ path, referer: req.headers.referer ?? null, cookie: req.headers.cookie ?? null });
    const seed = [...path].reduce((a, c) => a + c.charCodeAt(0), 0);
    const png = cache.get(path) ?? imageFor(path, seed);
    cache.set(path, png);
    res.writeHead(200, {
      'content-type': 'image/png',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
    });
    res.end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
