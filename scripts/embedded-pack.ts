/** Vite plugin: builds the pack the app carries inside itself (from media/) into dist/embedded/, signed, version 0. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { buildPack } from '../src/cli/build-pack';
import { readPrivateKey } from '../src/cli/keys';

export interface EmbeddedPackOptions {
  /** Source folder of the pack (content.json, pack.json and media). */
  source: string;
  /** Private key file it is signed with; the app checks it with the matching public key. */
  keyFile: string;
}

/**
 * Emits `embedded/index.json`, `embedded/index.json.sig` and `embedded/objects/*` into the build, so
 * the service worker precaches them and a first boot with no feed still has the hall's content.
 */
export function embeddedPack(opts: EmbeddedPackOptions): Plugin {
  return {
    name: 'kiosk-embedded-pack',
    apply: 'build',
    async generateBundle() {
      const out = await mkdtemp(join(tmpdir(), 'kiosk-embedded-'));
      try {
        const key = await readPrivateKey(opts.keyFile);
        await buildPack({ source: opts.source, out, key, version: 0 });
        for (const name of ['index.json', 'index.json.sig'])
          this.emitFile({
            type: 'asset',
            fileName: `embedded/${name}`,
            source: await readFile(join(out, name)),
          });
        for (const name of await readdir(join(out, 'objects')))
          this.emitFile({
            type: 'asset',
            fileName: `embedded/objects/${name}`,
            source: await readFile(join(out, 'objects', name)),
          });
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    },
  };
}
