/** The network feed source and the verifying stream against a real loopback server that misbehaves as feed hosts do. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/feed/crypto';
import { SourceError, httpSource } from '../../src/sync/feed-source';
import { ObjectError, verifyingStream } from '../../src/sync/verify-object';

const body = new Uint8Array(256 * 1024).map((_, i) => (i * 31) % 251);
let sha: string;
let server: Server;
let base: string;

beforeAll(async () => {
  sha = await sha256Hex(body);
  server = createServer((req, res) => {
    req.on('close', () => res.destroy());
    // A fresh connection for every request: a response cut or overrun on purpose must not leave a
    // kept-alive socket that the next test's request would be sent down.
    res.setHeader('Connection', 'close');
    switch (req.url) {
      case '/good':
        res.end(body);
        break;
      case '/longer': // the right bytes followed by junk
        res.write(body);
        res.end(new Uint8Array(4096).fill(7));
        break;
      case '/endless': {
        // Never ends by itself: only the client's cut stops it.
        res.writeHead(200);
        const chunk = new Uint8Array(64 * 1024).fill(1);
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) {
            /* keep the socket full */
          }
        };
        res.on('drain', pump);
        pump();
        break;
      }
      case '/truncated':
        res.end(body.subarray(0, 1000));
        break;
      case '/cut': // declares the full length, then the connection drops mid-body
        res.writeHead(200, { 'Content-Length': String(body.length) });
        res.write(body.subarray(0, 5000), () => res.destroy());
        break;
      case '/corrupt': {
        const copy = body.slice();
        copy[1234]! ^= 1;
        res.end(copy);
        break;
      }
      case '/empty':
        res.end();
        break;
      case '/hang': // accepts, never answers
        break;
      case '/stall': // headers and a little, then silence
        res.writeHead(200, { 'Content-Length': String(body.length) });
        res.write(body.subarray(0, 1000));
        break;
      case '/drip': {
        // A byte every 20 ms: never silent long enough to stall, far too slow to finish.
        res.writeHead(200, { 'Content-Length': String(body.length) });
        let at = 0;
        const t = setInterval(() => {
          if (res.destroyed) return clearInterval(t);
          res.write(body.subarray(at, ++at));
        }, 20);
        break;
      }
      default:
        res.writeHead(req.url === '/missing' ? 404 : 503).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

const deadlines = { firstByteMs: 300, stallMs: 300, minBytesPerSecond: 64 * 1024 };
const source = () => httpSource(base, deadlines);

/** Reads `path` through the source and the verifying stream, as a sync run stores an object. */
async function fetchVerified(path: string, onBytes?: (n: number) => void): Promise<Uint8Array> {
  const file = await source().open(path, new AbortController().signal, body.length);
  if (!file) throw new Error('404');
  const checked = file.body.pipeThrough(verifyingStream(sha, body.length, path, onBytes));
  return new Uint8Array(await new Response(checked).arrayBuffer());
}

async function failure(path: string): Promise<Error> {
  const e = await fetchVerified(path).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Error);
  return e as Error;
}

describe('an object streamed from the feed and verified on the way', () => {
  it('passes the exact bytes and reports progress', async () => {
    let seen = 0;
    expect(await fetchVerified('good', (n) => (seen += n))).toEqual(body);
    expect(seen).toBe(body.length);
  });

  it('cuts an over-long body at the declared size', async () => {
    expect(await fetchVerified('longer')).toEqual(body);
  });

  it('cuts an endless body at the declared size instead of reading forever', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const e = await failure('endless'); // the first 256 KiB are not the object's bytes
    expect(e).toMatchObject({ code: 'corrupt' });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a truncated, corrupted or empty object, naming what is wrong', async () => {
    expect(await failure('truncated')).toMatchObject({ code: 'truncated' });
    expect(await failure('corrupt')).toMatchObject({ code: 'corrupt' });
    expect(await failure('empty')).toMatchObject({ code: 'empty' });
    expect(await failure('corrupt')).toBeInstanceOf(ObjectError);
  });

  it('a dropped connection or a server error is a transient source failure', async () => {
    expect(await failure('cut')).toMatchObject({ code: 'unreachable', transient: true });
    const busy = await source()
      .open('busy', new AbortController().signal, 10)
      .catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(SourceError);
    expect(busy).toMatchObject({ code: 'http', transient: true });
    expect((busy as Error).message).toMatch(/HTTP 503/);
  });

  it('a missing file is null, not an error', async () => {
    expect(await source().open('missing', new AbortController().signal, 10)).toBeNull();
  });
});

describe('deadlines: no request may hang a sync run', () => {
  it('a server that never answers is given up after the first-byte deadline', async () => {
    const start = performance.now();
    const e = await source()
      .open('hang', new AbortController().signal, 10)
      .catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'timeout', transient: true });
    expect((e as Error).message).toMatch(/did not answer within/);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('a body that falls silent is given up after the stall deadline', async () => {
    expect(await failure('stall')).toMatchObject({ code: 'stalled', transient: true });
  });

  it('a body that drips too slowly is given up when its budget runs out', async () => {
    // Budget: 300 ms + 256 KiB at 64 KiB/s ≈ 4.3 s; at 50 bytes a second it would take 90 minutes.
    const e = await failure('drip');
    expect(e).toMatchObject({ code: 'timeout' });
    expect(e.message).toMatch(/too slow/);
  });

  it('the caller can still cancel at any moment', async () => {
    const abort = new AbortController();
    const pending = source().open('hang', abort.signal, 10);
    abort.abort(new Error('staff pressed check now'));
    await expect(pending).rejects.toThrow('staff pressed check now');
  });
});
