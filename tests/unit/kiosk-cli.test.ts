/** `npm run kiosk` as a process: dry run, refusals, restarts and stops with stand-in browsers, `--serve`, and real Chromium. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, shellScript, until } from './kiosk-helpers';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-cli-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

interface Launcher {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

/**
 * Starts the launcher as `npm run kiosk` does, minus npm and tsx's relaying parent process, and
 * with no screen to open (nothing here may appear on a developer's display).
 */
function launch(...args: string[]): Launcher {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/kiosk.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out: () => out, err: () => err, exit };
}

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe('npm run kiosk', () => {
  it('--dry-run prints the command line and touches nothing', async () => {
    const profile = join(work, 'dry-profile');
    const k = launch(
      '--dry-run',
      '--chromium',
      '/bin/true',
      '--profile',
      profile,
      '--url',
      'http://localhost:9999/',
      '--',
      '--lang=zh-CN',
    );
    expect(await k.exit).toBe(0);
    const line = k.out().trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^\/bin\/true --kiosk --user-data-dir=\S+dry-profile /);
    for (const flag of ['--noerrdialogs', '--disable-pinch', '--overscroll-history-navigation=0'])
      expect(line).toContain(` ${flag} `);
    expect(line).toMatch(/ --lang=zh-CN http:\/\/localhost:9999\/$/);
    expect(existsSync(profile)).toBe(false);
  });

  it('refuses what it cannot do, saying why', async () => {
    const cases: [string[], number, RegExp][] = [
      [['--chromium', join(work, 'nope')], 1, /--chromium \S+nope: no executable file there/],
      [['--feed', 'feed'], 2, /add --serve/],
      [['--serve', '--url', 'http://192.168.1.5:4173/'], 2, /--url must be http:\/\/localhost/],
      [['--url', 'ftp://hall/'], 2, /http:\/\/ or https:\/\//],
      [['--bogus'], 2, /Unknown option '--bogus'[\s\S]*usage: npm run kiosk/],
    ];
    for (const [args, code, message] of cases) {
      const k = launch('--dry-run', ...args);
      expect(await k.exit).toBe(code);
      expect(k.err()).toMatch(message);
    }
  });

  it('will not share its profile with a Chromium that is running', async () => {
    const profile = join(work, 'shared-profile');
    await mkdir(profile);
    // A live process that looks like Chromium, named in the lock as Chromium names itself.
    const standIn = join(work, 'chromium-stand-in');
    await symlink('/bin/sleep', standIn);
    const other = spawn(standIn, ['30']);
    try {
      await symlink(`${hostname()}-${other.pid}`, join(profile, 'SingletonLock'));
      const k = launch('--chromium', '/bin/true', '--profile', profile);
      expect(await k.exit).toBe(1);
      expect(k.err()).toContain(`is in use by a running Chromium (pid ${other.pid})`);
      expect(k.out()).not.toContain('Chromium started');
    } finally {
      other.kill();
    }
  });

  it('repairs the profile, restarts a browser that keeps dying, and stops on SIGTERM', async () => {
    const profile = join(work, 'crashy-profile');
    await mkdir(join(profile, 'Default'), { recursive: true });
    await symlink('another-machine-1', join(profile, 'SingletonLock'));
    await writeFile(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ profile: { exit_type: 'Crashed', exited_cleanly: false } }),
    );
    const browser = await shellScript(work, 'dies', 'exit 7');
    const k = launch('--chromium', browser, '--profile', profile);
    await until('two restarts', () => k.out().includes('restarting in 2 s'));
    k.child.kill('SIGTERM');
    expect(await k.exit).toBe(0);
    const lines = k.out().trim().split('\n');
    const T = String.raw`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z kiosk: `;
    expect(lines.slice(0, 6).map((l) => l.replace(/pid \d+/, 'pid N'))).toEqual([
      expect.stringMatching(`${T}removed stale profile locks: SingletonLock$`),
      expect.stringMatching(`${T}Default/Preferences updated: clean exit$`),
      expect.stringMatching(`${T}Chromium started \\(run 1, pid N\\)$`),
      expect.stringMatching(
        `${T}Chromium exited \\(exit code 7 after [\\d.]+ s\\); restarting in 1 s$`,
      ),
      expect.stringMatching(`${T}Chromium started \\(run 2, pid N\\)$`),
      expect.stringMatching(
        `${T}Chromium exited \\(exit code 7 after [\\d.]+ s\\); restarting in 2 s$`,
      ),
    ]);
    expect(lines.at(-2)).toMatch(new RegExp(`${T}SIGTERM: stopping Chromium$`));
    expect(lines.at(-1)).toMatch(new RegExp(`${T}stopped$`));
    // Said once, at start: a launch from a remote shell would otherwise fail without a clue.
    expect(k.err()).toMatch(/^kiosk: warning: neither DISPLAY nor WAYLAND_DISPLAY is set[^\n]*\n$/);
  });

  it('on Ctrl+C stops the running browser before it exits itself', async () => {
    const pidFile = join(work, 'browser.pid');
    const browser = await shellScript(work, 'stays', `echo $$ > '${pidFile}'; exec sleep 60`);
    const k = launch('--chromium', browser, '--profile', join(work, 'calm-profile'));
    await until('the stand-in to start', () => existsSync(pidFile));
    const pid = Number(readFileSync(pidFile, 'utf8'));
    k.child.kill('SIGINT');
    expect(await k.exit).toBe(0);
    expect(k.out()).toMatch(/SIGINT: stopping Chromium\n.*Chromium stopped \(signal SIGTERM/);
    expect(alive(pid)).toBe(false);
  });

  it('--serve serves the app and the feed at the URL the browser is given, until stopped', async () => {
    const app = join(work, 'app');
    const feed = join(work, 'feed');
    await mkdir(app);
    await mkdir(feed);
    await writeFile(join(app, 'index.html'), '<!doctype html><title>劳模之家</title>');
    await writeFile(join(feed, 'hello.txt'), 'feed here');
    const seen = join(work, 'seen.json');
    // A stand-in browser that fetches the page and a feed file, notes what came back, and waits.
    const fetcher = join(work, 'fetcher.mjs');
    await writeFile(
      fetcher,
      `import { writeFileSync } from 'node:fs';
const url = process.argv.at(-1);
const page = await fetch(url);
const file = await fetch(new URL('feed/hello.txt', url));
writeFileSync(process.argv[2], JSON.stringify([url, page.status, await page.text(), file.status, await file.text()]));
setInterval(() => {}, 1000);`,
    );
    const browser = await shellScript(
      work,
      'fetches',
      `exec '${process.execPath}' '${fetcher}' '${seen}' "$@"`,
    );
    const port = await freePort();
    const url = `http://localhost:${port}/`;
    const k = launch(
      '--serve',
      '--app',
      app,
      '--feed',
      feed,
      '--url',
      url,
      '--chromium',
      browser,
      '--profile',
      join(work, 'served-profile'),
    );
    await until('the stand-in to fetch', () => existsSync(seen), 15_000);
    expect(JSON.parse(await readFile(seen, 'utf8'))).toEqual([
      url,
      200,
      '<!doctype html><title>劳模之家</title>',
      200,
      'feed here',
    ]);
    expect(k.out()).toContain(`at http://localhost:${port}/feed/`);
    k.child.kill('SIGTERM');
    expect(await k.exit).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });
});

