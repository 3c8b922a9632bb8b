/** A small static server for the built kiosk (at `/`) and a feed folder (at `/feed/`), over HTTP or HTTPS. */
import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheControl, COMMON_HEADERS, contentType, pagePolicy } from './http-policy';
import { findInside, sendFile, type FoundFile } from './static-files';

/** A certificate and its private key, as PEM files (the hall's own, for HTTPS on the LAN). */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export interface ServeOptions {
  appDir: string;
  feedDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1 (this machine only); `0.0.0.0` serves the LAN too. */
  host?: string;
  /** Serve HTTPS with this certificate instead of plain HTTP. */
  tls?: TlsFiles;
}

export interface RunningServer {
  url: string;
  server: Server | TlsServer;
  close(): Promise<void>;
}

const PAGE_MAX_BYTES = 1 << 20;

function answer(res: ServerResponse, status: number, text: string, extra = {}): void {
  res
    .writeHead(status, {
      ...COMMON_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      ...extra,
    })
    .end(res.req.method === 'HEAD' ? undefined : text);
}

/**
 * The request handler of `startServer`, for servers that serve the kiosk and add behaviour of
 * their own (the tests' fault-injecting feed server). Only GET and HEAD are answered; files come
 * only from inside the two folders, symlinks included; unknown app routes get index.html.
 */
export function kioskHandler(opts: {
  appDir: string;
  feedDir: string;
}): (req: IncomingMessage, res: ServerResponse) => void {
  return (request, res) => {
    void handle(request, res, opts).catch(() => {
      if (!res.headersSent) answer(res, 500, 'server error');
      else res.destroy();
    });
  };
}

async function handle(
  request: IncomingMessage,
  res: ServerResponse,
  opts: { appDir: string; feedDir: string },
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    answer(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  let path: string;
  try {
    path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  } catch {
    answer(res, 400, 'bad request');
    return;
  }
  const inFeed = path === '/feed' || path.startsWith('/feed/');
  const rel = (inFeed ? path.slice('/feed'.length) : path).replace(/^\/+/, '');
  let file = await findInside(inFeed ? opts.feedDir : opts.appDir, rel);
  let servedAs = rel;
  // A single-page app: a route (no file extension) gets the page. Feed files, pack objects and
  // missing assets never do, which would be HTML posing as data, script or media.
  if (!file && !inFeed && !rel.includes('objects/') && !extname(rel)) {
    file = await findInside(opts.appDir, 'index.html');
    servedAs = 'index.html';
  }
  if (!file) {
    answer(res, 404, 'not found');
    return;
  }
  const headers: Record<string, string> = {
    'Content-Type': contentType(file.path),
    'Cache-Control': cacheControl(inFeed ? 'feed' : 'app', servedAs),
  };
  if (!inFeed && extname(file.path) === '.html') {
    headers['Content-Security-Policy'] = pagePolicy(await readPage(file));
  }
  sendFile(request, res, file, headers);
}

async function readPage(file: FoundFile): Promise<string> {
  return file.stats.size > PAGE_MAX_BYTES ? '' : readFile(file.path, 'utf8');
}

/** Why a server could not start, in words a person can act on. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`;
  const why: Record<string, string> = {
    EADDRINUSE: `port ${port} is already in use on ${host} (another server running?); choose another port`,
    EACCES: `not allowed to listen on ${where} (ports below 1024 need privileges)`,
    EADDRNOTAVAIL: `cannot listen on ${host}: it is not an address of this machine`,
    ENOTFOUND: `cannot listen on ${host}: no such host name`,
  };
  return new Error(why[error.code ?? ''] ?? `cannot listen on ${where}: ${error.message}`);
}

async function requireFolder(dir: string, what: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`${what} folder not found: ${dir}`);
}

async function readTls(tls: TlsFiles): Promise<{ cert: Buffer; key: Buffer }> {
  const read = (file: string, what: string) =>
    readFile(file).catch((e: Error) => {
      throw new Error(`cannot read the TLS ${what} ${file}: ${e.message}`);
    });
  return { cert: await read(tls.certFile, 'certificate'), key: await read(tls.keyFile, 'key') };
}

/**
 * Starts serving `appDir` at `/` and `feedDir` at `/feed/`. Rejects with a plain sentence when it
 * cannot (a folder missing, the port taken, an unreadable certificate).
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  await requireFolder(opts.appDir, 'app');
  await requireFolder(opts.feedDir, 'feed');
  const handler = kioskHandler(opts);
  let server: Server | TlsServer;
  try {
    server = opts.tls ? createTlsServer(await readTls(opts.tls), handler) : createServer(handler);
  } catch (e) {
    throw new Error(`cannot use the TLS certificate and key: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(listenError(e, host, opts.port)));
    server.listen(opts.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const local = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host);
  const name = local ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${name}:${port}`,
    server,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The certificate named by `KIOSK_TLS_CERT` and `KIOSK_TLS_KEY`, if both are set. */
export function tlsFromEnv(env: NodeJS.ProcessEnv = process.env): TlsFiles | undefined {
  const { KIOSK_TLS_CERT: certFile, KIOSK_TLS_KEY: keyFile } = env;
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile)
    throw new Error('set both KIOSK_TLS_CERT and KIOSK_TLS_KEY, or neither');
  return { certFile, keyFile };
}

/** True when this file is the program node was asked to run, whatever characters its path holds. */
function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

const USAGE =
  'usage: npm run serve -- --feed DIR [--app dist] [--port 4173] [--host 127.0.0.1] [--cert FILE --key FILE]';

/** `npm run serve -- --feed DIR [--app dist] [--port N] [--host H] [--cert F --key F]` */
async function main(): Promise<void> {
  const { parseArgs } = await import('node:util');
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        app: { type: 'string', default: 'dist' },
        feed: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        cert: { type: 'string' },
        key: { type: 'string' },
      },
    }));
  } catch (e) {
    console.error(`serve: ${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const port = Number(values.port ?? process.env.PORT ?? 4173);
  if (!values.feed || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(USAGE);
    process.exit(2);
  }
  try {
    const tls =
      values.cert || values.key
        ? tlsFromEnv({ KIOSK_TLS_CERT: values.cert, KIOSK_TLS_KEY: values.key })
        : tlsFromEnv();
    const s = await startServer({
      appDir: values.app,
      feedDir: values.feed,
      port,
      host: values.host ?? process.env.HOST,
      tls,
    });
    console.log(`kiosk at ${s.url}/ · feed at ${s.url}/feed/`);
  } catch (e) {
    console.error(`serve: ${(e as Error).message}`);
    process.exit(1);
  }
}

if (isMain()) await main();
