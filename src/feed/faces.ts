/**
 * The face atlas a pack carries for its honour walls: every portrait shrunk once, when the pack is
 * built, into a few large images, so a kiosk shows thousands of faces without decoding thousands of photos.
 * The CLI writes it; the kiosk reads it (and validates it: it arrives from a feed like any other file).
 */
import * as v from 'valibot';
import { decodeJson } from './format';

/** Manifest path of the atlas index; files under `derived/` are made by the CLI, never by staff. */
export const FACES_PATH = 'derived/faces.json';
export const DERIVED_PREFIX = 'derived/';
export const FACES_FORMAT = 'kiosk-faces/1';
/** Side of one square face cell in atlas pixels. */
export const FACE_CELL = 64;
/**
 * Pixels of the cell's own edge repeated around it on every side, so linear filtering (and the first mipmap
 * level) never pulls a neighbour in; cells sit 2 × FACE_GUTTER apart. Two per side keeps every cell's slot on
 * WebP's 2×2 chroma and 4×4 block grid; with one, the decoder's chroma upsampling smeared the neighbour in.
 */
export const FACE_GUTTER = 2;
/** Distance from one cell's top-left to the next one's: the cell and a gutter on each side. */
export const FACE_PITCH = FACE_CELL + 2 * FACE_GUTTER;
/** Largest atlas page side; 2048 is safe on every WebGL2 device and keeps a page's upload short. */
export const FACE_PAGE_MAX = 2048;

const Int = v.pipe(v.number(), v.integer(), v.minValue(0));

export const FacesIndexSchema = v.strictObject({
  format: v.literal(FACES_FORMAT),
  cell: v.pipe(Int, v.minValue(8), v.maxValue(512)),
  pages: v.pipe(
    v.array(
      v.strictObject({
        path: v.pipe(v.string(), v.startsWith(DERIVED_PREFIX)),
        width: v.pipe(Int, v.minValue(1), v.maxValue(8192)),
        height: v.pipe(Int, v.minValue(1), v.maxValue(8192)),
      }),
    ),
    v.maxLength(4096),
  ),
  /** Worker id → [page index, x, y] of the face cell's top-left corner in that page. */
  faces: v.record(v.string(), v.tuple([Int, Int, Int])),
});
export type FacesIndex = v.InferOutput<typeof FacesIndexSchema>;

/** Parses faces.json bytes; returns null (and the kiosk shows placeholder faces) when they do not fit the format. */
export function parseFacesIndex(bytes: Uint8Array): FacesIndex | null {
  try {
    const data = decodeJson(bytes);
    const r = v.safeParse(FacesIndexSchema, data);
    if (!r.success) return null;
    const index = r.output;
    // A cell must lie inside its page, or the wall would sample a neighbour or nothing.
    for (const [page, x, y] of Object.values(index.faces)) {
      const p = index.pages[page];
      if (!p || x + index.cell > p.width || y + index.cell > p.height) return null;
    }
    return index;
  } catch {
    return null;
  }
}
