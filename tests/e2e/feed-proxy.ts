/**
 * A counting HTTP proxy in front of the kiosk's own server: it records every request and the body
 * bytes it passed on (what a feed server really sent), and can hang, refuse or pause one on demand,
 * so benchmarks and kill tests measure and cut real transfers without touching src/server.
 */
import { EventEmitter } from 'node:events';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request. */
export type Verdict =
  | 'pass'
  /** Accept the connection and never answer (a server that stopped answering). */
  | 'hang'
  /** Answer 503 at once (the feed is switched off). */
  | 'refuse'
  /** Pass the headers and this many body bytes, then go silent with the connection open (a stall). */
  | { pauseAfter: number };

type Moment = 'request' | 'paused' | 'ended';

/** One request as the proxy saw it; `bytes` counts body bytes written towards the browser. */
export interface Served {
  seq: number;
  method: string;
  path: string;
  verdict: 'pass' | 'hang' | 'refuse' | 'pause';
  status: number | null;
  bytes: number;
  /** `performance.now()` of this process when the request arrived and when its body was complete. */
  started: number;
  ended: number | null;
  /** The browser went away (or the proxy closed) before the body was complete. */
  aborted: boolean;
}

export interface FeedProxy {
  readonly url: string;
  /** Every request so far, oldest first. */
  readonly served: Served[];
  /** Decides each request; the default passes everything. */
  route: (path: string) => Verdict;
  /**
   * Resolves with the first request from index `from` that `test` accepts once it has reached
   * `moment`: arrived (default), paused by a `pauseAfter` verdict, or ended (body complete).
   */
  waitFor(
    test: (s: Served) => boolean,
    opts?: { from?: number; moment?: Moment; timeoutMs?: number },
  ): Promise<Served>;
  close(): Promise<void>;
}

/** Feed paths only (`/feed/…`), the ones a sync run reads. */
export const isFeed = (s: Served) => s.path.startsWith('/feed/');

/** The object hash of a `/feed/objects/<sha>` request (or path), else null. */
export function objectOf(s: Served | string): string | null {
  return /^\/feed\/objects\/([0-9a-f]{64})$/.exec(typeof s === 'string' ? s : s.path)?.[1] ?? null;
}

/** Starts the proxy on a free loopback port in front of `upstream` (an http:// origin). */
export async function startFeedProxy(upstream: string): Promise<FeedProxy> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true });
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const served: Served[] = [];
  const held = new Set<ServerResponse>();
  const pausedAt = new WeakSet<Served>();

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const verdict = proxy.route(path);
    const entry: Served = {
      seq: served.length,
      method: req.method ?? 'GET',
      path,
      verdict: typeof verdict === 'string' ? verdict : 'pause',
      status: null,
      bytes: 0,
      started: performance.now(),
      ended: null,
      aborted: false,
    };
    served.push(entry);
    events.emit('request', entry);
    res.on('close', () => {
      held.delete(res);
      if (entry.ended === null) entry.aborted = true;
    });
    if (verdict === 'hang') {
      held.add(res);
      return;
    }
    if (verdict === 'refuse') {
      entry.status = 503;
      res.writeHead(503, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
      res.end('feed switched off by the test');
      entry.ended = performance.now();
      return;
    }
    forward(req, res, entry, typeof verdict === 'object' ? verdict.pauseAfter : Infinity);
  });

  function forward(req: IncomingMessage, res: ServerResponse, entry: Served, limit: number): void {
    const up = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, connection: 'keep-alive' },
        agent,
      },
      (answer) => {
        entry.status = answer.statusCode ?? 502;
        const headers = { ...answer.headers };
        delete headers.connection;
        delete headers['keep-alive'];
        res.writeHead(entry.status, headers);
        let paused = false;
        answer.on('data', (chunk: Buffer) => {
          if (paused) return;
          const room = limit - entry.bytes;
          const part = chunk.length <= room ? chunk : chunk.subarray(0, Math.max(0, room));
          if (part.length) {
            entry.bytes += part.length;
            // Backpressure: the browser reads as fast as it hashes and stores, and no faster.
            if (!res.write(part)) {
              answer.pause();
              res.once('drain', () => answer.resume());
            }
          }
          if (entry.bytes >= limit) {
            paused = true;
            answer.destroy();
            held.add(res);
            pausedAt.add(entry);
            events.emit('paused', entry);
          }
        });
        answer.on('end', () => {
          if (paused) return;
          res.end(() => {
            entry.ended = performance.now();
            events.emit('ended', entry);
          });
        });
        answer.on('error', () => res.destroy());
      },
    );
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    res.on('close', () => {
      if (entry.ended === null && entry.bytes < limit) up.destroy();
    });
    req.pipe(up);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const proxy: FeedProxy = {
    url: `http://127.0.0.1:${port}`,
    served,
    route: () => 'pass',
    waitFor(test, { from = 0, moment = 'request', timeoutMs = 60_000 } = {}) {
      const reached = (s: Served) =>
        moment === 'request' ||
        (moment === 'ended' && s.ended !== null) ||
        (moment === 'paused' && s.verdict === 'pause' && pausedAt.has(s));
      const found = served.slice(from).find((s) => reached(s) && test(s));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off(moment, check);
          reject(new Error(`the proxy saw no such request (${moment}) within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = (s: Served) => {
          if (s.seq < from || !test(s)) return;
          clearTimeout(timer);
          events.off(moment, check);
          resolve(s);
        };
        events.on(moment, check);
      });
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
  return proxy;
}
