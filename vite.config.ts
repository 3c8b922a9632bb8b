// Build of the kiosk page and its service worker; the feed's public key is baked in here.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { embeddedPack } from './scripts/embedded-pack';

const DEMO_PUBLIC_KEY_FILE = 'media/demo/keys/demo.pub';
const publicKeyFile = process.env.KIOSK_FEED_PUBLIC_KEY_FILE ?? DEMO_PUBLIC_KEY_FILE;
const publicKey = readFileSync(publicKeyFile, 'utf8').trim();
const demoPublicKey = readFileSync(DEMO_PUBLIC_KEY_FILE, 'utf8').trim();
// Where kiosks look for the feed: same origin by default; another host must send CORS headers.
const feedUrl = process.env.KIOSK_FEED_URL ?? '/feed/';
const feedOrigin = /^https?:\/\//.test(feedUrl) ? new URL(feedUrl).origin : null;
// The pack built into the app (shown on a first boot with no feed): the hall's own media/ folder.
const embeddedSource = process.env.KIOSK_EMBEDDED_SOURCE ?? 'media/demo';
const embeddedKeyFile = process.env.KIOSK_EMBEDDED_KEY_FILE ?? 'media/demo/keys/demo.key';
const embeddedPublicKey = readFileSync(
  process.env.KIOSK_EMBEDDED_PUBLIC_KEY_FILE ?? DEMO_PUBLIC_KEY_FILE,
  'utf8',
).trim();
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const builtAt = new Date().toISOString();
// The app's version as staff and tests read it: package.json's, plus the commit it was built from
// (`.dirty` when the tree had changes), else the build time. KIOSK_APP_VERSION names a release.
const appVersion = process.env.KIOSK_APP_VERSION ?? `${pkg.version}+${buildLabel()}`;

/** `abc1234` or `abc1234.dirty` from git; the build time (`20261125T0617`) outside a checkout. */
function buildLabel(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return git('rev-parse', '--short', 'HEAD') + (dirty ? '.dirty' : '');
  } catch {
    return builtAt.replace(/[-:]/g, '').slice(0, 13);
  }
}

export default defineConfig({
  define: {
    __FEED_PUBLIC_KEY__: JSON.stringify(publicKey),
    __DEMO_PUBLIC_KEY__: JSON.stringify(demoPublicKey),
    __APP_VERSION__: JSON.stringify(appVersion),
    __APP_BUILT_AT__: JSON.stringify(builtAt),
    __FEED_URL__: JSON.stringify(feedUrl),
    __EMBEDDED_PUBLIC_KEY__: JSON.stringify(embeddedPublicKey),
  },
  plugins: [
    svelte(),
    embeddedPack({ source: embeddedSource, keyFile: embeddedKeyFile }),
    {
      // The page's Content Security Policy lets it fetch from its own origin and the feed's only.
      name: 'kiosk-feed-csp',
      transformIndexHtml: (html) =>
        feedOrigin ? html.replace("connect-src 'self'", `connect-src 'self' ${feedOrigin}`) : html,
    },
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: {
        name: '劳模之家 Model Workers’ Hall',
        short_name: '劳模之家',
        lang: 'zh-CN',
        display: 'fullscreen',
        background_color: '#2a0b0b',
        theme_color: '#2a0b0b',
        icons: [{ src: 'icon.png', sizes: '512x512', type: 'image/png' }],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,woff2}', 'embedded/**/*'],
        // The embedded pack may hold films; they are precached like the rest of the app.
        maximumFileSizeToCacheInBytes: 512 * 1024 * 1024,
      },
    }),
  ],
  build: { target: 'es2022', chunkSizeWarningLimit: 900 },
  preview: { port: 4173, strictPort: true },
});
