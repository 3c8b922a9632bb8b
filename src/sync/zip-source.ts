/** A feed source over a `.zip` of a feed folder, read in slices and unpacked as it streams. */
import { SourceError, type FeedFile, type FeedSource } from './feed-source';
import { findFeedRoot } from './feed-root';
import { describeError, relayStream } from './relay-stream';
import { ObjectError } from './verify-object';
import { entryData, readZipDirectory, ZipError, type ZipEntry } from './zip-directory';

const STORED = 0;
const DEFLATED = 8;

/**
 * The feed inside `zip` (a File staff chose; `name` defaults to its file name). Nothing is read
 * until the first file is opened; then only the zip's table of contents is, and each opened entry
 * streams from its slice of the zip (deflated ones through the browser's own `deflate-raw`
 * decompressor), so memory stays a chunk at a time however large the zip. The feed may sit at
 * the top of the zip or in one folder inside it (a zip made of the `feed` folder itself).
 *
 * A zip that cannot be read at all fails the run (`SourceError`, not retried on its own); an
 * entry that is damaged is that object's problem alone, as a damaged download would be.
 */
export function zipSource(zip: Blob, name = (zip as Partial<File>).name ?? 'feed.zip'): FeedSource {
  let contents: Promise<{ entries: Map<string, ZipEntry>; prefix: string }> | null = null;
  const read = async () => {
    let entries: Map<string, ZipEntry>;
    try {
      entries = new Map((await readZipDirectory(zip, name)).map((e) => [e.name, e]));
    } catch (e) {
      const message =
        e instanceof ZipError
          ? e.message
          : `the zip file “${name}” cannot be read: ${describeError(e)}`;
      throw new SourceError('unreadable', message, false);
    }
    try {
      return { entries, prefix: findFeedRoot(entries.keys()) };
    } catch (e) {
      throw new SourceError('unreadable', `in the zip file “${name}”, ${describeError(e)}`, false);
    }
  };
  return {
    label: `the zip file “${name}” chosen at the kiosk`,
    remote: false,
    async open(path, signal) {
      signal.throwIfAborted();
      contents ??= read();
      const { entries, prefix } = await contents;
      const entry = entries.get(prefix + path);
      return entry ? openEntry(zip, name, entry) : null;
    },
  };
}

/** One entry's bytes as a stream, unpacked if deflated, checked against the size the zip declares. */
async function openEntry(zip: Blob, name: string, entry: ZipEntry): Promise<FeedFile> {
  const what = `“${entry.name}” in the zip file “${name}”`;
  if (entry.encrypted)
    throw new ObjectError('corrupt', `${what} is encrypted; make the zip without a password`);
  if (entry.method !== STORED && entry.method !== DEFLATED)
    throw new ObjectError(
      'corrupt',
      `${what} is compressed with method ${entry.method}, which the kiosk cannot unpack; make the zip with ordinary (deflate) compression`,
    );
  let start: number, end: number;
  try {
    ({ start, end } = await entryData(zip, entry, name));
  } catch (e) {
    if (e instanceof ZipError) throw new ObjectError('corrupt', e.message);
    throw new SourceError(
      'unreadable',
      `the zip file “${name}” cannot be read: ${describeError(e)}`,
      false,
    );
  }
  const raw = unreadableAs(zip.slice(start, end).stream(), name);
  const body = entry.method === STORED ? raw : raw.pipeThrough(inflateRaw());
  return { body: sized(body, entry.size, what), size: entry.size };
}

/** The zip's bytes; a read that fails (the file gone from under it) fails the whole run. */
function unreadableAs(
  stream: ReadableStream<Uint8Array>,
  name: string,
): ReadableStream<Uint8Array> {
  return relayStream(
    stream,
    (e) =>
      new SourceError(
        'unreadable',
        `the zip file “${name}” cannot be read any more: ${describeError(e)}`,
        false,
      ),
  );
}

/**
 * Lets through exactly `size` bytes: more, fewer, or data the decompressor refuses means the
 * entry is damaged, said with the zip's and the entry's names.
 */
function sized(
  stream: ReadableStream<Uint8Array>,
  size: number,
  what: string,
): ReadableStream<Uint8Array> {
  let seen = 0;
  return relayStream(
    stream,
    (e) =>
      e instanceof SourceError
        ? e
        : new ObjectError(
            'corrupt',
            `${what} is damaged and cannot be unpacked (${describeError(e)})`,
          ),
    (chunk) => {
      seen += chunk.length;
      return seen > size
        ? new ObjectError(
            'corrupt',
            `${what} unpacks to more than the ${size} bytes the zip declares`,
          )
        : null;
    },
    () =>
      seen < size
        ? new ObjectError(
            'truncated',
            `${what} unpacks to ${seen} of the ${size} bytes the zip declares (damaged)`,
          )
        : null,
  );
}

/**
 * The browser's own raw-deflate decompressor. Its writable side is typed for any BufferSource, which
 * TypeScript will not accept where Uint8Array chunks are piped in; Uint8Array is one of them.
 */
function inflateRaw(): ReadableWritablePair<Uint8Array, Uint8Array> {
  return new DecompressionStream('deflate-raw') as unknown as ReadableWritablePair<
    Uint8Array,
    Uint8Array
  >;
}
