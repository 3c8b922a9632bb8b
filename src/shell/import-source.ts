/**
 * The panel's door to the USB / zip import (`import-feed.ts`, written alongside): loaded on first
 * use, and only when that module is part of the build, so the panel works before it lands.
 */
import type { FeedSource } from '../sync/feed-source';

/** What `import-feed.ts` offers: a feed folder picked on a USB stick, its files, or a zip of it. */
export interface ImportFeed {
  /** Asks staff for a folder (File System Access); null when they cancel. */
  pickFolder(): Promise<FeedSource | null>;
  /** A feed folder chosen through `<input webkitdirectory>` where folder picking is missing. */
  sourceFromFiles(files: FileList | File[]): FeedSource | Promise<FeedSource>;
  sourceFromZip(file: File): FeedSource | Promise<FeedSource>;
}

const modules = import.meta.glob<ImportFeed>('./import-feed.ts');

/** The import module, or null while the build has none. */
export async function loadImportFeed(): Promise<ImportFeed | null> {
  const load = modules['./import-feed.ts'];
  return load ? load() : null;
}
