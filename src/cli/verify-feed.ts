/** `pack verify`: checks a feed folder exactly as a kiosk would before it lets the pack go live. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromBase64, importPublicKey, sha256Hex, verifySignature } from '../feed/crypto';
import {
  FeedError,
  FeedIndexSchema,
  ManifestSchema,
  isExpired,
  parseJsonFile,
  type FeedIndex,
} from '../feed/format';
import { checkPackContent } from '../feed/pack-check';

export interface VerifyReport {
  index: FeedIndex | null;
  problems: string[];
  warnings: string[];
  files: number;
  bytes: number;
}

/** Collects every problem rather than stopping at the first, so staff can fix them together. */
export async function verifyFeed(
  feed: string,
  publicKey: string,
  now = Date.now(),
): Promise<VerifyReport> {
  const report: VerifyReport = { index: null, problems: [], warnings: [], files: 0, bytes: 0 };
  const fail = (e: unknown) => {
    if (e instanceof FeedError)
      report.problems.push(`${join(feed, e.file)}: ${e.field} ${e.expected}`);
    else throw e;
  };
  const indexFile = 'index.json';
  const indexBytes = await readOrNull(join(feed, indexFile));
  const sigText = await readOrNull(join(feed, 'index.json.sig'));
  if (!indexBytes) return { ...report, problems: [`${join(feed, indexFile)}: is missing`] };
  if (!sigText)
    report.problems.push(
      `${join(feed, 'index.json.sig')}: is missing; sign with \`pack build --key\``,
    );
  else {
    let sig: Uint8Array | null = null;
    try {
      sig = fromBase64(new TextDecoder().decode(sigText));
    } catch {
      report.problems.push(
        `${join(feed, 'index.json.sig')}: must be base64 of a 64-byte Ed25519 signature`,
      );
    }
    if (sig && !(await verifySignature(await importPublicKey(publicKey), sig, indexBytes)))
      report.problems.push(
        `${join(feed, 'index.json.sig')}: does not verify with the given public key (wrong key, or index.json changed after signing)`,
      );
  }

  let index: FeedIndex;
  try {
    index = parseJsonFile(FeedIndexSchema, indexBytes, indexFile);
  } catch (e) {
    fail(e);
    return report;
  }
  report.index = index;
  if (isExpired(index, now))
    report.warnings.push(
      `${join(feed, indexFile)}: expires ${index.expires} is in the past; kiosks will warn staff`,
    );

  const manifestName = `objects/${index.manifest.sha256}`;
  const manifestBytes = await readObject(
    feed,
    manifestName,
    index.manifest.sha256,
    index.manifest.size,
    report,
  );
  if (!manifestBytes) return report;
  let manifest;
  try {
    manifest = parseJsonFile(ManifestSchema, manifestBytes, manifestName);
  } catch (e) {
    fail(e);
    return report;
  }
  if (manifest.version !== index.version)
    report.problems.push(
      `${join(feed, manifestName)}: version ${manifest.version} must equal index.json version ${index.version}`,
    );

  for (const f of manifest.files) {
    const bytes = await readObject(feed, `objects/${f.sha256}`, f.sha256, f.size, report, f.path);
    if (!bytes) continue;
    report.files++;
    report.bytes += bytes.length;
    if (f.sha256 !== manifest.content) continue;
    report.problems.push(...checkPackContent(bytes, manifest).problems);
  }
  return report;
}

async function readObject(
  feed: string,
  name: string,
  sha: string,
  size: number,
  report: VerifyReport,
  label = name,
): Promise<Uint8Array | null> {
  const bytes = await readOrNull(join(feed, name));
  const where = `${join(feed, name)}${label === name ? '' : ` (${label})`}`;
  if (!bytes) report.problems.push(`${where}: is missing`);
  else if (bytes.length !== size)
    report.problems.push(`${where}: is ${bytes.length} bytes; the manifest declares ${size}`);
  else if ((await sha256Hex(bytes)) !== sha)
    report.problems.push(`${where}: SHA-256 does not match its name (corrupted)`);
  else return bytes;
  return null;
}

async function readOrNull(file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    return null;
  }
}
