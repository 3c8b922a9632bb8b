/** Stage 1 of a sync run: the signed index, read through a feed source and verified over its exact bytes. */
import { fromBase64, importPublicKey, sha256Hex, verifySignature } from '../feed/crypto';
import { FeedError, FeedIndexSchema, parseJsonFile, type FeedIndex } from '../feed/format';
import type { FeedSource } from './feed-source';
import { Rejection } from './rejection';
import { ObjectError, readCapped } from './verify-object';

const MAX_INDEX_BYTES = 64 * 1024;
const MAX_SIGNATURE_BYTES = 1024;

export interface VerifiedIndex {
  index: FeedIndex;
  /** SHA-256 of the index bytes: what makes two indexes of the same version the same or not. */
  indexSha: string;
}

/** Reads `index.json` and `index.json.sig`, checks the signature, then parses the index. */
export async function readSignedIndex(
  source: FeedSource,
  publicKey: string,
  signal: AbortSignal,
): Promise<VerifiedIndex> {
  const [indexBytes, sigBytes] = await Promise.all([
    readSmall(source, 'index.json', MAX_INDEX_BYTES, signal),
    readSmall(source, 'index.json.sig', MAX_SIGNATURE_BYTES, signal),
  ]);
  if (!indexBytes)
    throw new Rejection(
      'index-missing',
      `${source.label} has no index.json; is this a feed folder?`,
    );
  if (!sigBytes)
    throw new Rejection('signature-missing', 'index.json.sig is missing; the feed is not signed');
  let signature: Uint8Array;
  try {
    signature = fromBase64(new TextDecoder().decode(sigBytes));
  } catch {
    throw new Rejection('signature-invalid', 'index.json.sig is not a base64 signature');
  }
  if (!(await verifySignature(await importPublicKey(publicKey), signature, indexBytes)))
    throw new Rejection(
      'signature-invalid',
      "index.json.sig does not verify against this kiosk's public key (wrong key, or index.json was altered)",
    );
  const index = parseFeedJson(() => parseJsonFile(FeedIndexSchema, indexBytes, 'index.json'));
  return { index, indexSha: await sha256Hex(indexBytes) };
}

/** A small file whole (null when absent); oversize is a rejection, a cut connection a failure. */
export async function readSmall(
  source: FeedSource,
  path: string,
  max: number,
  signal: AbortSignal,
): Promise<Uint8Array | null> {
  const file = await source.open(path, signal, max);
  if (!file) return null;
  try {
    return await readCapped(file.body, max, path);
  } catch (e) {
    if (e instanceof ObjectError) throw new Rejection(e.code, e.message);
    throw e;
  }
}

/** Runs a feed JSON parser, turning its FeedError into a rejection. */
export function parseFeedJson<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof FeedError) throw new Rejection(e.code, e.message);
    throw e;
  }
}
