/** Reads a zip's table of contents (end record and central directory, ZIP64 too) from a Blob by slices. */

/** One file in a zip, as its central directory describes it. */
export interface ZipEntry {
  /** Its path inside the zip (`feed/objects/…`), with `/` separators. */
  name: string;
  /** 0: stored as is; 8: deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  headerOffset: number;
  encrypted: boolean;
}

/** A zip that cannot be read: `message` names the zip (and the entry, when one is to blame). */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const END = 0x06054b50;
const END_SIZE = 22;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_END = 0x06064b50;
const ZIP64_END_SIZE = 56;
const CENTRAL = 0x02014b50;
const CENTRAL_SIZE = 46;
const LOCAL = 0x04034b50;
const LOCAL_SIZE = 30;
/** A 32-bit field holding this has its real value in the ZIP64 records. */
const WIDE = 0xffffffff;
/** Largest central directory read (a 25,000-person pack's is about 3 MB). */
const MAX_DIRECTORY_BYTES = 256 * 1024 * 1024;

/**
 * Every file entry of the zip (folders left out). Only the end of the zip and its central
 * directory are read, so memory is the size of the directory, not of the zip.
 */
export async function readZipDirectory(zip: Blob, name: string): Promise<ZipEntry[]> {
  const { count, offset, size } = await findDirectory(zip, name);
  if (size > MAX_DIRECTORY_BYTES)
    throw new ZipError(`the zip file “${name}” lists too many files to read (${size} bytes)`);
  if (offset + size > zip.size)
    throw new ZipError(
      `the zip file “${name}” is incomplete: its table of contents lies beyond its end (cut short while copying?)`,
    );
  const view = await bytesAt(zip, offset, size);
  const damaged = (i: number, what: string) =>
    new ZipError(
      `the zip file “${name}” is damaged: entry ${i + 1} of ${count} in its table of contents ${what}`,
    );
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > view.byteLength || view.getUint32(at, true) !== CENTRAL)
      throw damaged(i, 'is missing');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > view.byteLength) throw damaged(i, 'is cut');
    const entryName = new TextDecoder()
      .decode(new Uint8Array(view.buffer, view.byteOffset + at + CENTRAL_SIZE, nameLength))
      .replaceAll('\\', '/');
    const sizes = {
      size: view.getUint32(at + 24, true),
      compressedSize: view.getUint32(at + 20, true),
      headerOffset: view.getUint32(at + 42, true),
    };
    if (sizes.size === WIDE || sizes.compressedSize === WIDE || sizes.headerOffset === WIDE)
      readZip64Extra(view, at + CENTRAL_SIZE + nameLength, extraLength, sizes, () =>
        damaged(i, `(“${entryName}”) lacks its ZIP64 sizes`),
      );
    at = next;
    if (entryName.endsWith('/')) continue; // a folder
    entries.push({ name: entryName, method, ...sizes, encrypted: (flags & 1) !== 0 });
  }
  return entries;
}

/** Where an entry's bytes start and end in the zip, read from its local header. */
export async function entryData(
  zip: Blob,
  entry: ZipEntry,
  name: string,
): Promise<{ start: number; end: number }> {
  const what = `the zip file “${name}” is damaged: “${entry.name}”`;
  if (entry.headerOffset + LOCAL_SIZE > zip.size)
    throw new ZipError(`${what} lies beyond its end (cut short while copying?)`);
  const header = await bytesAt(zip, entry.headerOffset, LOCAL_SIZE);
  if (header.getUint32(0, true) !== LOCAL)
    throw new ZipError(`${what} is not where its table of contents says`);
  // The local header's own name and extra lengths (its extra field may differ from the directory's).
  const start =
    entry.headerOffset + LOCAL_SIZE + header.getUint16(26, true) + header.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > zip.size) throw new ZipError(`${what} is cut short (the zip ends inside it)`);
  return { start, end };
}

/** The central directory's place and entry count, from the end record (or its ZIP64 form). */
async function findDirectory(
  zip: Blob,
  name: string,
): Promise<{ count: number; offset: number; size: number }> {
  // The end record is the last thing in a zip but for a comment of at most 65,535 bytes.
  const tailStart = Math.max(0, zip.size - (END_SIZE + 0xffff + ZIP64_LOCATOR_SIZE));
  const tail = await bytesAt(zip, tailStart, zip.size - tailStart);
  let end = -1;
  for (let i = tail.byteLength - END_SIZE; i >= 0; i--)
    if (
      tail.getUint32(i, true) === END &&
      i + END_SIZE + tail.getUint16(i + 20, true) === tail.byteLength
    ) {
      end = i;
      break;
    }
  if (end < 0)
    throw new ZipError(
      `the zip file “${name}” is incomplete or not a zip (its end record is missing: cut short while copying?)`,
    );
  if (tail.getUint16(end + 4, true) !== 0 || tail.getUint16(end + 6, true) !== 0)
    throw new ZipError(`the zip file “${name}” is split over several parts; make it one file`);
  const narrow = {
    count: tail.getUint16(end + 10, true),
    size: tail.getUint32(end + 12, true),
    offset: tail.getUint32(end + 16, true),
  };
  const locator = end - ZIP64_LOCATOR_SIZE;
  if (locator < 0 || tail.getUint32(locator, true) !== ZIP64_LOCATOR) {
    if (narrow.count === 0xffff || narrow.size === WIDE || narrow.offset === WIDE)
      throw new ZipError(`the zip file “${name}” is damaged: its ZIP64 end record is missing`);
    return narrow;
  }
  const wideAt = bigToNumber(tail.getBigUint64(locator + 8, true));
  if (wideAt + ZIP64_END_SIZE > zip.size)
    throw new ZipError(`the zip file “${name}” is damaged: its ZIP64 end record is out of place`);
  const wide = await bytesAt(zip, wideAt, ZIP64_END_SIZE);
  if (wide.getUint32(0, true) !== ZIP64_END)
    throw new ZipError(`the zip file “${name}” is damaged: its ZIP64 end record is out of place`);
  return {
    count: bigToNumber(wide.getBigUint64(32, true)),
    size: bigToNumber(wide.getBigUint64(40, true)),
    offset: bigToNumber(wide.getBigUint64(48, true)),
  };
}

/**
 * Fills the fields that read 0xFFFFFFFF from the entry's ZIP64 extra field (id 1), which holds
 * them in this order: size, compressed size, header offset.
 */
function readZip64Extra(
  view: DataView,
  start: number,
  length: number,
  sizes: { size: number; compressedSize: number; headerOffset: number },
  missing: () => ZipError,
): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const dataLength = view.getUint16(at + 2, true);
    if (id !== 1) {
      at += 4 + dataLength;
      continue;
    }
    let field = at + 4;
    const stop = field + dataLength;
    for (const key of ['size', 'compressedSize', 'headerOffset'] as const) {
      if (sizes[key] !== WIDE) continue;
      if (field + 8 > stop) throw missing();
      sizes[key] = bigToNumber(view.getBigUint64(field, true));
      field += 8;
    }
    return;
  }
  throw missing();
}

async function bytesAt(zip: Blob, offset: number, length: number): Promise<DataView> {
  return new DataView(await zip.slice(offset, offset + length).arrayBuffer());
}

/** Sizes past 2^53 bytes (8 PB) are no real zip: refused rather than rounded. */
function bigToNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER))
    throw new ZipError('a zip size field is impossibly large');
  return Number(n);
}
