/** Turns the roster into GPU-ready cards: fetches portraits, waits for fonts, draws the atlas, makes the meshes. */

import type { WebGLRenderer } from 'three';
import { chooseFaceWidth, drawCardAtlas } from './card-atlas';
import { CARD_ASPECT, CARD_FONT_FAMILY, portraitBox } from './card-face';
import { createCardMeshes, type CardMeshes } from './card-meshes';
import { closeAll, loadPortraits } from './portrait-loader';

/** Largest atlas page; 4096 is supported everywhere WebGL2 is and keeps ~100 cards per texture. */
const MAX_PAGE = 4096;
/** How long fonts may delay the first drawing before we draw with whatever the system has. */
const FONT_WAIT_MS = 3000;

export interface CardSource {
  name: string;
  subtitle: string;
  portraitUrl: string | null;
  badge?: string;
}

/**
 * Builds meshes for `cards` shown about `cardCssWidth` CSS px wide, or resolves null if `signal` aborts first.
 * Every decoded portrait is closed before this returns: afterwards the pixels live only in the atlas.
 */
export async function buildCardMeshes(
  cards: readonly CardSource[],
  cardCssWidth: number,
  renderer: WebGLRenderer,
  signal: AbortSignal,
): Promise<CardMeshes | null> {
  const faceWidth = chooseFaceWidth(cardCssWidth, renderer.getPixelRatio());
  const faceHeight = Math.round(faceWidth / CARD_ASPECT);
  const box = portraitBox(faceWidth);
  const urls = cards.map((c) => c.portraitUrl);
  const [bitmaps] = await Promise.all([
    loadPortraits(urls, box.width, box.height, signal),
    waitForFonts(cards),
  ]);
  if (signal.aborted) {
    closeAll(bitmaps);
    return null;
  }
  const faces = cards.map((c, i) => ({
    name: c.name,
    subtitle: c.subtitle,
    badge: c.badge,
    portrait: bitmaps[i] ?? null,
  }));
  try {
    const maxPage = Math.min(MAX_PAGE, renderer.capabilities.maxTextureSize);
    const atlas = drawCardAtlas(faces, faceWidth, faceHeight, maxPage);
    return createCardMeshes(atlas, renderer.capabilities.getMaxAnisotropy());
  } finally {
    closeAll(bitmaps);
  }
}

/** Waits (bounded) for the card fonts to be usable, so the atlas is not drawn in a fallback face. */
async function waitForFonts(cards: readonly CardSource[]): Promise<void> {
  if (!('fonts' in document)) return;
  const chars = new Set(cards.flatMap((c) => Array.from(c.name + c.subtitle + (c.badge ?? ''))));
  const text = Array.from(chars).join('');
  const faces = [`700 40px ${CARD_FONT_FAMILY}`, `400 20px ${CARD_FONT_FAMILY}`];
  const loads = Promise.all(faces.map((font) => document.fonts.load(font, text))).catch(() => []);
  let timer = 0;
  const timeout = new Promise<void>(
    (resolve) => (timer = window.setTimeout(resolve, FONT_WAIT_MS)),
  );
  await Promise.race([loads, timeout]);
  clearTimeout(timer);
}
