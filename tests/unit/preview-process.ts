/** `npm run pack -- preview` as a real subprocess, with what it prints collected, for the unit and browser tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeedIndex, Manifest } from '../../src/feed/format';

export class PreviewProcess {
  out = '';
  err = '';
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  /** Starts `pack preview SOURCE --port 0 --no-open` (node with tsx, so the pid is the CLI's own). */
  constructor(source: string) {
    this.child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/pack.ts', 'preview', source, '--port', '0', '--no-open'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child.stdout!.on('data', (b: Buffer) => (this.out += b.toString()));
    this.child.stderr!.on('data', (b: Buffer) => (this.err += b.toString()));
    this.exited = new Promise((done) => this.child.on('exit', (code) => done(code)));
  }

  /** Waits until `re` matches what the preview printed (stdout or stderr), or fails after `timeoutMs`. */
  async waitFor(
    re: RegExp,
    timeoutMs: number,
    from: 'out' | 'err' = 'out',
  ): Promise<RegExpExecArray> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const m = re.exec(from === 'out' ? this.out : this.err);
      if (m) return m;
      if (this.child.exitCode !== null || Date.now() > until)
        throw new Error(
          `preview never printed ${re} (exit ${this.child.exitCode})\n--- stdout\n${this.out}\n--- stderr\n${this.err}`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The page address the preview prints once its first build is served. */
  async url(timeoutMs: number): Promise<string> {
    return (await this.waitFor(/Preview:\s+(http:\/\/localhost:\d+\/\S*)/, timeoutMs))[1]!;
  }

  /** The temporary feed folder the preview said it builds into. */
  feedDir(): string {
    return /临时发布目录 (\S+) /.exec(this.out)![1]!;
  }

  /** Sends `signal` (Ctrl+C is SIGINT) and waits for the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/**
 * Copies the feed served at `base` (`…/feed/`) into `to`, index and every object the manifest names,
 * so `verifyFeed` checks exactly the bytes the server gave out.
 */
export async function mirrorFeed(base: string, to: string): Promise<FeedIndex> {
  const get = async (path: string) => {
    const r = await fetch(new URL(`feed/${path}`, base));
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    const bytes = new Uint8Array(await r.arrayBuffer());
    await writeFile(join(to, path), bytes);
    return bytes;
  };
  await mkdir(join(to, 'objects'), { recursive: true });
  const index = JSON.parse(new TextDecoder().decode(await get('index.json'))) as FeedIndex;
  await get('index.json.sig');
  const manifest = JSON.parse(
    new TextDecoder().decode(await get(`objects/${index.manifest.sha256}`)),
  ) as Manifest;
  for (const f of manifest.files) await get(`objects/${f.sha256}`);
  return index;
}
