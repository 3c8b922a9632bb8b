/** Loads worker portraits with fetch → createImageBitmap, cropped to the card's portrait box; abortable. */

/** Parallel fetches: enough to hide latency, few enough not to stall a kiosk's decoder threads. */
const CONCURRENCY = 6;

/**
 * Fetches one image and returns it cover-cropped and scaled to exactly width × height, or null when it
 * cannot be had (missing, not an image) so the card falls back to its placeholder instead of failing the wall.
 * The crop leans towards the top because portraits put the face in the upper third.
 */
export async function loadPortrait(
  url: string,
  width: number,
  height: number,
  signal: AbortSignal,
): Promise<ImageBitmap | null> {
  let full: ImageBitmap | null = null;
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) return null;
    full = await createImageBitmap(await response.blob());
    const scale = Math.max(width / full.width, height / full.height);
    const sw = width / scale;
    const sh = height / scale;
    const sx = (full.width - sw) / 2;
    const sy = (full.height - sh) * 0.3;
    const cropped = await createImageBitmap(full, sx, sy, sw, sh, {
      resizeWidth: width,
      resizeHeight: height,
      resizeQuality: 'high',
    });
    if (signal.aborted) {
      cropped.close();
      return null;
    }
    return cropped;
  } catch (error) {
    if (signal.aborted) return null;
    console.warn(`honor wall: portrait ${url} unavailable, using placeholder`, error);
    return null;
  } finally {
    // The full-size decode is only a stepping stone; keeping it would hold megabytes per worker.
    full?.close();
  }
}

/**
 * Loads every url (null stays null) into bitmaps of width × height, in order.
 * On abort, bitmaps already made are closed and the result is all nulls, so the caller owns nothing.
 */
export async function loadPortraits(
  urls: readonly (string | null)[],
  width: number,
  height: number,
  signal: AbortSignal,
): Promise<(ImageBitmap | null)[]> {
  const out: (ImageBitmap | null)[] = urls.map(() => null);
  let next = 0;
  const worker = async () => {
    while (next < urls.length && !signal.aborted) {
      const i = next++;
      const url = urls[i];
      if (url) out[i] = await loadPortrait(url, width, height, signal);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, urls.length) }, worker));
  if (signal.aborted) {
    closeAll(out);
    return urls.map(() => null);
  }
  return out;
}

/** Releases decoded pixels now rather than whenever the garbage collector runs. */
export function closeAll(bitmaps: readonly (ImageBitmap | null)[]): void {
  for (const b of bitmaps) b?.close();
}
