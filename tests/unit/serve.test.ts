/** The static server used by `npm start` and the tests: stays inside its folders and survives bad URLs. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/serve';

let work: string;
let server: RunningServer;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-serve-'));
  await mkdir(join(work, 'app'));
  await mkdir(join(work, 'feed', 'objects'), { recursive: true });
  await writeFile(join(work, 'app', 'index.html'), '<!doctype html><title>kiosk</title>');
  await writeFile(join(work, 'secret.txt'), 'outside both folders');
  await writeFile(join(work, 'feed', 'index.json'), '{"format":"kiosk-feed/1"}');
  server = await startServer({ appDir: join(work, 'app'), feedDir: join(work, 'feed'), port: 0 });
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${server.url}${path}`);

describe('static server', () => {
  it('serves the feed with no-cache on the index, and the page for app routes', async () => {
    const index = await get('/feed/index.json');
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.json()).toEqual({ format: 'kiosk-feed/1' });
    const route = await get('/some/screen');
    expect(route.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('never answers a missing feed file or pack object with the page', async () => {
    expect((await get('/feed/objects/' + 'a'.repeat(64))).status).toBe(404);
    expect((await get('/objects/' + 'a'.repeat(64))).status).toBe(404);
  });

  it('refuses paths that climb out of its folders, plain or encoded', async () => {
    for (const path of [
      '/feed/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/feed/%2e%2e/%2e%2e/secret.txt',
    ]) {
      const res = await get(path);
      const body = await res.text();
      expect(body, path).not.toContain('outside both folders');
      // Either refused, or (where the URL parser already folded the dots away) the kiosk page.
      if (res.status === 200) expect(body, path).toContain('<title>kiosk</title>');
      else expect([403, 404], path).toContain(res.status);
    }
  });

  it('answers a malformed URL with 400 and keeps running', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/feed/index.json')).status).toBe(200);
  });
});
