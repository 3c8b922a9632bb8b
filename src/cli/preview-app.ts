/**
 * The kiosk app `pack preview` serves: the project's own vite build, made with the preview key as the
 * trusted feed key (KIOSK_FEED_PUBLIC_KEY_FILE, the same switch a hall's build uses) into a folder of
 * its own, so `dist/` and the hall's key are never touched. Built when missing or older than its sources.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keygen, readPrivateKey, readPublicKeyText } from './keys';

/** The project folder (where vite.config.ts is), whatever the working directory. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Where the preview keeps its key and its app between runs (ignored by git, like all of .cache). */
export const PREVIEW_HOME = join(PROJECT_ROOT, '.cache', 'preview');

/** What the app is built from: a change to any of these makes the next preview rebuild it. */
const APP_INPUTS = [
  'index.html',
  'vite.config.ts',
  'package.json',
  'src',
  'public',
  'scripts/embedded-pack.ts',
];
const STAMP = '.preview-stamp.json';

export interface PreviewKey {
  key: CryptoKey;
  /** The `.pub` file the preview app trusts. */
  pubFile: string;
  pub: string;
}

/**
 * The preview's own key pair, made the first time and kept: it signs only preview feeds, and only the
 * preview app trusts it. Made in a folder of its own and moved into place whole, so two previews
 * starting at once agree on one key.
 */
export async function previewKey(home = PREVIEW_HOME): Promise<PreviewKey> {
  const dir = join(home, 'key');
  if (!(await stat(join(dir, 'preview.pub')).catch(() => null))) {
    await mkdir(home, { recursive: true });
    const fresh = await mkdtemp(join(home, 'key-new-'));
    await keygen(fresh, 'preview');
    await rename(fresh, dir).catch(() => rm(fresh, { recursive: true, force: true }));
  }
  const pubFile = join(dir, 'preview.pub');
  return {
    key: await readPrivateKey(join(dir, 'preview.key')),
    pubFile,
    pub: await readPublicKeyText(pubFile),
  };
}

/** The newest modification time among the app's inputs (dot folders such as .cache left out). */
async function newestInput(root: string, embeddedSource: string): Promise<number> {
  let newest = 0;
  const visit = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (!info) return;
    newest = Math.max(newest, info.mtimeMs);
    if (!info.isDirectory()) return;
    for (const name of await readdir(path))
      if (!name.startsWith('.')) await visit(join(path, name));
  };
  for (const input of [...APP_INPUTS, embeddedSource]) await visit(resolve(root, input));
  return newest;
}

interface Stamp {
  pub: string;
  embedded: string;
  newest: number;
}

export interface PreviewAppOptions {
  pubFile: string;
  pub: string;
  root?: string;
  home?: string;
  /** Told when a build starts (it takes a while), and why, in Chinese and English. */
  onBuild?: (why: { zh: string; en: string }) => void;
}

/** The folder of a preview app that trusts `pub`, built now if missing or stale. */
export async function previewApp(opts: PreviewAppOptions): Promise<string> {
  const root = opts.root ?? PROJECT_ROOT;
  const home = opts.home ?? PREVIEW_HOME;
  const app = join(home, 'app');
  const embedded = process.env.KIOSK_EMBEDDED_SOURCE ?? 'media/demo';
  const newest = await newestInput(root, embedded);
  const stamp = await readFile(join(app, STAMP), 'utf8')
    .then((t) => JSON.parse(t) as Stamp)
    .catch(() => null);
  const why = !stamp
    ? { zh: '第一次预览', en: 'no preview app yet' }
    : stamp.pub !== opts.pub || stamp.embedded !== embedded
      ? { zh: '预览密钥或自带内容变了', en: 'the preview key or the built-in pack changed' }
      : stamp.newest < newest
        ? { zh: '程序有了改动', en: 'the app has changed since it was built' }
        : null;
  if (!why) return app;
  opts.onBuild?.(why);
  // Built beside the old one, then swapped in: a failed build leaves the old app in place.
  const fresh = `${app}-${process.pid}`;
  await rm(fresh, { recursive: true, force: true });
  await viteBuild(root, fresh, opts.pubFile);
  await writeFile(join(fresh, STAMP), JSON.stringify({ pub: opts.pub, embedded, newest }));
  await rm(app, { recursive: true, force: true });
  await rename(fresh, app);
  return app;
}

/** `vite build` into `outDir`, trusting the key in `pubFile` and looking for the feed at /feed/. */
function viteBuild(root: string, outDir: string, pubFile: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--logLevel',
        'error',
        '--outDir',
        outDir,
        '--emptyOutDir',
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, KIOSK_FEED_PUBLIC_KEY_FILE: pubFile, KIOSK_FEED_URL: '/feed/' },
      },
    );
    // Vite's own report matters only when the build fails.
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0
        ? done()
        : fail(new Error(`vite build of the preview app failed (exit ${code}):\n${output}`)),
    );
  });
}
