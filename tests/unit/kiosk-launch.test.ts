/** The launcher's decisions on real folders and processes: flags, finding Chromium, profile locks and preferences, back-off. */
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearStaleLocks,
  createBackoff,
  findChromium,
  fixPreferences,
  isChromiumRunning,
  kioskFlags,
  kioskUrl,
  shellLine,
} from '../../scripts/kiosk-launch';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kiosk-launch-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('flags and addresses', () => {
  it('asks Chromium for a locked-down kiosk on the URL, with flags of the hall after ours', () => {
    const flags = kioskFlags({
      url: 'http://localhost:4173/',
      profileDir: '/p',
      extra: ['--lang=zh-CN', '--disable-features=Foo,Translate'],
    });
    for (const f of [
      '--kiosk',
      '--user-data-dir=/p',
      '--noerrdialogs',
      '--disable-session-crashed-bubble',
      '--hide-crash-restore-bubble',
      '--disable-infobars',
      '--disable-pinch',
      '--overscroll-history-navigation=0',
      '--autoplay-policy=no-user-gesture-required',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-translate',
      '--no-first-run',
      '--touch-events=enabled',
      '--remote-debugging-pipe',
    ])
      expect(flags).toContain(f);
    expect(flags.at(-1)).toBe('http://localhost:4173/');
    expect(flags.at(-2)).toBe('--lang=zh-CN');
    // One --disable-features (Chromium keeps only the last), ours and the hall's merged.
    const features = flags.filter((f) => f.startsWith('--disable-features='));
    expect(features).toEqual([
      '--disable-features=Translate,MediaRouter,OverscrollHistoryNavigation,TouchpadOverscrollHistoryNavigation,Foo',
    ]);
    expect(flags.some((f) => f.startsWith('--app'))).toBe(false);
  });

  it('accepts secure contexts quietly, warns of plain HTTP elsewhere, refuses other schemes', () => {
    expect(kioskUrl('http://localhost:4173/')).toEqual({ url: 'http://localhost:4173/' });
    expect(kioskUrl('http://127.0.0.1:8080').warning).toBeUndefined();
    expect(kioskUrl('http://[::1]:8080/').warning).toBeUndefined();
    expect(kioskUrl('https://kiosk.hall.example/').warning).toBeUndefined();
    expect(kioskUrl('http://192.168.1.5:4173/').warning).toMatch(/not a secure context/);
    expect(() => kioskUrl('file:///srv/index.html')).toThrow(/http/);
    expect(() => kioskUrl('localhost:4173')).toThrow();
  });

  it('writes a command line that a shell reads back word for word', () => {
    const args = ['--user-data-dir=/home/a b/p', "it's", '--x=1,2', 'http://localhost:1/?a=b&c'];
    const out = execFileSync('sh', ['-c', shellLine('printf', ['%s\\n', ...args])], {
      encoding: 'utf8',
    });
    expect(out.split('\n').slice(0, -1)).toEqual(args);
  });
});

describe('finding Chromium', () => {
  it('takes the named browser, or searches /usr/bin/chromium and then PATH in order', async () => {
    const bin = join(work, 'bin');
    await mkdir(bin);
    const chrome = join(bin, 'google-chrome');
    await writeFile(chrome, '#!/bin/sh\n');
    await chmod(chrome, 0o755);
    await writeFile(join(bin, 'chromium-browser'), 'not executable');
    expect(findChromium({ given: chrome })).toBe(chrome);
    expect(() => findChromium({ given: join(bin, 'chromium-browser') })).toThrow(/no executable/);
    // As on a machine without /usr/bin/chromium; everything else is asked of the real files.
    const ok = (f: string) => {
      try {
        accessSync(f, constants.X_OK);
        return f !== '/usr/bin/chromium';
      } catch {
        return false;
      }
    };
    expect(findChromium({ pathEnv: `/nowhere:${bin}`, isExecutable: ok })).toBe(chrome);
    expect(findChromium({ pathEnv: bin, isExecutable: () => true })).toBe('/usr/bin/chromium');
    expect(() => findChromium({ pathEnv: '/nowhere', isExecutable: () => false })).toThrow(
      /\/usr\/bin\/chromium, then chromium, chromium-browser, google-chrome, google-chrome-stable on PATH \(\/nowhere\)/,
    );
  });
});

