/**
 * Loads the pack's face-atlas pages onto the GPU in the order the view needs them, keeps at most a fixed
 * number resident (least recently wanted goes first), and accounts for their texture bytes.
 */
import { LinearFilter, LinearMipmapLinearFilter, NoColorSpace, Texture } from 'three';

/** Pages resident at once: 8 × 2048² with mipmaps ≈ 180 MB at most, whatever the roster's size. */
export const MAX_RESIDENT_PAGES = 8;

export interface FacePages {
  /** Asks for these pages, most wanted first; loads what is missing and evicts the least wanted beyond the cap. */
  want(pages: readonly number[]): void;
  /** Bytes of face textures on the GPU (mipmaps included). */
  textureBytes(): number;
  resident(): number;
  /** Pages still waiting for their first load (for the progress line). */
  pending(): number;
  dispose(): void;
}

interface Slot {
  texture: Texture;
  bytes: number;
  wantedAt: number;
}

/**
 * `urls[p]` is page p's URL (null when the pack lost it). `onPage(p, texture|null)` is told when a page arrives
 * or leaves; `onIdle()` when nothing is left loading.
 */
export function createFacePages(
  urls: readonly (string | null)[],
  onPage: (page: number, texture: Texture | null) => void,
  signal: AbortSignal,
): FacePages {
  const slots = new Map<number, Slot>();
  const loading = new Set<number>();
  const failed = new Set<number>();
  let queue: number[] = [];
  let clock = 0;
  let disposed = false;

  async function load(page: number): Promise<void> {
    const url = urls[page];
    if (!url) {
      failed.add(page);
      return;
    }
    loading.add(page);
    try {
      const response = await fetch(url, { signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bitmap = await createImageBitmap(await response.blob(), {
        premultiplyAlpha: 'none',
        colorSpaceConversion: 'none',
      });
      if (disposed || signal.aborted) {
        bitmap.close();
        return;
      }
      const texture = new Texture(bitmap);
      texture.flipY = false;
      texture.colorSpace = NoColorSpace;
      texture.generateMipmaps = true;
      texture.minFilter = LinearMipmapLinearFilter;
      texture.magFilter = LinearFilter;
      texture.anisotropy = 4;
      // Once on the GPU the decoded pixels are not needed here; a restored context reloads the page.
      texture.onUpdate = () => bitmap.close();
      texture.needsUpdate = true;
      slots.set(page, {
        texture,
        bytes: Math.round(bitmap.width * bitmap.height * 4 * 1.34),
        wantedAt: ++clock,
      });
      onPage(page, texture);
    } catch (error) {
      if (!signal.aborted) {
        failed.add(page);
        console.warn(`honor wall: face page ${page} unavailable, showing placeholders`, error);
      }
    } finally {
      loading.delete(page);
      pump();
    }
  }

  function pump(): void {
    if (disposed) return;
    // Two at a time: decoding a 2048² WebP is the slow part and the decoder has few threads on a kiosk.
    while (loading.size < 2 && queue.length > 0) {
      const page = queue.shift()!;
      if (slots.has(page) || loading.has(page) || failed.has(page)) continue;
      makeRoom();
      void load(page);
    }
  }

  function makeRoom(): void {
    while (slots.size + loading.size >= MAX_RESIDENT_PAGES) {
      let oldest: number | null = null;
      for (const [page, slot] of slots)
        if (oldest === null || slot.wantedAt < slots.get(oldest)!.wantedAt) oldest = page;
      if (oldest === null) return;
      const slot = slots.get(oldest)!;
      slots.delete(oldest);
      onPage(oldest, null);
      slot.texture.dispose();
    }
  }

  return {
    want(pages) {
      const stamp = ++clock;
      // More pages than fit would evict each other in turn: keep to the most wanted ones.
      pages = pages.slice(0, MAX_RESIDENT_PAGES);
      // The first wanted is the most recent, so stamp in reverse.
      pages.forEach((p, k) => {
        const slot = slots.get(p);
        if (slot) slot.wantedAt = stamp + (pages.length - k) * 1e-3;
      });
      queue = pages.filter((p) => !slots.has(p) && !loading.has(p) && !failed.has(p));
      pump();
    },
    textureBytes: () => [...slots.values()].reduce((sum, s) => sum + s.bytes, 0),
    resident: () => slots.size,
    pending: () => queue.length + loading.size,
    dispose() {
      disposed = true;
      for (const slot of slots.values()) slot.texture.dispose();
      slots.clear();
      queue = [];
    },
  };
}