/** Processes in Chromium's process group that render pages (its browser_ui pages included). */
function renderersOf(group: number): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (
          Number(fields[2]) === group &&
          readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--type=renderer')
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe.skipIf(!existsSync('/usr/bin/chromium'))('npm run kiosk with real Chromium', () => {
  it(
    'loads the page with the kiosk flags, and starts again when the page crashes',
    { timeout: 90_000 },
    async () => {
      let loads = 0;
      const server = createHttpServer((req, res) => {
        if (req.url === '/loaded') loads++;
        res
          .writeHead(200, { 'Content-Type': 'text/html' })
          .end("<!doctype html><script>fetch('/loaded')</script>");
      }).listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      const url = `http://localhost:${(server.address() as AddressInfo).port}/`;
      // Headless (no display here) and no sandbox (tests run as root); every kiosk flag as in a hall.
      const k = launch(
        '--url',
        url,
        '--profile',
        join(work, 'real-profile'),
        '--',
        '--headless',
        '--no-sandbox',
      );
      try {
        await until('the page to run', () => loads === 1, 45_000);
        const first = Number(/run 1, pid (\d+)/.exec(k.out())![1]);
        for (const pid of renderersOf(first)) process.kill(pid, 'SIGKILL');
        await until('the page to run again', () => loads === 2, 45_000);
        expect(k.out()).toMatch(/the page crashed \(killed\); stopping Chromium to start it again/);
        expect(k.out()).toMatch(/Chromium exited \(.* page crashed: killed\); restarting in 1 s/);
        const second = Number(/run 2, pid (\d+)/.exec(k.out())![1]);
        k.child.kill('SIGTERM');
        expect(await k.exit).toBe(0);
        await until(
          'Chromium to be gone',
          () => !alive(second) && renderersOf(second).length === 0,
          5000,
        );
      } finally {
        if (k.child.exitCode === null) {
          // A launcher killed outright leaves its Chromium running in a session of its own.
          k.child.kill('SIGKILL');
          for (const [, pid] of k.out().matchAll(/pid (\d+)/g)) {
            try {
              process.kill(-Number(pid), 'SIGKILL');
            } catch {
              // That run has already exited.
            }
          }
        }
        server.close();
      }
    },
  );
});
