/** Where a feed sits in a folder or zip staff brought: at its top, or one folder down. */

/** Folders that archivers and file managers add beside the real content (never a feed). */
const CLUTTER = /^(__MACOSX|\.Trashes|\.Spotlight-V100|\.fseventsd|System Volume Information)\//;

/**
 * The prefix (`''` or `'name/'`) under which the feed's `index.json` lies, given every path in the
 * folder or zip relative to what staff chose. A feed at the top wins; otherwise a single folder
 * one level down holding `index.json` (the USB stick's root holds `feed/index.json`, or a zip
 * was made of the feed folder itself). With no `index.json` anywhere the prefix is `''`, so the
 * check reports the missing index in its usual words. Throws when several folders hold one:
 * importing a guess would be worse than asking staff to choose the folder itself.
 */
export function findFeedRoot(paths: Iterable<string>): string {
  const candidates: string[] = [];
  for (const path of paths) {
    if (path === 'index.json') return '';
    if (CLUTTER.test(path)) continue;
    const match = /^([^/]+\/)index\.json$/.exec(path);
    if (match) candidates.push(match[1]!);
  }
  if (candidates.length > 1)
    throw new Error(
      `several folders hold a feed (${candidates
        .toSorted()
        .map((c) => `“${c.slice(0, -1)}”`)
        .join(', ')}); choose the one to import`,
    );
  return candidates[0] ?? '';
}

/** A path relative to what staff chose, without its first folder (`usb/feed/index.json` → `feed/index.json`). */
export function withoutTopFolder(relativePath: string): string {
  const slash = relativePath.indexOf('/');
  return slash < 0 ? relativePath : relativePath.slice(slash + 1);
}
