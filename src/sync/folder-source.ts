/** A feed source over a feed folder staff chose at the kiosk (a USB stick): a directory handle or its files. */
import { SourceError, type FeedFile, type FeedSource } from './feed-source';
import { findFeedRoot, withoutTopFolder } from './feed-root';
import { relayStream } from './relay-stream';

/** How a source chosen at the kiosk is named in the staff log. */
const CHOSEN = 'chosen at the kiosk';

/**
 * The feed in a folder picked with `showDirectoryPicker()`, read lazily file by file: nothing is
 * listed or read up front, and bodies are streamed from the stick. The feed may lie in the folder
 * itself or in one folder inside it (`KINGSTON/feed/index.json`).
 */
export function folderSourceFromHandle(dir: FileSystemDirectoryHandle): FeedSource {
  let root: Promise<{ at: FileSystemDirectoryHandle; name: string }> | null = null;
  // Once known, the label names the folder that really holds the feed.
  let shown = dir.name;
  return {
    get label() {
      return `the folder “${shown}” ${CHOSEN}`;
    },
    remote: false,
    async open(path, signal) {
      signal.throwIfAborted();
      root ??= findRootHandle(dir);
      const { at, name } = await root;
      shown = name;
      const file = await fileAt(at, path, name);
      return file && readable(file, `${name}/${path}`);
    },
  };
}

/**
 * The feed among files from `<input type=file webkitdirectory>`: each file is matched by its
 * `webkitRelativePath` without the chosen folder's own name, so the feed may again be the folder
 * itself or one folder inside it.
 */
export function folderSourceFromFiles(files: FileList | readonly File[]): FeedSource {
  const all = [...files];
  const top = topFolder(all);
  const byPath = new Map(all.map((f) => [withoutTopFolder(relativePath(f)), f]));
  let prefix: string;
  try {
    prefix = findFeedRoot(byPath.keys());
  } catch (e) {
    const problem = new SourceError(
      'unreadable',
      `in the folder “${top}”, ${(e as Error).message}`,
      false,
    );
    return {
      label: `the folder “${top}” ${CHOSEN}`,
      remote: false,
      open: () => Promise.reject(problem),
    };
  }
  const shown = prefix ? `${top}/${prefix.slice(0, -1)}` : top;
  return {
    label: `the folder “${shown}” ${CHOSEN}`,
    remote: false,
    async open(path, signal) {
      signal.throwIfAborted();
      const file = byPath.get(prefix + path);
      return file ? readable(file, `${shown}/${path}`) : null;
    },
  };
}

/** The folder holding `index.json`: `dir` itself, or the one folder inside it that does. */
async function findRootHandle(
  dir: FileSystemDirectoryHandle,
): Promise<{ at: FileSystemDirectoryHandle; name: string }> {
  if (await fileAt(dir, 'index.json', dir.name)) return { at: dir, name: dir.name };
  const inside = new Map<string, FileSystemDirectoryHandle>();
  try {
    for await (const entry of dir.values())
      if (entry.kind === 'directory' && (await fileAt(entry, 'index.json', entry.name)))
        inside.set(`${entry.name}/index.json`, entry);
  } catch (e) {
    throw unreadable(dir.name, e);
  }
  let prefix: string;
  try {
    prefix = findFeedRoot(inside.keys());
  } catch (e) {
    throw new SourceError(
      'unreadable',
      `in the folder “${dir.name}”, ${(e as Error).message}`,
      false,
    );
  }
  const at = inside.get(`${prefix}index.json`);
  return at ? { at, name: `${dir.name}/${at.name}` } : { at: dir, name: dir.name };
}

/** The file at `path` under `dir`, or null when any part of it is missing (or is not what it should be). */
async function fileAt(
  dir: FileSystemDirectoryHandle,
  path: string,
  shown: string,
): Promise<File | null> {
  const parts = path.split('/');
  const name = parts.pop()!;
  try {
    let at = dir;
    for (const part of parts) at = await at.getDirectoryHandle(part);
    return await (await at.getFileHandle(name)).getFile();
  } catch (e) {
    const kind = (e as DOMException | null)?.name;
    if (kind === 'NotFoundError' || kind === 'TypeMismatchError') return null;
    throw unreadable(`${shown}/${path}`, e);
  }
}

/** A file's body as a stream; a read that fails (the stick pulled out) says so in plain words. */
function readable(file: File, shown: string): FeedFile {
  return { body: relayStream(file.stream(), (e) => unreadable(shown, e)), size: file.size };
}

/** Not retried on its own: a stick that cannot be read needs staff, not a later check. */
function unreadable(shown: string, e: unknown): SourceError {
  const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new SourceError(
    'unreadable',
    `“${shown}” cannot be read (${why}); is the USB stick still plugged in?`,
    false,
  );
}

function relativePath(file: File): string {
  return file.webkitRelativePath || file.name;
}

/** The name of the folder staff chose: the first part of the relative paths the input gives. */
function topFolder(files: readonly File[]): string {
  const path = files[0]?.webkitRelativePath ?? '';
  const slash = path.indexOf('/');
  return slash < 0 ? '(no folder)' : path.slice(0, slash);
}
