/** `npm start`: builds the kiosk and the demo feed, then serves both (app at `/`, feed at `/feed/`). */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { buildPack } from '../src/cli/build-pack';
import { readPrivateKey } from '../src/cli/keys';
import { startServer, tlsFromEnv } from '../src/server/serve';

const { values } = parseArgs({
  options: { feed: { type: 'string' }, 'no-build': { type: 'boolean' } },
});
const port = Number(process.env.PORT ?? 4173);

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