describe('profile locks', () => {
  async function lockedProfile(owner: string): Promise<string> {
    const dir = await mkdtemp(join(work, 'profile-'));
    await symlink(owner, join(dir, 'SingletonLock'));
    await symlink('/tmp/org.chromium.Chromium.gone/SingletonSocket', join(dir, 'SingletonSocket'));
    await symlink('1234567890', join(dir, 'SingletonCookie'));
    return dir;
  }
  const names = async (dir: string) => (await readdir(dir)).sort();

  it('removes a lock left by a dead Chromium, or by this disk under another host name', async () => {
    const isRunning = isChromiumRunning;
    const dead = await lockedProfile(`${hostname()}-999999999`);
    expect(await clearStaleLocks(dead, { hostname: hostname(), isRunning })).toEqual({
      removed: ['SingletonLock', 'SingletonSocket', 'SingletonCookie'],
    });
    expect(await names(dead)).toEqual([]);
    const moved = await lockedProfile(`old-name-${process.pid}`);
    expect(
      (await clearStaleLocks(moved, { hostname: hostname(), isRunning })).removed,
    ).toHaveLength(3);
  });

  it('keeps the lock of a live Chromium, but not of a live process that is something else', async () => {
    // A real process whose command line names Chromium, and a real one that does not.
    const fake = join(work, 'chromium-stand-in');
    await symlink(
      execFileSync('sh', ['-c', 'command -v sleep'], { encoding: 'utf8' }).trim(),
      fake,
    );
    const browser = spawn(fake, ['30']);
    const other = spawn('sleep', ['30']);
    try {
      const live = await lockedProfile(`${hostname()}-${browser.pid}`);
      expect(
        await clearStaleLocks(live, { hostname: hostname(), isRunning: isChromiumRunning }),
      ).toEqual({
        removed: [],
        heldBy: { host: hostname(), pid: browser.pid },
      });
      expect(await names(live)).toEqual(['SingletonCookie', 'SingletonLock', 'SingletonSocket']);
      const reused = await lockedProfile(`${hostname()}-${other.pid}`);
      expect(isChromiumRunning(other.pid!)).toBe(false);
      expect(
        (await clearStaleLocks(reused, { hostname: hostname(), isRunning: isChromiumRunning }))
          .removed,
      ).toHaveLength(3);
    } finally {
      browser.kill();
      other.kill();
    }
  });

  it('removes a socket and cookie left without their lock, and leaves a clean profile alone', async () => {
    const dir = await lockedProfile('x');
    await rm(join(dir, 'SingletonLock'));
    await writeFile(join(dir, 'Local State'), '{}');
    const opts = { hostname: hostname(), isRunning: () => true };
    expect(await clearStaleLocks(dir, opts)).toEqual({
      removed: ['SingletonSocket', 'SingletonCookie'],
    });
    expect(await clearStaleLocks(dir, opts)).toEqual({ removed: [] });
    expect(await names(dir)).toEqual(['Local State']);
  });
});

describe('Preferences', () => {
  const prefsOf = async (dir: string) =>
    JSON.parse(await readFile(join(dir, 'Default', 'Preferences'), 'utf8')) as unknown;

  it('marks a crashed run as a clean exit, keeping every other setting', async () => {
    const dir = await mkdtemp(join(work, 'prefs-'));
    await mkdir(join(dir, 'Default'));
    const before = {
      profile: { exit_type: 'Crashed', exited_cleanly: false, name: 'Kiosk' },
      intl: { selected_languages: 'zh-CN' },
      translate: { blocked_languages: ['zh-CN'] },
    };
    await writeFile(join(dir, 'Default', 'Preferences'), JSON.stringify(before));
    expect(await fixPreferences(dir)).toEqual({ outcome: 'updated' });
    expect(await prefsOf(dir)).toEqual({
      profile: { exit_type: 'Normal', exited_cleanly: true, name: 'Kiosk' },
      intl: { selected_languages: 'zh-CN' },
      translate: { blocked_languages: ['zh-CN'], enabled: false },
    });
    expect(await fixPreferences(dir)).toEqual({ outcome: 'unchanged' });
    expect(await readdir(join(dir, 'Default'))).toEqual(['Preferences']);
  });

  it('creates the file on a first run', async () => {
    const dir = await mkdtemp(join(work, 'prefs-'));
    expect(await fixPreferences(dir)).toEqual({ outcome: 'created' });
    expect(await prefsOf(dir)).toEqual({
      profile: { exit_type: 'Normal', exited_cleanly: true },
      translate: { enabled: false },
    });
  });

  it('leaves a file that is not a JSON object exactly as it was', async () => {
    for (const text of ['{"profile": {"exit_type": "Cra', '[1, 2]']) {
      const dir = await mkdtemp(join(work, 'prefs-'));
      await mkdir(join(dir, 'Default'));
      await writeFile(join(dir, 'Default', 'Preferences'), text);
      expect((await fixPreferences(dir)).outcome).toBe('unreadable');
      expect(await readFile(join(dir, 'Default', 'Preferences'), 'utf8')).toBe(text);
    }
  });
});

describe('back-off', () => {
  it('waits 1 s, doubling to 30 s while Chromium dies quickly, and starts over after 5 minutes up', () => {
    const b = createBackoff();
    expect([0, 10, 900, 2000, 100, 60_000, 0].map((ran) => b.next(ran))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
    expect(b.next(299_999)).toBe(30_000);
    expect([300_000, 5, 5].map((ran) => b.next(ran))).toEqual([1000, 2000, 4000]);
  });
});
