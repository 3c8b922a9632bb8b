/** Turns a staff photo into the portrait a pack carries: upright, cropped to the card's 3:4 around the face, sized, WebP or AVIF. */
import sharp from 'sharp';

/** Width ÷ height of a portrait: the person page shows it in a 3 / 4 box (PersonScene.svelte), the wall's plaque is 3 : 4 too. */
export const PORTRAIT_ASPECT = 3 / 4;
/**
 * The size made for the person page: its portrait column is 34 % of a 1920 px landscape screen (about 620 CSS px,
 * 46 % of 1080 on a tall screen). The same image serves the wall's close-up cards, which crop a 216 × 205 box from
 * it (wall/card-face.ts portraitBox(256)), and the face atlas (64 px cells) is made from it at build time.
 */
export const PORTRAIT_SIZE = { width: 600, height: 800 } as const;
/** Below this the person page enlarges the photo more than 1.7 times, which looks soft: staff are warned. */
export const PORTRAIT_MIN = { width: 360, height: 480 } as const;
/** WebP quality for photos at this size: no visible loss on the page, 30–70 KB each. */
export const PORTRAIT_WEBP_QUALITY = 82;
/** AVIF is kept only when it is at least this much smaller than the WebP (its decode costs the kiosk more). */
export const AVIF_MIN_SAVING = 0.2;
const AVIF_QUALITY = 55;
/** Changes whenever the output of preparePortrait for the same bytes would change (part of the cache key). */
export const PORTRAIT_SETTINGS = `portrait/2 ${PORTRAIT_SIZE.width}x${PORTRAIT_SIZE.height} webp${PORTRAIT_WEBP_QUALITY} avif${AVIF_QUALITY}-${AVIF_MIN_SAVING} attention sharp${sharp.versions.sharp ?? ''}`;

export interface PreparedPortrait {
  /** The bytes to ship: the source's own when it already fits, else the new image. */
  bytes: Uint8Array;
  type: 'image/webp' | 'image/avif' | 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  /** True when the source was shipped as it is (already an upright 3:4 WebP/AVIF no larger than needed). */
  asIs: boolean;
  /** Size of the upright source, and of the largest 3:4 crop of it (what the too-small warning is about). */
  source: { width: number; height: number };
  crop: { width: number; height: number };
}

/** True when the orientation tag turns the picture a quarter (5–8 swap width and height). */
const swaps = (orientation: number | undefined) => (orientation ?? 1) >= 5;

/** Largest box of PORTRAIT_ASPECT inside width × height. */
export function aspectCrop(width: number, height: number): { width: number; height: number } {
  const w = Math.min(width, Math.floor(height * PORTRAIT_ASPECT));
  return { width: w, height: Math.round(w / PORTRAIT_ASPECT) };
}

/**
 * Prepares one portrait. EXIF orientation is applied, then the 3:4 crop is placed by sharp's `attention`
 * strategy (libvips: the region with the most skin tone, saturation and edges — a face, in a portrait, without
 * a face model; on a flat picture it falls back to the centre), then shrunk (never enlarged) to PORTRAIT_SIZE.
 * The source bytes are only read. Throws when the bytes are not an image sharp can decode.
 */
export async function preparePortrait(bytes: Uint8Array): Promise<PreparedPortrait> {
  const meta = await sharp(bytes).metadata();
  const upright = swaps(meta.orientation)
    ? { width: meta.height, height: meta.width }
    : { width: meta.width, height: meta.height };
  const crop = aspectCrop(upright.width, upright.height);
  const fits =
    (meta.format === 'webp' || meta.format === 'heif') &&
    (meta.orientation ?? 1) === 1 &&
    Math.abs(upright.width / upright.height - PORTRAIT_ASPECT) < 0.01 &&
    upright.width <= PORTRAIT_SIZE.width;
  if (fits)
    return {
      bytes,
      type: meta.format === 'webp' ? 'image/webp' : 'image/avif',
      ...upright,
      asIs: true,
      source: upright,
      crop,
    };

  const width = Math.min(PORTRAIT_SIZE.width, crop.width);
  const height = Math.round(width / PORTRAIT_ASPECT);
  const { data, info } = await sharp(bytes)
    .autoOrient()
    .resize(width, height, { fit: 'cover', position: 'attention' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const webp = await sharp(data, raw).webp({ quality: PORTRAIT_WEBP_QUALITY }).toBuffer();
  const avif = await sharp(data, raw).avif({ quality: AVIF_QUALITY, effort: 3 }).toBuffer();
  const useAvif = avif.length <= webp.length * (1 - AVIF_MIN_SAVING);
  return {
    bytes: new Uint8Array(useAvif ? avif : webp),
    type: useAvif ? 'image/avif' : 'image/webp',
    width: info.width,
    height: info.height,
    asIs: false,
    source: upright,
    crop,
  };
}

/** The warning for a portrait whose 3:4 crop is below PORTRAIT_MIN, in Chinese and English; null when it is big enough. */
export function tooSmallWarning(label: string, p: Pick<PreparedPortrait, 'source' | 'crop'>) {
  if (p.crop.width >= PORTRAIT_MIN.width) return null;
  const { width: w, height: h } = p.source;
  const want = `${PORTRAIT_MIN.width}×${PORTRAIT_MIN.height}`;
  const best = `${PORTRAIT_SIZE.width}×${PORTRAIT_SIZE.height}`;
  return (
    `${label}: 肖像只有 ${w}×${h} 像素，在人物页上会发虚；请换一张至少 ${want}（最好 ${best} 或更大）的照片` +
    ` / the portrait is only ${w}×${h} px and looks soft on the person page; use a photo of at least ${want} (best ${best} or larger)`
  );
}
