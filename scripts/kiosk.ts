/** `npm run kiosk`: Chromium in kiosk mode on the kiosk's page, restarted whenever it dies; `--serve` also serves the page. */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { RunningServer } from '../src/server/serve';
import {
  clearStaleLocks,
  DEFAULT_URL,
  defaultProfileDir,
  findChromium,
  fixPreferences,
  isChromiumRunning,
  isLoopback,
  kioskFlags,
  kioskUrl,
  shellLine,
} from './kiosk-launch';
import { superviseChromium } from './kiosk-supervise';

const USAGE = `usage: npm run kiosk -- [options] [-- chromium flags…]
  --url URL        the page to show (default ${DEFAULT_URL})
  --serve          also serve the built kiosk (dist/) and a feed on that localhost port
  --feed DIR       the feed folder --serve serves (default: the demo pack, built into .cache/demo-feed)
  --app DIR        the built kiosk --serve serves (default dist/ of this project)
  --chromium PATH  the browser (default /usr/bin/chromium, else chromium, chromium-browser,
                   google-chrome or google-chrome-stable on PATH)
  --profile DIR    Chromium's user data folder (default ~/.local/share/laomo-kiosk/chromium)
  --dry-run        print Chromium's command line and exit
Flags after a second -- go to Chromium after the launcher's own (e.g. -- --lang=zh-CN).`;

/** The project folder, so the launcher works from any working directory (a systemd unit's). */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const log = (line: string) => console.log(`${new Date().toISOString()} kiosk: ${line}`);

function fail(message: string, code = 1): never {
  console.error(`kiosk: ${message}`);
  process.exit(code);
}

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
let values;
try {
  ({ values } = parseArgs({
    args: split < 0 ? argv : argv.slice(0, split),
    options: {
      url: { type: 'string', default: DEFAULT_URL },
      serve: { type: 'boolean', default: false },
      feed: { type: 'string' },
      app: { type: 'string' },
      chromium: { type: 'string' },
      profile: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (e) {
  fail(`${(e as Error).message}\n${USAGE}`, 2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const extra = split < 0 ? [] : argv.slice(split + 1);

let url: string;
try {
  const checked = kioskUrl(values.url);
  url = checked.url;
  if (checked.warning) console.warn(`kiosk: warning: ${checked.warning}`);
} catch (e) {
  fail((e as Error).message, 2);
}
if ((values.feed || values.app) && !values.serve)
  fail('--feed and --app name what --serve serves; add --serve', 2);
const page = new URL(url);
if (values.serve && (page.protocol !== 'http:' || !isLoopback(page.hostname)))
  fail(`--serve serves this machine over plain HTTP: --url must be http://localhost:PORT/`, 2);

let chromium: string;
try {
  chromium = findChromium({ given: values.chromium, pathEnv: process.env.PATH });
} catch (e) {
  fail((e as Error).message);
}
const profileDir = resolve(values.profile ?? defaultProfileDir(process.env, homedir()));
const args = kioskFlags({ url, profileDir, extra });

if (values['dry-run']) {
  console.log(shellLine(chromium, args));
  process.exit(0);
}

const headless = extra.some((f) => f.startsWith('--headless'));
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
  console.warn(
    'kiosk: warning: neither DISPLAY nor WAYLAND_DISPLAY is set, so Chromium has no screen to ' +
      'open (from a remote shell: DISPLAY=:0 npm run kiosk)',
  );

// Before serving: a profile another Chromium is using is a mistake to report at once.
await prepareProfile(profileDir, true);

const controller = new AbortController();
// `on`, not `once`: a second Ctrl+C must not kill the launcher before Chromium is stopped.
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    if (controller.signal.aborted) return;
    log(`${sig}: stopping Chromium`);
    controller.abort();
  });

const server = values.serve
  ? await serve(Number(page.port || 80), values.app, values.feed)
  : undefined;

try {
  await superviseChromium({
    command: chromium,
    args,
    signal: controller.signal,
    log: (line) => console.log(line),
    beforeStart: () => prepareProfile(profileDir, false),
  });
} catch (e) {
  await server?.close();
  fail((e as Error).message);
}
await server?.close();
log('stopped');
process.exit(0);

/**
 * Clears a crashed run's locks and its "restore pages" state before each start. A profile that a
 * live Chromium holds stops the launcher at first; later (someone started another) the start goes
 * ahead, Chromium hands the page to the other one and exits, and the back-off paces the retries.
 */
async function prepareProfile(dir: string, first: boolean): Promise<void> {
  await mkdir(dir, { recursive: true });
  const locks = await clearStaleLocks(dir, { hostname: hostname(), isRunning: isChromiumRunning });
  if (locks.heldBy && first)
    fail(
      `the profile ${dir} is in use by a running Chromium (pid ${locks.heldBy.pid}): stop it, ` +
        'or give this launcher another --profile',
    );
  if (locks.heldBy)
    log(`the profile is still locked by Chromium pid ${locks.heldBy.pid}; starting anyway`);
  if (locks.removed.length) log(`removed stale profile locks: ${locks.removed.join(', ')}`);
  const prefs = await fixPreferences(dir);
  if (prefs.outcome === 'unreadable')
    log(`left Default/Preferences as it is (${prefs.reason}); Chromium will rebuild it`);
  else if (prefs.outcome !== 'unchanged') log(`Default/Preferences ${prefs.outcome}: clean exit`);
}

/** Serves the app and the feed on 127.0.0.1:`port`, building the demo feed when none is given. */
async function serve(
  port: number,
  app: string | undefined,
  feed: string | undefined,
): Promise<RunningServer> {
  const appDir = app ? resolve(app) : join(ROOT, 'dist');
  if (!existsSync(join(appDir, 'index.html')))
    fail(`no built kiosk in ${appDir}: run npm run build first`);
  let feedDir: string;
  if (feed) feedDir = resolve(feed);
  else {
    // Loaded only here: the pack builder pulls in sharp, which a plain launch does not need.
    const { buildPack } = await import('../src/cli/build-pack');
    const { readPrivateKey } = await import('../src/cli/keys');
    feedDir = join(ROOT, '.cache', 'demo-feed');
    log('building the demo feed from media/demo (a hall serves its own with --feed DIR)');
    await buildPack({
      source: join(ROOT, 'media', 'demo'),
      out: feedDir,
      key: await readPrivateKey(join(ROOT, 'media', 'demo', 'keys', 'demo.key')),
    });
  }
  const { startServer } = await import('../src/server/serve');
  const server = await startServer({ appDir, feedDir, port, host: '127.0.0.1' }).catch(
    (e: unknown) => fail(`cannot serve the kiosk: ${(e as Error).message}`),
  );
  log(`serving ${appDir} at ${server.url}/ and ${feedDir} at ${server.url}/feed/`);
  return server;
}
