/** Watches a source folder for staff's edits and calls back once they settle (a save is often several writes). */
import { statSync, watch } from 'node:fs';
import { join } from 'node:path';

/** Files that are not content: dot files and folders (.cache, editor swap files), Excel's ~$ lock files. */
export function ignoredChange(path: string): boolean {
  return path
    .split(/[\\/]/)
    .some((part) => part.startsWith('.') || part.startsWith('~$') || part.endsWith('~'));
}

/**
 * Calls `onChange` `quietMs` after the last change under `dir` (recursively), so a spreadsheet saved
 * in several writes or a folder of photos copied in rebuilds once. Returns the stop function.
 */
export function watchSource(dir: string, onChange: () => void, quietMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // What each file looked like when last seen: an event that changed nothing (a file closed after
  // its last write, a busy machine's late second event) does not rebuild again.
  const seen = new Map<string, string>();
  const watcher = watch(dir, { recursive: true }, (_event, name) => {
    if (name && ignoredChange(String(name))) return;
    if (name) {
      const info = statSync(join(dir, String(name)), { throwIfNoEntry: false });
      const look = info ? `${info.mtimeMs}:${info.size}` : 'gone';
      if (seen.get(String(name)) === look) return;
      seen.set(String(name), look);
    }
    clearTimeout(timer);
    timer = setTimeout(onChange, quietMs);
  });
  // A folder that goes away (a USB stick pulled out) ends the watch; the preview keeps serving.
  watcher.on('error', () => watcher.close());
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
