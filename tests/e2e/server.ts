/**
 * A static loopback server: files as stored, bytes unchanged, with no charset in Content-Type so
 * each page's own declaration decides its encoding.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

export interface Mount {
  prefix: string;
  dir: string;
}

export interface PageServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
  /** Extra handlers for tests (slow pages, redirects, 404s). */
  routes: Map<string, (res: import('node:http').ServerResponse) => void>;
}

export interface ServeOptions {
  /** Serve HTML with every lang and dir attribute removed (byte-safe for any ASCII-compatible charset). */
  stripLang?: boolean;
  /** Loopback address to bind (127.0.0.2, … are loopback too: separate hosts for per-host limits). */
  host?: string;
}

const LANG_DIR_ATTR = /\s(?:lang|dir|xml:lang)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;

export function stripLangDir(body: Buffer): Buffer {
  return Buffer.from(body.toString('latin1').replace(LANG_DIR_ATTR, ''), 'latin1');
}

export async function startServer(
  mounts: Mount[],
  port = 0,
  options: ServeOptions = {},
): Promise<PageServer> {
  const routes = new Map<string, (res: import('node:http').ServerResponse) => void>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const route = routes.get(path);
    if (route) return route(res);
    const mount = mounts.find((m) => path.startsWith(m.prefix));
    if (!mount) return void res.writeHead(404).end('not found');
    const rel = normalize(path.slice(mount.prefix.length));
    if (rel.startsWith('..')) return void res.writeHead(403).end();
    readFile(join(mount.dir, rel)).then(
      (body) => {
        const type = TYPES[extname(rel)] ?? 'application/octet-stream';
        res.writeHead(200, { 'content-type': type });
        res.end(options.stripLang && type === 'text/html' ? stripLangDir(body) : body);
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: actual } = server.address() as AddressInfo;
  const origin = `http://${host}:${actual}`;
  return {
    origin,
    routes,
    url: (p) => origin + p,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
