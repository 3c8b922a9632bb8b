/**
 * A feed server that misbehaves on demand, for what nginx cannot do: the kiosk (`dist/`) and a feed
 * folder on one origin, like `startServer`, where any path can be made to hang, stall, flip a
 * byte, cut its body, drip, never end, or answer a status.
 *
 *   const feed = await startFaultServer({ feedDir });   // http://localhost:<port>, a secure context
 *   feed.set('/feed/index.json', { kind: 'hang' });     // the next requests never get an answer
 *   feed.set('/feed/objects/*', { kind: 'cut', afterBytes: 1000 }, { times: 1 }); // once, then normal
 *   feed.requests('/feed/index.json');                  // how many requests reached that path
 *   feed.clear();                                       // the feed recovers: every path served normally
 *   await feed.close();                                 // also drops hung and stalled connections
 *
 * A rule's path is the URL path as requested (decoded), exact or ending in `*` for a prefix; the
 * exact rule wins, then the longest prefix. Faults apply to every method, ignore Range, and send
 * `Cache-Control: no-store`. Paths without a rule are served exactly as `npm start` serves them.
 */
import { createReadStream } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { COMMON_HEADERS, contentType } from '../../../src/server/http-policy';
import { kioskHandler } from '../../../src/server/serve';
import { findInside } from '../../../src/server/static-files';

/** What a path does instead of answering normally. */
export type Fault =
  /** Accepts the request and never answers (not even headers). */
  | { kind: 'hang' }
  /** Sends headers (with the full length) and the first `afterBytes` bytes, then falls silent. */
  | { kind: 'stall'; afterBytes: number }
  /** Sends the whole file with one byte inverted, at `at` (default: the middle). */
  | { kind: 'flip'; at?: number }
  /** Declares the full length, sends `afterBytes` bytes, then closes the connection. */
  | { kind: 'cut'; afterBytes: number }
  /** Sends the whole file at `bytesPerSecond`. */
  | { kind: 'drip'; bytesPerSecond: number }
  /** A 200 with no length whose body never ends (zeros, as fast as the reader takes them). */
  | { kind: 'endless' }
  /** Answers `status` with a short body (a 404, a 503, a 500…). */
  | { kind: 'status'; status: number; body?: string };

export interface FaultServer {
  /** `http://localhost:<port>`, without a trailing slash. */
  url: string;
  /** Makes `path` misbehave; with `times`, only for that many requests, then it is served normally. */
  set(path: string, fault: Fault, opts?: { times?: number }): void;
  /** Removes the rule for `path`, or every rule. */
  clear(path?: string): void;
  /** Requests received for exactly this path (faulted or not), or for every path. */
  requests(path?: string): number;
  /** Sets every request counter back to zero. */
  resetRequests(): void;
  close(): Promise<void>;
}

interface Rule {
  fault: Fault;
  left: number;
}

const CHUNK = 64 * 1024;

/** Writes `chunk`, waiting while the socket is full; false once the client has gone. */
async function write(res: ServerResponse, chunk: Buffer): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(chunk)) return true;
  await new Promise<void>((done) => {
    const finish = () => {
      res.off('drain', finish).off('close', finish);
      done();
    };
    res.on('drain', finish).on('close', finish);
  });
  return !res.destroyed;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function applyFault(
  res: ServerResponse,
  fault: Fault,
  roots: { appDir: string; feedDir: string },
  path: string,
): Promise<void> {
  if (fault.kind === 'hang') return; // the connection stays open until the client or close() ends it
  const plain = { ...COMMON_HEADERS, 'Cache-Control': 'no-store' };
  if (fault.kind === 'status') {
    res.writeHead(fault.status, { ...plain, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(fault.body ?? `status ${fault.status}`);
    return;
  }
  if (fault.kind === 'endless') {
    res.writeHead(200, { ...plain, 'Content-Type': contentType(path) });
    const zeros = Buffer.alloc(CHUNK);
    while (await write(res, zeros));
    return;
  }
  const inFeed = path.startsWith('/feed/');
  const file = await findInside(
    inFeed ? roots.feedDir : roots.appDir,
    inFeed ? path.slice('/feed'.length) : path,
  );
  if (!file) {
    res.writeHead(404, plain).end('not found');
    return;
  }
  const size = file.stats.size;
  res.writeHead(200, {
    ...plain,
    'Content-Type': contentType(file.path),
    'Content-Length': String(size),
  });
  res.flushHeaders(); // a stall or cut at 0 bytes still sends its headers
  const limit =
    fault.kind === 'stall' || fault.kind === 'cut' ? Math.min(fault.afterBytes, size) : size;
  const flipAt = fault.kind === 'flip' ? (fault.at ?? Math.floor(size / 2)) : -1;
  const perTick =
    fault.kind === 'drip' ? Math.max(1, Math.round(fault.bytesPerSecond / 10)) : CHUNK;
  let sent = 0;
  if (limit > 0) {
    const stream = createReadStream(file.path, { end: limit - 1, highWaterMark: perTick });
    for await (const data of stream as AsyncIterable<Buffer>) {
      let chunk = data;
      if (flipAt >= sent && flipAt < sent + chunk.length) {
        chunk = Buffer.from(chunk);
        chunk[flipAt - sent] = chunk[flipAt - sent]! ^ 0xff;
      }
      sent += chunk.length;
      if (!(await write(res, chunk))) {
        stream.destroy();
        return;
      }
      if (fault.kind === 'drip') await sleep(100);
    }
  }
  if (fault.kind === 'stall') return; // headers and some bytes sent; nothing more, ever
  if (fault.kind === 'cut') {
    res.socket?.end(); // flushes what was written, then closes: the body is short of its length
    return;
  }
  res.end();
}

/**
 * Starts a fault-injecting server for `feedDir` at `/feed/` and `appDir` (default `dist`) at `/`,
 * on a free loopback port. With no rules set it serves exactly as `npm start` does.
 */
export async function startFaultServer(opts: {
  feedDir: string;
  appDir?: string;
}): Promise<FaultServer> {
  const roots = { appDir: resolve(opts.appDir ?? 'dist'), feedDir: resolve(opts.feedDir) };
  const normal = kioskHandler(roots);
  const rules = new Map<string, Rule>();
  const counts = new Map<string, number>();

  const ruleFor = (path: string): [string, Rule] | undefined => {
    const exact = rules.get(path);
    if (exact) return [path, exact];
    let best: [string, Rule] | undefined;
    for (const [key, rule] of rules)
      if (key.endsWith('*') && path.startsWith(key.slice(0, -1)))
        if (!best || key.length > best[0].length) best = [key, rule];
    return best;
  };

  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      normal(req, res); // answers 400 like the real server
      return;
    }
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const match = ruleFor(path);
    if (!match) {
      normal(req, res);
      return;
    }
    const [key, rule] = match;
    if (--rule.left <= 0) rules.delete(key);
    applyFault(res, rule.fault, roots, path).catch(() => res.destroy());
  });
  await new Promise<void>((done, fail) => server.once('error', fail).listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };

  return {
    url: `http://localhost:${port}`,
    set(path, fault, { times = Infinity } = {}) {
      rules.set(path, { fault, left: times });
    },
    clear(path) {
      if (path === undefined) rules.clear();
      else rules.delete(path);
    },
    requests(path) {
      if (path !== undefined) return counts.get(path) ?? 0;
      let total = 0;
      for (const n of counts.values()) total += n;
      return total;
    },
    resetRequests() {
      counts.clear();
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections(); // hung and stalled requests included
        server.close(() => done());
      }),
  };
}
