/**
 * What a relaunched kiosk holds, checked against what was published: the pointer, its pack in
 * Cache Storage hashed byte for byte in the page, and what is on screen.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildPack } from '../../src/cli/build-pack';
import { readPrivateKey } from '../../src/cli/keys';
import { sha256Hex } from '../../src/feed/crypto';
import type { FeedIndex, Manifest } from '../../src/feed/format';
import { DEMO_KEY } from './kiosk';

/** A version written to the feed: what its pointer must name, byte for byte. */
export interface Published {
  version: number;
  indexSha: string;
  manifestSha: string;
  contentSha: string;
  /** Object hashes of the manifest's files, in manifest order. */
  files: string[];
  /** Byte size of each object, the manifest's own included. */
  sizes: Map<string, number>;
  /** What the welcome text says, so the screen shows which version it is. */
  welcome: string;
}

/** Builds `source` into `feed` as `version` (signed with the demo key) and records what was published. */
export async function publish(
  source: string,
  feed: string,
  version: number,
  welcome: string,
): Promise<Published> {
  await buildPack({ source, out: feed, key: await readPrivateKey(DEMO_KEY), version });
  const indexBytes = new Uint8Array(await readFile(join(feed, 'index.json')));
  const index = JSON.parse(new TextDecoder().decode(indexBytes)) as FeedIndex;
  if (index.version !== version) throw new Error(`published ${index.version}, not ${version}`);
  const manifest = JSON.parse(
    await readFile(join(feed, 'objects', index.manifest.sha256), 'utf8'),
  ) as Manifest;
  return {
    version,
    indexSha: await sha256Hex(indexBytes),
    manifestSha: index.manifest.sha256,
    contentSha: manifest.content,
    files: [...new Set(manifest.files.map((f) => f.sha256))],
    sizes: new Map([
      [index.manifest.sha256, index.manifest.size],
      ...manifest.files.map((f) => [f.sha256, f.size] as const),
    ]),
    welcome,
  };
}

/** What a relaunched kiosk was found holding. */
export interface Found {
  scene: string;
  shown: { version: number; embedded: boolean } | null;
  welcome: string | null;
  active: {
    version: number;
    indexSha: string;
    manifestSha: string;
    contentSha: string;
    objects: string[];
  } | null;
  staging: number | null;
  highestVersion: number;
  /** Each hash asked about: `ok` (stored, bytes hash to it), `wrong` or `missing`. */
  objects: Record<string, 'ok' | 'wrong' | 'missing'>;
  /** The file hashes of the stored manifest the pointer names, or null when it is not readable. */
  manifestFiles: string[] | null;
}

/**
 * Waits (up to `timeoutMs`) for the relaunched kiosk to show a screen, then reads its pointers
 * and hashes the listed objects, and every object of the pointer's pack, from Cache Storage.
 */
export async function inspect(page: Page, shas: string[], timeoutMs = 60_000): Promise<Found> {
  await page
    .waitForFunction(() => window.kiosk?.state().scene === 'home', null, { timeout: timeoutMs })
    .catch(() => {});
  const seen = await page.evaluate(async (asked) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('kiosk-state');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = (key: string) =>
      new Promise<unknown>((resolve, reject) => {
        const req = db.transaction('kv').objectStore('kv').get(key);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    type Pointer = {
      version: number;
      indexSha: string;
      manifestSha: string;
      contentSha: string;
      objects: string[];
    };
    const active = ((await read('active')) as Pointer | undefined) ?? null;
    const staging = ((await read('staging')) as Pointer | undefined) ?? null;
    const highestVersion = ((await read('highestVersion')) as number | undefined) ?? 0;
    db.close();
    const cache = await caches.open('kiosk-objects-v1');
    const hex = (b: ArrayBuffer) =>
      [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
    const objects: Record<string, 'ok' | 'wrong' | 'missing'> = {};
    for (const sha of new Set([...asked, ...(active?.objects ?? [])])) {
      const stored = await cache.match(`/objects/${sha}`);
      if (!stored) objects[sha] = 'missing';
      else
        objects[sha] =
          hex(await crypto.subtle.digest('SHA-256', await stored.arrayBuffer())) === sha
            ? 'ok'
            : 'wrong';
    }
    let manifestFiles: string[] | null = null;
    if (active && objects[active.manifestSha] === 'ok') {
      const stored = await cache.match(`/objects/${active.manifestSha}`);
      const manifest = (await stored!.json()) as { files: { sha256: string }[] };
      manifestFiles = [...new Set(manifest.files.map((f) => f.sha256))];
    }
    const state = window.kiosk?.state();
    return {
      scene: state?.scene ?? 'no kiosk',
      shown: state?.pack ? { version: state.pack.version, embedded: state.pack.embedded } : null,
      welcome: document.querySelector('.welcome')?.textContent ?? null,
      active: active && {
        version: active.version,
        indexSha: active.indexSha,
        manifestSha: active.manifestSha,
        contentSha: active.contentSha,
        objects: active.objects,
      },
      staging: staging?.version ?? null,
      highestVersion,
      objects,
      manifestFiles,
    };
  }, shas);
  return seen;
}

/**
 * Everything wrong with what a relaunch found, as sentences (none: the pointer names a complete,
 * verified pack that is one of `published`, and that pack is on screen).
 */
export function judge(found: Found, published: Map<number, Published>): string[] {
  const problems: string[] = [];
  const { active } = found;
  if (!active) return ['no pack is live (the pointer is gone)'];
  const release = published.get(active.version);
  if (!release) return [`the pointer names version ${active.version}, which was never published`];
  if (active.indexSha !== release.indexSha || active.manifestSha !== release.manifestSha)
    problems.push(`the pointer mixes version ${active.version} with another index or manifest`);
  if (active.contentSha !== release.contentSha)
    problems.push(`the pointer's content is not version ${active.version}'s`);
  const expected = [release.manifestSha, ...release.files];
  const listed = new Set(active.objects);
  if (expected.some((sha) => !listed.has(sha)) || listed.size !== new Set(expected).size)
    problems.push(`the pointer's object list is not version ${active.version}'s`);
  const bad = active.objects.filter((sha) => found.objects[sha] !== 'ok');
  if (bad.length)
    problems.push(
      `${bad.length} objects of the live pack are ${[...new Set(bad.map((s) => found.objects[s]))].join(' or ')} in storage`,
    );
  if (found.manifestFiles && found.manifestFiles.join() !== release.files.join())
    problems.push('the stored manifest lists other files than the published one');
  if (found.scene !== 'home') problems.push(`the kiosk did not reach home (scene ${found.scene})`);
  else if (found.shown?.version !== active.version || found.shown.embedded)
    problems.push(
      `the screen shows ${found.shown?.embedded ? 'the embedded pack' : `version ${found.shown?.version}`}, not the live version ${active.version}`,
    );
  else if (found.welcome !== release.welcome)
    problems.push(`the welcome text is "${found.welcome}", not version ${active.version}'s`);
  return problems;
}
