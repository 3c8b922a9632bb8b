/**
 * `pack preview SOURCE`: builds SOURCE into a temporary feed signed with the preview key, serves the
 * kiosk on it at localhost (the same server as `npm start`), and rebuilds on every saved edit, so staff
 * see a pack before they publish it. A source with problems is reported as `build` reports it, and
 * the last good preview stays up.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../server/serve';
import { buildPack } from './build-pack';
import { buildSummary, problemLines } from './build-report';
import { previewApp, previewKey } from './preview-app';
import { CliProblem } from './problems';
import { terminalProgress } from './progress';
import { watchSource } from './watch-source';

/** The port a preview takes when none is asked for (npm start has 4173). */
export const PREVIEW_PORT = 4174;
/**
 * Settings for the previewing browser: look at the feed every minute, and let a new version go live
 * after 5 s untouched, so a reload (or a minute's wait) shows the edit.
 */
const PREVIEW_QUERY = '?checkMinutes=1&activateAfterIdleSeconds=5';

export interface PreviewOptions {
  source: string;
  /** Default PREVIEW_PORT, or the next free one after it; 0 picks any free port. */
  port?: number;
  /** Open the preview in the default browser (the CLI's `--no-open` turns it off). */
  open?: boolean;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

export interface RunningPreview {
  /** The feed folder the preview builds into (removed by `close`). */
  feed: string;
  /** Resolves with the page's address once a first good build is served. */
  ready: Promise<string>;
  /** Stops watching and serving and removes the temporary feed. */
  close(): Promise<void>;
}

/** Starts a preview; problems in the source are printed, never thrown, once it is running. */
export async function startPreview(opts: PreviewOptions): Promise<RunningPreview> {
  const log = opts.log ?? ((line) => console.log(line));
  const error = opts.error ?? ((line) => console.error(line));
  if (!(await stat(opts.source).catch(() => null))?.isDirectory())
    throw new CliProblem(opts.source, '(file)', '不是文件夹 / is not a folder');
  const { key, pub, pubFile } = await previewKey();
  const app = await previewApp({
    pubFile,
    pub,
    onBuild: (why) =>
      log(
        `› 正在构建预览用的触摸屏程序（${why.zh}），约需一分钟… / building the preview kiosk app (${why.en}), about a minute…`,
      ),
  });
  const feed = await mkdtemp(join(tmpdir(), 'kiosk-preview-'));
  log(`› 预览 ${opts.source}，临时发布目录 ${feed} / previewing ${opts.source} in ${feed}`);

  // Listening first: a port that cannot be had is said at once, before any build.
  const server = await listen(app, feed, opts.port).catch(async (e: unknown) => {
    await rm(feed, { recursive: true, force: true });
    throw e;
  });
  let built = false;
  let shown = false;
  let closed = false;
  let announce: (url: string) => void = () => {};
  const ready = new Promise<string>((resolve) => (announce = resolve));

  const buildOnce = async () => {
    const first = !built;
    try {
      const r = await buildPack({
        source: opts.source,
        out: feed,
        key,
        // A browser that saw an earlier preview refuses a lower version, so the first takes the clock's.
        version: first ? Math.floor(Date.now() / 1000) : undefined,
        now: new Date(),
        progress: terminalProgress(),
      });
      built = true;
      buildSummary({ ...r, bumpedFrom: undefined }, feed).forEach((l) => log(l));
      if (!first)
        log(
          r.unchanged
            ? '› 内容没有变化 / nothing changed'
            : `› 预览已更新为版本 ${r.index.version}，刷新页面即可看到 / preview updated to version ${r.index.version}: reload the page to see it`,
        );
    } catch (e) {
      if (closed) return; // the feed folder went with Ctrl+C
      const lines = problemLines(e) ?? [`unexpected error: ${(e as Error).stack ?? String(e)}`];
      lines.forEach((l) => error(l));
      error(
        built
          ? '› 预览没有更新，仍显示上一个没有问题的版本；改好后保存即可 / the preview was not updated: the last good version stays; fix and save'
          : '› 改好后保存，预览会自动重新生成 / fix the problems and save: the preview builds again',
      );
    }
    if (built && !shown && !closed) {
      shown = true;
      const url = `${server.url}/${PREVIEW_QUERY}`;
      log('');
      log(`  预览地址 / Preview:  ${url}`);
      log(
        `  修改 ${opts.source} 里的文件并保存，预览会自动重新生成；刷新页面，几秒后即显示新内容。`,
      );
      log(
        `  Edit and save files in ${opts.source}: the preview rebuilds; reload the page and the new content shows within seconds.`,
      );
      log(
        '  按 Ctrl+C 结束预览，临时文件随之删除。 / Ctrl+C ends the preview and removes its temporary files.',
      );
      log('');
      if (opts.open !== false) openInBrowser(url);
      announce(url);
    }
  };

  // One build at a time; edits made during a build are picked up by one more build after it.
  let running: Promise<void> | null = null;
  let again = false;
  const rebuild = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await buildOnce();
      } while (again && !closed);
      running = null;
    })();
  };
  const stopWatching = watchSource(opts.source, () => {
    log('› 内容有改动，重新生成… / the source changed, rebuilding…');
    rebuild();
  });
  rebuild();

  return {
    feed,
    ready,
    async close() {
      closed = true;
      stopWatching();
      await server.close();
      await rm(feed, { recursive: true, force: true });
    },
  };
}

/** Serves the app and the feed; without an asked-for port, the next free one after the default. */
async function listen(appDir: string, feedDir: string, port?: number): Promise<RunningServer> {
  for (let p = port ?? PREVIEW_PORT; ; p++) {
    try {
      return await startServer({ appDir, feedDir, port: p, host: '127.0.0.1' });
    } catch (e) {
      const busy = /already in use/.test((e as Error).message);
      if (!busy || port !== undefined || p >= PREVIEW_PORT + 20)
        throw new CliProblem(`localhost:${p}`, '(file)', (e as Error).message);
    }
  }
}

/** Opens the address in the desktop's browser; where there is none, the printed address is enough. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '', url]]
      : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener on this machine: staff open the printed address themselves.
  }
}
