/**
 * Level of detail for the cards near the camera: each is drawn in full (photograph, name, honour) into a slot
 * of one shared texture, a few per frame, and slots are reused as the visitor moves. The number of slots, not
 * the roster, bounds the work and the memory.
 */
import {
  Box2,
  CanvasTexture,
  LinearFilter,
  NoColorSpace,
  Vector2,
  type WebGLRenderer,
} from 'three';
import {
  CARD_ASPECT,
  CARD_FONT_FAMILY,
  drawCardFace,
  portraitBox,
  SHADOW_MARGIN,
} from './card-face';
import { loadPortrait } from './portrait-loader';

/** Card width in detail texels: sharp up to about 250 CSS px wide at the wall's pixel ratio. */
const FACE_W = 256;
const FACE_H = Math.round(FACE_W / CARD_ASPECT);
const MARGIN = Math.round(FACE_W * SHADOW_MARGIN);
const CELL_W = FACE_W + 2 * MARGIN;
const CELL_H = FACE_H + 2 * MARGIN;
const ATLAS = 4096;
const COLUMNS = Math.floor(ATLAS / CELL_W);
const ROWS = Math.floor(ATLAS / CELL_H);
/** How many cards can show in full at once. */
export const DETAIL_SLOTS = COLUMNS * ROWS;
/** Portrait fetches in flight. */
const CONCURRENCY = 4;
/** How long fonts may delay the first detail before we draw with whatever the system has. */
const FONT_WAIT_MS = 3000;

export interface DetailContent {
  name: string;
  subtitle: string;
  badge?: string;
  portraitUrl: string | null;
}

export type DetailRect = readonly [number, number, number, number];

export interface DetailAtlas {
  /** Cards to show in full, most important first (at most DETAIL_SLOTS are kept). */
  want(cards: readonly number[]): void;
  /** Cards waiting to be drawn. */
  pending(): number;
  /** Cards shown in full now. */
  drawn(): number;
  textureBytes(): number;
  texture: CanvasTexture;
  dispose(): void;
}

/**
 * `content(card)` gives what to draw; `onChange(card, rect|null)` reports a card's slot (null: back to the plain
 * face); `onDraw()` asks for a frame after texels changed.
 */
export function createDetailAtlas(
  renderer: WebGLRenderer,
  content: (card: number) => DetailContent,
  onChange: (card: number, rect: DetailRect | null) => void,
  onDraw: () => void,
): DetailAtlas {
  const blank = document.createElement('canvas');
  blank.width = ATLAS;
  blank.height = ATLAS;
  const texture = new CanvasTexture(blank);
  texture.flipY = false;
  texture.premultiplyAlpha = true;
  texture.colorSpace = NoColorSpace;
  texture.generateMipmaps = false;
  texture.minFilter = LinearFilter;
  texture.magFilter = LinearFilter;
  // The blank page only sizes the texture; free its pixels once the GPU has it.
  texture.onUpdate = () => {
    blank.width = 0;
    blank.height = 0;
  };

  const scratch = document.createElement('canvas');
  scratch.width = CELL_W;
  scratch.height = CELL_H;
  const ctx = scratch.getContext('2d');
  const source = new CanvasTexture(scratch);
  const region = new Box2(new Vector2(0, 0), new Vector2(CELL_W, CELL_H));
  const at = new Vector2();

  const slotOf = new Map<number, number>(); // card → slot
  const cardIn = new Int32Array(DETAIL_SLOTS).fill(-1);
  const lastWanted = new Float64Array(DETAIL_SLOTS);
  let wanted = new Set<number>();
  let queue: number[] = [];
  const inFlight = new Set<number>();
  const abort = new AbortController();
  let fonts: Promise<void> | null = null;
  let stamp = 0;

  function rectOf(slot: number): DetailRect {
    const x = (slot % COLUMNS) * CELL_W;
    const y = Math.floor(slot / COLUMNS) * CELL_H;
    return [x / ATLAS, y / ATLAS, CELL_W / ATLAS, CELL_H / ATLAS];
  }

  function freeSlot(): number {
    let best = -1;
    for (let s = 0; s < DETAIL_SLOTS; s++) {
      const card = cardIn[s]!;
      if (card < 0) return s;
      if (wanted.has(card)) continue;
      if (best < 0 || lastWanted[s]! < lastWanted[best]!) best = s;
    }
    if (best >= 0) {
      const old = cardIn[best]!;
      slotOf.delete(old);
      cardIn[best] = -1;
      onChange(old, null);
    }
    return best;
  }

  async function draw(card: number): Promise<void> {
    inFlight.add(card);
    try {
      const c = content(card);
      fonts ??= waitForFonts();
      const box = portraitBox(FACE_W);
      const [portrait] = await Promise.all([
        c.portraitUrl ? loadPortrait(c.portraitUrl, box.width, box.height, abort.signal) : null,
        fonts,
      ]);
      try {
        if (abort.signal.aborted || !wanted.has(card) || slotOf.has(card) || !ctx) return;
        const slot = freeSlot();
        if (slot < 0) return;
        ctx.clearRect(0, 0, CELL_W, CELL_H);
        drawCardFace(ctx, MARGIN, MARGIN, FACE_W, FACE_H, { ...c, portrait });
        const x = (slot % COLUMNS) * CELL_W;
        const y = Math.floor(slot / COLUMNS) * CELL_H;
        renderer.copyTextureToTexture(source, texture, region, at.set(x, y));
        slotOf.set(card, slot);
        cardIn[slot] = card;
        lastWanted[slot] = stamp;
        onChange(card, rectOf(slot));
        onDraw();
      } finally {
        portrait?.close();
      }
    } finally {
      inFlight.delete(card);
      pump();
    }
  }

  function pump(): void {
    while (inFlight.size < CONCURRENCY && queue.length > 0 && !abort.signal.aborted) {
      const card = queue.shift()!;
      if (!slotOf.has(card) && !inFlight.has(card) && wanted.has(card)) void draw(card);
    }
  }

  return {
    texture,
    want(cards) {
      stamp++;
      const list = cards.slice(0, DETAIL_SLOTS);
      wanted = new Set(list);
      for (const card of list) {
        const slot = slotOf.get(card);
        if (slot !== undefined) lastWanted[slot] = stamp;
      }
      queue = list.filter((card) => !slotOf.has(card) && !inFlight.has(card));
      pump();
    },
    pending: () => queue.length + inFlight.size,
    drawn: () => slotOf.size,
    textureBytes: () => ATLAS * ATLAS * 4,
    dispose() {
      abort.abort();
      queue = [];
      texture.dispose();
      source.dispose();
      scratch.width = 0;
      scratch.height = 0;
    },
  };
}

/** Waits (bounded) until the card fonts can draw Chinese, so names are never set in a fallback face. */
async function waitForFonts(): Promise<void> {
  if (!('fonts' in document)) return;
  const faces = [`700 40px ${CARD_FONT_FAMILY}`, `400 20px ${CARD_FONT_FAMILY}`];
  const loads = Promise.all(
    faces.map((font) => document.fonts.load(font, '劳动模范先进工作者')),
  ).catch(() => []);
  let timer = 0;
  const timeout = new Promise<void>(
    (resolve) => (timer = window.setTimeout(resolve, FONT_WAIT_MS)),
  );
  await Promise.race([loads, timeout]);
  clearTimeout(timer);
}
