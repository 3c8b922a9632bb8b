/** The static server against real requests on a free port: its folders' walls, methods, headers, Range and odd paths. */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, pagePolicy } from './http-policy';
import { startServer, type RunningServer } from './serve';

const SHA = 'ab'.repeat(32);
const PAGE = `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'"><title>kiosk</title>`;
const OBJECT = 'object bytes: 0123456789';

let work: string;
let server: RunningServer;

beforeAll(async () => {
  // A path with a space and Chinese characters, as a hall's folders may well be named.
  work = await mkdtemp(join(tmpdir(), 'kiosk serve 展厅-'));
  const app = join(work, 'app 程序');
  const feed = join(work, 'feed 内容');
  await mkdir(join(app, 'assets'), { recursive: true });
  await mkdir(join(feed, 'objects'), { recursive: true });
  await mkdir(join(work, 'outside'));
  await writeFile(join(app, 'index.html'), PAGE);
  await writeFile(join(app, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  await writeFile(join(app, 'assets', 'index-Ab12.js'), 'export {};');
  await writeFile(join(work, 'secret.txt'), 'outside both folders');
  await writeFile(join(work, 'outside', 'secret.txt'), 'outside both folders');
  await writeFile(join(feed, 'index.json'), '{"format":"kiosk-feed/1"}');
  await writeFile(join(feed, 'index.json.sig'), 'c2ln');
  await writeFile(join(feed, 'objects', SHA), OBJECT);
  await writeFile(join(feed, '说明 文件.json'), '{"名":"值"}');
  // Symlinks: two that lead out of the folders, one that stays inside.
  await symlink(join(work, 'secret.txt'), join(feed, 'leak.json'));
  await symlink(join(work, 'outside'), join(app, 'assets', 'linked'));
  await symlink(join(feed, 'objects', SHA), join(feed, 'alias.json'));
  server = await startServer({ appDir: app, feedDir: feed, port: 0 });
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

describe('what the static server sends', () => {
  it('serves the feed: the index revalidated each time, objects cached for good', async () => {
    const index = await get('/feed/index.json');
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.json()).toEqual({ format: 'kiosk-feed/1' });
    expect((await get('/feed/index.json.sig')).headers.get('cache-control')).toBe('no-cache');
    const object = await get(`/feed/objects/${SHA}`);
    expect(object.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(object.headers.get('content-type')).toBe('application/octet-stream');
    expect(await object.text()).toBe(OBJECT);
  });

  it('answers a revalidation with 304 when the file has not changed', async () => {
    const first = await get('/feed/index.json');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await get('/feed/index.json', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves the app: hashed assets immutable, the page and worker revalidated, routes get the page', async () => {
    const asset = await get('/assets/index-Ab12.js');
    expect(asset.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('/sw.js')).headers.get('cache-control')).toBe('no-cache');
    const page = await get('/');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const route = await get('/some/screen');
    expect(route.headers.get('content-type')).toMatch(/text\/html/);
    expect(await route.text()).toBe(PAGE);
    // A missing script or object is a 404, never the page posing as one.
    expect((await get('/assets/index-gone.js')).status).toBe(404);
    expect((await get(`/objects/${SHA}`)).status).toBe(404);
    expect((await get(`/feed/objects/${'c'.repeat(64)}`)).status).toBe(404);
  });

  it('sends a CSP with the page (no inline script) and nosniff with every answer', async () => {
    const csp = (await get('/')).headers.get('content-security-policy')!;
    const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect((await get('/feed/index.json')).headers.get('content-security-policy')).toBeNull();
    const answers = await Promise.all([
      get('/'),
      get('/feed/index.json'),
      get(`/feed/objects/${SHA}`),
      get('/feed/nothing.json'),
      get('/feed/index.json', { method: 'DELETE' }),
      get('/%E0%A4%A'),
      get(`/feed/objects/${SHA}`, { headers: { Range: 'bytes=999-' } }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 404, 405, 400, 416]);
    for (const r of answers) expect(r.headers.get('x-content-type-options'), r.url).toBe('nosniff');
  });

  it('lets a page built for a feed on another origin fetch it (its connect-src is kept)', () => {
    const page = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self' https://feed.hall.example">`;
    expect(pagePolicy(page)).toContain("connect-src 'self' https://feed.hall.example;");
    expect(pagePolicy('<title>no policy</title>')).toContain("connect-src 'self';");
  });
});

describe('what the static server refuses', () => {
  it('answers only GET and HEAD: anything else is 405 and changes nothing', async () => {
    for (const method of ['DELETE', 'PUT', 'POST', 'PATCH', 'OPTIONS']) {
      const res = await get('/feed/index.json', { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow'), method).toBe('GET, HEAD');
    }
    expect((await get('/feed/index.json')).status).toBe(200);
    const head = await get(`/feed/objects/${SHA}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(OBJECT.length));
    expect(await head.text()).toBe('');
  });

  it('never follows a symlink out of its folders, but follows one that stays inside', async () => {
    const leak = await get('/feed/leak.json');
    expect(leak.status).toBe(404);
    expect(await leak.text()).not.toContain('outside both folders');
    expect((await get('/assets/linked/secret.txt')).status).toBe(404);
    const alias = await get('/feed/alias.json');
    expect(alias.status).toBe(200);
    expect(await alias.text()).toBe(OBJECT);
  });

  it('refuses paths that climb out of its folders, plain or encoded', async () => {
    for (const path of [
      '/feed/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/feed/%2e%2e/%2e%2e/secret.txt',
      '/feed/..%5csecret.txt',
      '/feed/%00index.json',
    ]) {
      const res = await get(path);
      const body = await res.text();
      expect(body, path).not.toContain('outside both folders');
      // Either refused, or (where the URL parser already folded the dots away) the kiosk page.
      if (res.status === 200) expect(body, path).toBe(PAGE);
      else expect([400, 404], path).toContain(res.status);
    }
  });

  it('answers a malformed URL with 400 and keeps running', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/feed/index.json')).status).toBe(200);
  });
});

describe('Range requests, for films that seek', () => {
  const object = (range: string, headers: Record<string, string> = {}) =>
    get(`/feed/objects/${SHA}`, { headers: { Range: range, ...headers } });

  it('answers a byte range with 206 and exactly those bytes', async () => {
    const res = await object('bytes=14-17');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 14-17/${OBJECT.length}`);
    expect(res.headers.get('content-length')).toBe('4');
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(await res.text()).toBe('0123');
    expect(await (await object('bytes=-3')).text()).toBe('789');
    expect(await (await object('bytes=20-')).text()).toBe('6789');
  });

  it('says 416 past the end, and sends the whole file when If-Range names another version', async () => {
    const past = await object(`bytes=${OBJECT.length}-`);
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${OBJECT.length}`);
    const stale = await object('bytes=0-3', { 'If-Range': '"not-this-one"' });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(OBJECT);
  });
});

describe('paths with spaces and Chinese characters', () => {
  it('serves folders and files so named', async () => {
    const res = await get(`/feed/${encodeURIComponent('说明 文件.json')}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ 名: '值' });
  });

  it('starts as a program from such a path, and says why when it cannot', async () => {
    // The server's own files under a folder with a space and Chinese characters, run by tsx
    // exactly as `npm run serve` runs it (the main-module check once failed silently here).
    const home = join(work, '展厅 kiosk');
    await cp(resolve('src/server'), join(home, 'src/server'), { recursive: true });
    await writeFile(join(home, 'package.json'), '{"type":"module"}');
    const tsx = resolve('node_modules/tsx/dist/cli.mjs');
    const args = ['--app', join(work, 'app 程序'), '--feed', join(work, 'feed 内容')];
    const child = spawn(process.execPath, [tsx, 'src/server/serve.ts', ...args, '--port', '0'], {
      cwd: home,
    });
    try {
      const started = once(child.stdout, 'data') as Promise<[Buffer]>;
      const exited = once(child, 'exit').then(([code]) => {
        throw new Error(`the server exited (${String(code)}) instead of serving`);
      });
      const [line] = await Promise.race([started, exited]);
      const url = /kiosk at (\S+)\//.exec(line.toString())![1]!;
      expect((await fetch(`${url}/feed/index.json`)).status).toBe(200);
    } finally {
      child.kill();
    }
    // A start that cannot work exits non-zero with a sentence, not silently with 0.
    const run = (extra: string[]) => {
      try {
        execFileSync(process.execPath, [tsx, 'src/server/serve.ts', ...extra], {
          cwd: home,
          stdio: 'pipe',
        });
        return { status: 0, stderr: '' };
      } catch (e) {
        const err = e as { status: number; stderr: Buffer };
        return { status: err.status, stderr: err.stderr.toString() };
      }
    };
    const taken = new URL(server.url).port;
    expect(run([...args, '--port', taken])).toEqual({
      status: 1,
      stderr: expect.stringMatching(/^serve: port \d+ is already in use/),
    });
    expect(run(['--app', join(work, 'app 程序'), '--feed', join(work, 'no such feed')])).toEqual({
      status: 1,
      stderr: expect.stringMatching(/^serve: feed folder not found: /),
    });
  });
});

describe('HTTPS with the hall certificate', () => {
  it('serves the same files over TLS with the given certificate and key', async () => {
    const cert = join(work, 'hall.crt');
    const key = join(work, 'hall.key');
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
        ...['-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', key, '-out', cert],
        ...['-addext', 'subjectAltName=DNS:localhost'],
      ],
      { stdio: 'ignore' },
    );
    const tls = await startServer({
      appDir: join(work, 'app 程序'),
      feedDir: join(work, 'feed 内容'),
      port: 0,
      tls: { certFile: cert, keyFile: key },
    });
    try {
      expect(tls.url).toMatch(/^https:\/\/localhost:\d+$/);
      const ca = await readFile(cert);
      const body = await new Promise<string>((done, fail) => {
        httpsRequest(`${tls.url}/feed/index.json`, { ca }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => done(text));
        })
          .on('error', fail)
          .end();
      });
      expect(JSON.parse(body)).toEqual({ format: 'kiosk-feed/1' });
    } finally {
      await tls.close();
    }
    await expect(
      startServer({
        appDir: join(work, 'app 程序'),
        feedDir: join(work, 'feed 内容'),
        port: 0,
        tls: { certFile: join(work, 'missing.crt'), keyFile: key },
      }),
    ).rejects.toThrow(/cannot read the TLS certificate/);
  });
});
