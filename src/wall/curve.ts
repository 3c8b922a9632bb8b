/** Pure geometry of the wall's gentle concave curve: where a card sits once the flat grid is bent around the visitor. */

/** Position along the bend axis, depth towards the viewer and turn angle for one card. */
export interface Bend {
  along: number;
  depth: number;
  angle: number;
}

/**
 * Bends a flat offset from the screen centre onto a cylinder of `radius` whose axis stands in front of the viewer.
 * Edges come slightly forward and turn towards the centre, like a panoramic wall in a hall; the radius is
 * several screen widths so the effect stays a hint (about 7° at the screen edge), never a carousel.
 */
export function bend(offset: number, radius: number): Bend {
  if (!(radius > 0) || !Number.isFinite(radius)) return { along: offset, depth: 0, angle: 0 };
  const angle = offset / radius;
  return { along: radius * Math.sin(angle), depth: radius * (1 - Math.cos(angle)), angle };
}

/** Curve radius for a viewport: a multiple of its length along the bend axis. */
export function curveRadius(viewportLength: number): number {
  return viewportLength * 4;
}
