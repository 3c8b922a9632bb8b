/** Pure grid layout for the honor wall: picks columns, rows, card size and scroll axis for a viewport (no DOM). */

/** Which way the wall scrolls when its cards do not fit on one screen. */
export type ScrollAxis = 'none' | 'x' | 'y';

export interface LayoutOptions {
  /** Card width divided by card height. */
  cardAspect?: number;
  /** Smallest card width (CSS px) at which every card may share one screen; below it the wall scrolls. */
  minFitWidth?: number;
  /** Card width (CSS px) aimed for once the wall scrolls anyway: comfortable for a thumb and for reading a name. */
  scrollCardWidth?: number;
  /** Largest card width as a fraction of the viewport's short side, so three cards do not fill a wall. */
  maxWidthFraction?: number;
}

/** Top-left corner of one card in content space (CSS px; content origin is the viewport's top-left at scroll 0). */
export interface CardSlot {
  x: number;
  y: number;
}

export interface WallLayout {
  columns: number;
  rows: number;
  cardWidth: number;
  cardHeight: number;
  gap: number;
  scrollAxis: ScrollAxis;
  contentWidth: number;
  contentHeight: number;
  /** Largest scroll offset along scrollAxis (0 when it does not scroll). */
  maxScroll: number;
  slots: CardSlot[];
}

const DEFAULTS: Required<LayoutOptions> = {
  cardAspect: 0.75,
  minFitWidth: 160,
  scrollCardWidth: 220,
  maxWidthFraction: 0.36,
};

/**
 * Lays out `count` cards in a viewport of `width` × `height` CSS px.
 * Prefers one screen holding everyone (an honour wall is read as a whole); scrolls only when that
 * would make cards smaller than a comfortable tap target: sideways on landscape, downwards on portrait.
 */
export function layoutWall(
  width: number,
  height: number,
  count: number,
  options: LayoutOptions = {},
): WallLayout {
  const o = { ...DEFAULTS, ...options };
  const short = Math.max(1, Math.min(width, height));
  // Margin and gap follow the short side so the composition keeps its proportions on any screen.
  const margin = Math.max(16, Math.round(short * 0.045));
  const gap = Math.round(Math.min(28, Math.max(10, short * 0.02)));
  const maxWidth = short * o.maxWidthFraction;
  const innerW = Math.max(1, width - 2 * margin);
  const innerH = Math.max(1, height - 2 * margin);

  if (count <= 0) {
    return {
      columns: 0,
      rows: 0,
      cardWidth: 0,
      cardHeight: 0,
      gap,
      scrollAxis: 'none',
      contentWidth: width,
      contentHeight: height,
      maxScroll: 0,
      slots: [],
    };
  }

  const fit = bestFit(innerW, innerH, count, gap, o.cardAspect, maxWidth);
  if (fit.cardWidth >= o.minFitWidth) {
    return grid(
      width,
      height,
      count,
      fit.columns,
      fit.cardWidth,
      o.cardAspect,
      gap,
      margin,
      'none',
    );
  }

  if (width >= height) {
    // Landscape: as many rows as keep cards at the scroll size, then columns run off to the right.
    const prefH = o.scrollCardWidth / o.cardAspect;
    const rows = clamp(Math.floor((innerH + gap) / (prefH + gap)), 1, count);
    const cardH = (innerH - (rows - 1) * gap) / rows;
    const cardW = Math.min(cardH * o.cardAspect, maxWidth);
    return grid(
      width,
      height,
      count,
      Math.ceil(count / rows),
      cardW,
      o.cardAspect,
      gap,
      margin,
      'x',
      rows,
    );
  }
  const columns = clamp(Math.floor((innerW + gap) / (o.scrollCardWidth + gap)), 1, count);
  const cardW = Math.min((innerW - (columns - 1) * gap) / columns, maxWidth);
  return grid(width, height, count, columns, cardW, o.cardAspect, gap, margin, 'y');
}

/** Column count giving the largest card when all cards must fit inside innerW × innerH. */
function bestFit(
  innerW: number,
  innerH: number,
  count: number,
  gap: number,
  aspect: number,
  maxWidth: number,
) {
  let best = { columns: 1, cardWidth: 0 };
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const byWidth = (innerW - (columns - 1) * gap) / columns;
    const byHeight = ((innerH - (rows - 1) * gap) / rows) * aspect;
    const cardWidth = Math.min(byWidth, byHeight, maxWidth);
    // Strictly greater: on a tie the squarer grid (fewer columns) wins.
    if (cardWidth > best.cardWidth) best = { columns, cardWidth };
  }
  return best;
}

/**
 * Places cards on a columns × rows grid centred in the viewport (content grows along the scroll axis).
 * A partly filled last row (or last column when scrolling sideways) is centred, as a printed roll of honour would be.
 */
function grid(
  width: number,
  height: number,
  count: number,
  columns: number,
  cardW: number,
  aspect: number,
  gap: number,
  margin: number,
  scrollAxis: ScrollAxis,
  fixedRows?: number,
): WallLayout {
  const cardWidth = Math.floor(cardW);
  const cardHeight = Math.floor(cardW / aspect);
  const rows = fixedRows ?? Math.ceil(count / columns);
  const gridW = columns * cardWidth + (columns - 1) * gap;
  const gridH = rows * cardHeight + (rows - 1) * gap;

  let contentWidth = width;
  let contentHeight = height;
  let axis = scrollAxis;
  if (axis === 'x' && gridW + 2 * margin > width) contentWidth = gridW + 2 * margin;
  else if (axis === 'y' && gridH + 2 * margin > height) contentHeight = gridH + 2 * margin;
  else axis = 'none';

  const left = (contentWidth - gridW) / 2;
  const top = (contentHeight - gridH) / 2;
  const columnMajor = axis === 'x';
  const slots: CardSlot[] = [];
  for (let i = 0; i < count; i++) {
    if (columnMajor) {
      const col = Math.floor(i / rows);
      const inCol = Math.min(rows, count - col * rows);
      const shift = ((rows - inCol) * (cardHeight + gap)) / 2;
      slots.push({
        x: left + col * (cardWidth + gap),
        y: top + shift + (i % rows) * (cardHeight + gap),
      });
    } else {
      const row = Math.floor(i / columns);
      const inRow = Math.min(columns, count - row * columns);
      const shift = ((columns - inRow) * (cardWidth + gap)) / 2;
      slots.push({
        x: left + shift + (i % columns) * (cardWidth + gap),
        y: top + row * (cardHeight + gap),
      });
    }
  }
  const maxScroll = axis === 'x' ? contentWidth - width : axis === 'y' ? contentHeight - height : 0;
  return {
    columns,
    rows,
    cardWidth,
    cardHeight,
    gap,
    scrollAxis: axis,
    contentWidth,
    contentHeight,
    maxScroll,
    slots,
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
