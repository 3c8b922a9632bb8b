/** fetchVerified against a real loopback HTTP server that misbehaves the ways a feed host can. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/feed/crypto';
import { ObjectError, fetchVerified } from '../../src/sync/fetch-object';

const body = new Uint8Array(256 * 1024).map((_, i) => (i * 31) % 251);
let sha: string;
let server: Server;
let base: string;

beforeAll(async () => {
  sha = await sha256Hex(body);
  server = createServer((req, res) => {
    switch (req.url) {
      case '/good':
        res.end(body);
        break;
      case '/longer': // the right bytes followed by junk
        res.write(body);
        res.end(new Uint8Array(4096).fill(7));
        break;
      case '/endless': {
        // Never ends by itself: only the client's cut stops it (bounded by the test's timeout).
        res.writeHead(200);
        const chunk = new Uint8Array(64 * 1024).fill(1);
        const pump = () => {
          while (res.write(chunk)) {
            /* keep the socket full */
          }
        };
        res.on('drain', pump);
        req.on('close', () => res.destroy());
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
      default:
        res.writeHead(req.url === '/missing' ? 404 : 503).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const get = (path: string, signal = new AbortController().signal) =>
  fetchVerified(`${base}${path}`, sha, body.length, signal);

async function failure(path: string): Promise<ObjectError> {
  const e = await get(path).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ObjectError);
  return e as ObjectError;
}

describe('fetching an object by hash', () => {
  it('returns the verified bytes and reports progress', async () => {
    let seen = 0;
    const bytes = await fetchVerified(
      `${base}/good`,
      sha,
      body.length,
      new AbortController().signal,
      (n) => (seen += n),
    );
    expect(bytes).toEqual(body);
    expect(seen).toBe(body.length);
  });

  it('cuts an over-long body at the declared size', async () => {
    expect(await get('/longer')).toEqual(body);
  });

  it('cuts an endless body at the declared size instead of reading forever', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const e = await failure('/endless'); // the first 256 KiB are not the object's bytes
    expect(e.code).toBe('corrupt');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a truncated, corrupted or empty object as not transient', async () => {
    expect(await failure('/truncated')).toMatchObject({ code: 'truncated', transient: false });
    expect(await failure('/corrupt')).toMatchObject({ code: 'corrupt', transient: false });
    expect(await failure('/empty')).toMatchObject({ code: 'empty', transient: false });
  });

  it('treats a dropped connection and server errors as transient (retry later)', async () => {
    expect(await failure('/cut')).toMatchObject({ code: 'network', transient: true });
    expect(await failure('/busy')).toMatchObject({ code: 'http', transient: true });
    expect((await failure('/busy')).message).toMatch(/HTTP 503/);
  });
});
