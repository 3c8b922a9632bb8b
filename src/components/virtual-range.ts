/** Pure arithmetic of a virtualised grid: which rows are on screen (plus a margin) for a scroll position. */

export interface GridMetrics {
  columns: number;
  rowHeight: number;
  count: number;
}

/** First and last item index (inclusive; last < first when there is nothing) to render. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  m: GridMetrics,
  overscanRows = 2,
): { first: number; last: number } {
  if (m.count <= 0 || m.columns <= 0 || m.rowHeight <= 0) return { first: 0, last: -1 };
  const rows = Math.ceil(m.count / m.columns);
  const top = Math.max(0, Math.floor(scrollTop / m.rowHeight) - overscanRows);
  const bottom = Math.min(
    rows - 1,
    Math.ceil((scrollTop + viewportHeight) / m.rowHeight) + overscanRows,
  );
  return { first: top * m.columns, last: Math.min(m.count - 1, (bottom + 1) * m.columns - 1) };
}

/** Scroll position that brings item `index` into the middle of the viewport. */
export function scrollFor(index: number, viewportHeight: number, m: GridMetrics): number {
  const row = Math.floor(index / Math.max(1, m.columns));
  return Math.max(0, row * m.rowHeight - (viewportHeight - m.rowHeight) / 2);
}
