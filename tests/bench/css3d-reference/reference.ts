/** Bundles, serves and times the CSS3D reference wall (page.ts) at a given number of cards. */
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { build } from 'esbuild';
import { median } from '../../e2e/stats';
import { jsHeap, recordFrames, sleep } from '../wall-drive';
import type { ReferenceConfig } from './page';

export interface ReferenceFigures {
  cards: number;
  /** Page load → every portrait decoded and the first frame drawn. */
  loadMs: number;
  frameMs: number;
  frames: number;
  heap: number;
}

export interface ReferenceServer {
  url: string;
  close(): Promise<void>;
}

const DEMO = 'media/demo';
const MIN_FRAMES = 8;

/** Bundles the page (three from node_modules, offline) and serves it with the demo's portraits. */
export async function serveReference(): Promise<ReferenceServer> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./page.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]!.contents;
  const portraits = (await readdir(join(DEMO, 'portraits')))
    .filter((f) => /\.(webp|jpe?g|png)$/.test(f))
    .sort();
  const content = JSON.parse(await readFile(join(DEMO, 'content.json'), 'utf8')) as {
    workers: { name: { 'zh-CN': string } }[];
  };
  const names = content.workers.map((w) => w.name['zh-CN']);
  const types: Record<string, string> = {
    '.webp': 'image/webp',
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.png': 'image/png',
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/') {
      const config: ReferenceConfig = {
        cards: Number(url.searchParams.get('cards') ?? 200),
        portraits: portraits.map((p) => `/portraits/${p}`),
        names,
      };
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><meta charset="utf-8"><title>CSS3D reference wall</title>` +
          `<script>window.referenceConfig=${JSON.stringify(config)}</script>` +
          `<script type="module" src="/page.js"></script>`,
      );
    } else if (url.pathname === '/page.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
    } else if (
      url.pathname.startsWith('/portraits/') &&
      portraits.includes(url.pathname.slice(11))
    ) {
      const file = url.pathname.slice(11);
      void readFile(join(DEMO, 'portraits', file)).then(
        (bytes) =>
          res
            .writeHead(200, {
              'Content-Type': types[extname(file)]!,
              'Cache-Control': 'max-age=3600',
            })
            .end(bytes),
        () => res.writeHead(500).end(),
      );
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Opens the reference wall with `cards` cards at 1920×1080, lets it turn for a second, then times `ms` of frames. */
export async function measureReference(
  browser: Browser,
  server: ReferenceServer,
  cards: number,
  ms: number,
): Promise<ReferenceFigures> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}?cards=${cards}`);
    const handle = await page.waitForFunction(() => window.referenceReady ?? null, null, {
      timeout: 10 * 60_000,
      polling: 250,
    });
    const ready = (await handle.jsonValue())!;
    if (errors.length || ready.failed > 0)
      throw new Error(
        `the reference wall broke: ${errors.join('; ') || `${ready.failed} portraits failed`}`,
      );
    await sleep(1000);
    // At least `ms`, and long enough for a few frames however slow they are (at most 60 s).
    const frames = await recordFrames(page, async (seen) => {
      const start = Date.now();
      await sleep(ms);
      while ((await seen()).all < MIN_FRAMES && Date.now() - start < 60_000) await sleep(250);
    });
    return {
      cards,
      loadMs: ready.loadMs,
      frameMs: median(frames.all),
      frames: frames.all.length,
      heap: await jsHeap(page),
    };
  } finally {
    await context.close();
  }
}
