/** A small static server for the built kiosk (at `/`) and a feed folder (at `/feed/`). */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.sig': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface ServeOptions {
  appDir: string;
  feedDir: string;
  port: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves files only from inside the two folders; unknown app paths get index.html (single page). */
export function startServer(opts: ServeOptions): Promise<RunningServer> {
  const appRoot = resolve(opts.appDir);
  const feedRoot = resolve(opts.feedDir);
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad request');
      return;
    }
    const inFeed = path === '/feed' || path.startsWith('/feed/');
    const root = inFeed ? feedRoot : appRoot;
    const rel = inFeed ? path.slice('/feed'.length) : path;
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    void send(file, inFeed, root).then(
      ([status, target]) => {
        if (!target) {
          res.writeHead(status, { 'Content-Type': 'text/plain' }).end('not found');
          return;
        }
        const ext = extname(target.path);
        res.writeHead(200, {
          // Objects are named by their hash (served as opaque bytes); everything else by extension.
          'Content-Type': TYPES[ext] ?? 'application/octet-stream',
          'Content-Length': String(target.size),
          // Feed indexes and the app shell entry points must never be served stale.
          'Cache-Control':
            /\/(index\.html|sw\.js|index\.json(\.sig)?)$/.test(target.path) ||
            ext === '.webmanifest'
              ? 'no-cache'
              : inFeed
                ? 'public, max-age=31536000, immutable'
                : 'public, max-age=3600',
        });
        if (req.method === 'HEAD') res.end();
        else
          createReadStream(target.path)
            .on('error', () => res.destroy()) // removed between stat and read: drop the response
            .pipe(res);
      },
      () => res.writeHead(500).end('server error'),
    );
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : opts.port;
      resolvePromise({
        url: `http://localhost:${port}`,
        server,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function send(
  file: string,
  inFeed: boolean,
  root: string,
): Promise<[number, { path: string; size: number } | null]> {
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return [200, { path: file, size: info.size }];
  // Feed files and pack objects are never answered with the page (that would be HTML posing as media).
  if (inFeed || file.includes(`${sep}objects${sep}`)) return [404, null];
  const index = join(root, 'index.html');
  const indexInfo = await stat(index).catch(() => null);
  return indexInfo ? [200, { path: index, size: indexInfo.size }] : [404, null];
}

/** `npm run serve -- --app dist --feed DIR [--port N]` */
if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: {
      app: { type: 'string', default: 'dist' },
      feed: { type: 'string' },
      port: { type: 'string' },
    },
  });
  if (!values.feed) {
    console.error('usage: npm run serve -- --feed DIR [--app dist] [--port 4173]');
    process.exit(2);
  }
  const s = await startServer({
    appDir: values.app,
    feedDir: values.feed,
    port: Number(values.port ?? process.env.PORT ?? 4173),
  });
  console.log(`kiosk at ${s.url}/ · feed at ${s.url}/feed/`);
}
