// Production server for the built admin: static files from dist with SPA fallback, and
// /trpc, /health and /reports/ (LKjIP downloads) proxied to the API. `pnpm --filter @sakip/admin start` after `vite build`.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface ServeOptions {
  port: number;
  host?: string;
  apiUrl: string;
  distDir?: string;
}

/** Paths the API answers: tRPC, health, and the stored-report download (`GET /reports/:id`). */
export const isApiPath = (pathname: string): boolean =>
  pathname === '/trpc' ||
  pathname.startsWith('/trpc/') ||
  pathname === '/health' ||
  pathname.startsWith('/reports/');

function proxy(req: IncomingMessage, res: ServerResponse, api: URL): void {
  const upstream = httpRequest(
    {
      protocol: api.protocol,
      hostname: api.hostname,
      port: api.port,
      path: req.url,
      method: req.method,
      headers: { ...req.headers, host: api.host },
    },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'API tidak dapat dihubungi / API unreachable' }));
  });
  req.pipe(upstream);
}

async function serveFile(res: ServerResponse, path: string, immutable: boolean): Promise<boolean> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return false;
    res.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'content-length': s.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(path).pipe(res);
    return true;
  } catch {
    return false;
  }
}

export function startServer(opts: ServeOptions): Promise<{ server: Server; url: string }> {
  const dist = resolve(opts.distDir ?? fileURLToPath(new URL('../../dist', import.meta.url)));
  const api = new URL(opts.apiUrl);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (isApiPath(url.pathname)) return proxy(req, res, api);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, rel);
    void (async () => {
      if (
        file.startsWith(dist) &&
        rel !== '/' &&
        (await serveFile(res, file, rel.startsWith('/assets/')))
      )
        return;
      // SPA fallback: every other path is a client route.
      if (!(await serveFile(res, join(dist, 'index.html'), false)))
        res.writeHead(500).end('dist/index.html missing: run `vite build` first');
    })();
  });
  return new Promise((ok) => {
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      ok({ server, url: `http://${opts.host ?? '127.0.0.1'}:${port}` });
    });
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  // The admin server is not part of @sakip/config: it only needs these two values.
  // eslint-disable-next-line no-restricted-syntax
  const env = process.env;
  const port = Number(env.ADMIN_PORT ?? 5173);
  const apiUrl = env.API_URL ?? 'http://127.0.0.1:3000';
  const host = env.ADMIN_HOST ?? '127.0.0.1';
  const { server, url } = await startServer({ port, host, apiUrl });
  process.stdout.write(`${JSON.stringify({ msg: 'sakip admin listening', url, api: apiUrl })}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
