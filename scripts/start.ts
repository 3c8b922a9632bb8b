/** `npm start`: builds the kiosk and the demo feed, then serves both (app at `/`, feed at `/feed/`). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildPack } from '../src/cli/build-pack';
import { DEBIAN_NOTO } from '../src/cli/font-choice';
import { readPrivateKey } from '../src/cli/keys';
import { startServer, tlsFromEnv } from '../src/server/serve';

const { values } = parseArgs({
  options: { feed: { type: 'string' }, 'no-build': { type: 'boolean' } },
});
const port = Number(process.env.PORT ?? 4173);

// The kiosk's built-in pack and the demo feed carry a subset of Debian's Noto Sans CJK (see
// src/cli/font-choice.ts): on a fresh Debian machine, as root, install it as `npm test` does.
if (!existsSync(DEBIAN_NOTO.regular) || !existsSync(DEBIAN_NOTO.bold ?? DEBIAN_NOTO.regular)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('› installing Debian fonts-noto-cjk (the font the demo pack ships a subset of)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status;
    if (
      run(['update', '-qq']) !== 0 ||
      run(['install', '-y', '-qq', '--no-install-recommends', 'fonts-noto-cjk']) !== 0
    )
      process.exit(1);
  } else {
    console.error(
      "npm start: the demo pack needs Debian's fonts-noto-cjk: run `sudo apt-get install -y fonts-noto-cjk` first",
    );
    process.exit(1);
  }
}

if (!values['no-build']) {
  console.log('› building the kiosk (vite build)…');
  const vite = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (vite.status !== 0) process.exit(vite.status ?? 1);
}

let feedDir = values.feed;
if (!feedDir) {
  feedDir = '.cache/demo-feed';
  console.log('› building the demo feed from media/demo…');
  const r = await buildPack({
    source: 'media/demo',
    out: feedDir,
    key: await readPrivateKey('media/demo/keys/demo.key'),
  });
  console.log(
    `  pack "${r.index.pack}" version ${r.index.version}: ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB`,
  );
}

// HTTPS when the hall's certificate is given (KIOSK_TLS_CERT, KIOSK_TLS_KEY): see README.
const server = await Promise.resolve()
  .then(() =>
    startServer({ appDir: 'dist', feedDir, port, host: process.env.HOST, tls: tlsFromEnv() }),
  )
  .catch((e: unknown) => {
    console.error(`npm start: ${(e as Error).message}`);
    process.exit(1);
  });
console.log(
  `\n  劳模之家 kiosk: ${server.url}/\n  feed:          ${server.url}/feed/  (${feedDir})\n  Ctrl+C stops.`,
);
