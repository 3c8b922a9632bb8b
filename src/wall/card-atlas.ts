/** Packs card faces into one or more atlas canvases and reports each card's page and UV rectangle. */

import { drawCardFace, SHADOW_MARGIN, type CardFaceContent } from './card-face';

/** Transparent pixels around every cell so mipmapped sampling never picks up a neighbour. */
const GUTTER = 4;

export interface AtlasCell {
  page: number;
  /** UV offset and size inside the page, for a texture uploaded with flipY (v grows upwards). */
  u: number;
  v: number;
  uSize: number;
  vSize: number;
}

export interface CardAtlas {
  pages: HTMLCanvasElement[];
  cells: AtlasCell[];
  /** Cell size over card size: the quad must be this much larger than the card to show its shadow. */
  quadScale: { x: number; y: number };
}

/**
 * How many cells fit on a page no larger than maxPageSize square.
 * Kept separate so the wall can tell how many pages (draw calls, textures) a roster will need.
 */
export function cellsPerPage(
  cellWidth: number,
  cellHeight: number,
  maxPageSize: number,
): { columns: number; rows: number } {
  const columns = Math.max(1, Math.floor((maxPageSize - GUTTER) / (cellWidth + GUTTER)));
  const rows = Math.max(1, Math.floor((maxPageSize - GUTTER) / (cellHeight + GUTTER)));
  return { columns, rows };
}

/**
 * Draws every card at faceWidth × faceHeight px (plus room for its shadow) into pages of at most maxPageSize.
 * The last page is only as tall as its rows need, so a 36-card roster costs one modest texture, not a 4096² one.
 */
export function drawCardAtlas(
  cards: readonly CardFaceContent[],
  faceWidth: number,
  faceHeight: number,
  maxPageSize: number,
): CardAtlas {
  const margin = Math.ceil(faceWidth * SHADOW_MARGIN);
  const cellWidth = faceWidth + 2 * margin;
  const cellHeight = faceHeight + 2 * margin;
  const { columns, rows } = cellsPerPage(cellWidth, cellHeight, maxPageSize);
  const perPage = columns * rows;
  const pageCount = Math.max(1, Math.ceil(cards.length / perPage));
  const pages: HTMLCanvasElement[] = [];
  const cells: AtlasCell[] = [];

  for (let p = 0; p < pageCount; p++) {
    const onPage = Math.min(perPage, cards.length - p * perPage);
    const pageColumns = Math.min(columns, Math.max(1, onPage));
    const pageRows = Math.max(1, Math.ceil(onPage / columns));
    const canvas = document.createElement('canvas');
    canvas.width = GUTTER + pageColumns * (cellWidth + GUTTER);
    canvas.height = GUTTER + pageRows * (cellHeight + GUTTER);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('honor wall: 2D canvas unavailable for the card atlas');

    for (let k = 0; k < onPage; k++) {
      const index = p * perPage + k;
      const card = cards[index];
      if (!card) continue;
      const x = GUTTER + (k % columns) * (cellWidth + GUTTER);
      const y = GUTTER + Math.floor(k / columns) * (cellHeight + GUTTER);
      drawCardFace(ctx, x + margin, y + margin, faceWidth, faceHeight, card);
      cells[index] = {
        page: p,
        u: x / canvas.width,
        v: 1 - (y + cellHeight) / canvas.height,
        uSize: cellWidth / canvas.width,
        vSize: cellHeight / canvas.height,
      };
    }
    pages.push(canvas);
  }
  return { pages, cells, quadScale: { x: cellWidth / faceWidth, y: cellHeight / faceHeight } };
}

/**
 * Card face width in atlas pixels for a card shown `cardCssWidth` px wide at `pixelRatio`: a little over one
 * texel per device pixel (the curve enlarges edge cards slightly), rounded for tidy packing, and bounded so
 * 200 cards stay within a few textures.
 */
export function chooseFaceWidth(cardCssWidth: number, pixelRatio: number): number {
  const wanted = cardCssWidth * pixelRatio * 1.15;
  return Math.min(512, Math.max(256, Math.ceil(wanted / 16) * 16));
}

/** Frees an atlas page's pixels once it lives on the GPU; a zero-size canvas holds no backing store. */
export function releasePage(canvas: HTMLCanvasElement): void {
  canvas.width = 0;
  canvas.height = 0;
}
