/** A feed folder on this machine's disk as a FeedSource, so `pack verify` runs the kiosk's own stages. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SourceError, type FeedSource } from '../sync/feed-source';

/** Files are streamed from disk, never read whole; a missing file is null, as a 404 is to a kiosk. */
export function diskFeedSource(dir: string): FeedSource {
  return {
    label: dir,
    remote: false,
    async open(path) {
      const file = join(dir, path);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return null;
      try {
        const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
        return { body, size: info.size };
      } catch (e) {
        throw new SourceError(
          'unreadable',
          `${file} cannot be read: ${(e as Error).message}`,
          false,
        );
      }
    },
  };
}
