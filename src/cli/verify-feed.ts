/** `pack verify`: checks a feed folder with the very stages a kiosk runs before it lets a pack go live. */
import { join } from 'node:path';
import { isExpired, type FeedIndex } from '../feed/format';
import { checkPackContent } from '../content/pack-check';
import { fetchObjects, type ObjectSink } from '../sync/fetch-objects';
import { readManifest } from '../sync/read-manifest';
import { readSignedIndex } from '../sync/read-index';
import { diskFeedSource } from './folder-source';

export interface VerifyReport {
  index: FeedIndex | null;
  problems: string[];
  warnings: string[];
  files: number;
  bytes: number;
}

/**
 * Signature, index, manifest (hash, version, schema) and every object (size and SHA-256, streamed)
 * exactly as the kiosk checks them; object problems are all collected, so staff fix them together.
 */
export async function verifyFeed(
  feed: string,
  publicKey: string,
  now = Date.now(),
): Promise<VerifyReport> {
  const report: VerifyReport = { index: null, problems: [], warnings: [], files: 0, bytes: 0 };
  const source = diskFeedSource(feed);
  const signal = new AbortController().signal;
  const stage = async <T>(file: string, run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (e) {
      report.problems.push(`${join(feed, file)}: ${(e as Error).message}`);
      return null;
    }
  };
  const verified = await stage('index.json', () => readSignedIndex(source, publicKey, signal));
  if (!verified) return report;
  const { index } = verified;
  report.index = index;
  if (isExpired(index, now))
    report.warnings.push(
      `${join(feed, 'index.json')}: expires ${index.expires} is in the past; kiosks will warn staff`,
    );
  const manifest = await stage(`objects/${index.manifest.sha256}`, () =>
    readManifest(source, index.manifest, index.version, signal),
  );
  if (!manifest) return report;

  // Objects stream through the kiosk's verifying stage; only content.json is kept, to check it.
  let contentBytes: Uint8Array | null = null;
  const sink: ObjectSink = {
    has: () => Promise.resolve(false),
    async put(sha, body, size) {
      if (sha === manifest.parsed.content)
        contentBytes = new Uint8Array(await new Response(body).arrayBuffer());
      else for await (const chunk of body) void chunk; // read to the end: that is what verifies it
      report.files++;
      report.bytes += size;
    },
  };
  const unique = [...new Map(manifest.parsed.files.map((f) => [f.sha256, f])).values()];
  const problems = await stage('objects', () =>
    fetchObjects(
      source,
      unique,
      sink,
      signal,
      () => {},
      () => {},
    ),
  );
  for (const p of problems ?? []) report.problems.push(`${join(feed, 'objects')}: ${p.reason}`);
  if (contentBytes)
    report.problems.push(...checkPackContent(contentBytes, manifest.parsed).problems);
  return report;
}
