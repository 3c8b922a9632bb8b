/** Reads a pack's face atlas index (made by the CLI) once per pack, with the URL of every page. */
import { FACES_PATH, parseFacesIndex, type FacesIndex } from '../feed/faces';
import type { LoadedPack } from '../sync/load-pack';

export interface WallFaces {
  faces: FacesIndex | null;
  pageUrls: (string | null)[];
}

const cache = new WeakMap<LoadedPack, Promise<WallFaces>>();

/**
 * The pack's faces, or none (every card shows its placeholder until drawn in detail) when the pack has no atlas,
 * storage lost it, or it does not parse: a wall must open whatever the atlas's state.
 */
export function loadWallFaces(pack: LoadedPack): Promise<WallFaces> {
  let loading = cache.get(pack);
  if (!loading) {
    loading = read(pack);
    cache.set(pack, loading);
  }
  return loading;
}

async function read(pack: LoadedPack): Promise<WallFaces> {
  const url = pack.urlFor(FACES_PATH);
  if (!url) return { faces: null, pageUrls: [] };
  try {
    const response = await fetch(url);
    const faces = response.ok
      ? parseFacesIndex(new Uint8Array(await response.arrayBuffer()))
      : null;
    if (!faces)
      console.warn('honor wall: the face atlas index is unreadable; showing placeholders');
    return { faces, pageUrls: faces ? faces.pages.map((p) => pack.urlFor(p.path)) : [] };
  } catch (error) {
    console.warn('honor wall: the face atlas index is unavailable; showing placeholders', error);
    return { faces: null, pageUrls: [] };
  }
}
