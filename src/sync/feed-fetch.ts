/** Fetching from the feed: the signed index (capped and verified) and objects by hash, as rejections or failures. */
import { fromBase64, importPublicKey, sha256Hex, verifySignature } from '../feed/crypto';
import { FeedError, FeedIndexSchema, parseJsonFile, type FeedIndex } from '../feed/format';
import { ObjectError, fetchVerified, readSmallBody } from './fetch-object';

/** A refusal that rejects this feed version (as opposed to a passing network failure). */
export class Rejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Fetches `index.json` and its signature, checks the signature over the exact bytes, then parses. */
export async function fetchIndex(feedUrl: string, publicKey: string, signal: AbortSignal) {
  const [indexRes, sigRes] = await Promise.all([
    fetchOrFail(`${feedUrl}index.json`, signal),
    fetchOrFail(`${feedUrl}index.json.sig`, signal),
  ]);
  if (!indexRes.ok) throw new Error(`index.json answered HTTP ${indexRes.status}`);
  if (sigRes.status === 404)
    throw new Rejection('signature-missing', 'index.json.sig is missing; the feed is not signed');
  if (!sigRes.ok) throw new Error(`index.json.sig answered HTTP ${sigRes.status}`);
  const [indexBytes, sigBytes] = await Promise.all([
    readSmall(indexRes, MAX_INDEX_BYTES, 'index.json'),
    readSmall(sigRes, MAX_SIGNATURE_BYTES, 'index.json.sig'),
  ]);
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
  const index: FeedIndex = parseFeedJson(() =>
    parseJsonFile(FeedIndexSchema, indexBytes, 'index.json'),
  );
  return { index, indexSha: await sha256Hex(indexBytes) };
}

const MAX_INDEX_BYTES = 64 * 1024;
const MAX_SIGNATURE_BYTES = 1024;

async function readSmall(response: Response, max: number, what: string): Promise<Uint8Array> {
  try {
    return await readSmallBody(response, max, what);
  } catch (e) {
    if (e instanceof ObjectError) throw new Rejection(e.code, e.message);
    throw new Error(`connection lost while reading ${what}`, { cause: e });
  }
}

async function fetchOrFail(url: string, signal: AbortSignal): Promise<Response> {
  try {
    return await fetch(url, { cache: 'no-store', signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new Error(`the feed at ${url} cannot be reached (offline?)`, { cause: e });
  }
}

/** An object by hash; a wrong or damaged object is a rejection, a network problem a failure. */
export async function fetchObject(
  feedUrl: string,
  sha: string,
  size: number,
  signal: AbortSignal,
  onBytes?: (n: number) => void,
  label?: string,
): Promise<Uint8Array> {
  try {
    return await fetchVerified(`${feedUrl}objects/${sha}`, sha, size, signal, onBytes);
  } catch (e) {
    if (e instanceof ObjectError && !e.transient)
      throw new Rejection(e.code, label ? `${label}: ${e.message}` : e.message);
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
