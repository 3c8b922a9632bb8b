/** What the staff panel calls to import a feed staff brought: a folder on a USB stick, its files, or a zip. */
import type { FeedSource } from '../sync/feed-source';
import { folderSourceFromFiles, folderSourceFromHandle } from '../sync/folder-source';
import { zipSource } from '../sync/zip-source';

/** File System Access's folder picker (Chromium), not yet in TypeScript's DOM types. */
type DirectoryPicker = (options?: {
  id?: string;
  mode?: 'read' | 'readwrite';
}) => Promise<FileSystemDirectoryHandle>;

/**
 * Asks staff for the feed folder (the stick's root or the feed folder itself will do). Resolves
 * null when they cancel; rejects where the browser has no folder picker (use `<input
 * webkitdirectory>` and `sourceFromFiles` there).
 */
export async function pickFolder(): Promise<FeedSource | null> {
  const picker = (window as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;
  if (!picker) throw new Error('this browser cannot pick a folder; choose its files instead');
  try {
    return folderSourceFromHandle(await picker({ id: 'kiosk-feed-import', mode: 'read' }));
  } catch (e) {
    if ((e as DOMException | null)?.name === 'AbortError') return null;
    throw e;
  }
}

/** The feed among the files of a folder chosen with `<input type=file webkitdirectory>`. */
export function sourceFromFiles(files: FileList | readonly File[]): FeedSource {
  return folderSourceFromFiles(files);
}

/** The feed inside a `.zip` staff chose (read in slices, never loaded whole). */
export function sourceFromZip(file: File): FeedSource {
  return zipSource(file, file.name);
}

/** A folder already opened (a directory handle from the picker, or the origin's private folder in tests). */
export function sourceFromHandle(dir: FileSystemDirectoryHandle): FeedSource {
  return folderSourceFromHandle(dir);
}

/**
 * Whatever staff chose: a directory handle, a single `.zip`, or the files of a folder. What the
 * test seam's `importFeed` takes.
 */
export function sourceFromChoice(
  chosen: FileSystemDirectoryHandle | FileList | readonly File[],
): FeedSource {
  if (!('length' in chosen)) return sourceFromHandle(chosen);
  const only = chosen.length === 1 ? chosen[0] : undefined;
  if (only && !only.webkitRelativePath && isZip(only)) return sourceFromZip(only);
  return sourceFromFiles(chosen);
}

function isZip(file: File): boolean {
  return /\.zip$/i.test(file.name) || /^application\/(x-)?zip/.test(file.type);
}
