// Small SVG path builders (gears, circles, stars) used by the illustrations.

const f = (n) => n.toFixed(1);

/** A spur gear outline centred on (cx, cy), as SVG path data; `phase` rotates it (radians). */
export function gearPath(cx, cy, outer, inner, teeth, phase = 0) {
  const pts = [];
  const step = (Math.PI * 2) / teeth;
  for (let i = 0; i < teeth; i++) {
    const a = phase + i * step;
    // root, flank up, tip, tip, flank down
    const corners = [
      [inner, a],
      [outer, a + step * 0.18],
      [outer, a + step * 0.42],
      [inner, a + step * 0.6],
    ];
    for (const [r, ang] of corners)
      pts.push(`${f(cx + Math.cos(ang) * r)} ${f(cy + Math.sin(ang) * r)}`);
  }
  return `M${pts.join(' L')} Z`;
}

/** A circle as SVG path data (so it can be combined with even-odd holes). */
export function circlePath(cx, cy, r) {
  return `M${f(cx - r)} ${f(cy)} a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0 a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0 Z`;
}

/** A five-pointed star centred on (cx, cy). */
export function starPath(cx, cy, outer, inner = outer * 0.42, phase = -Math.PI / 2) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 ? inner : outer;
    const a = phase + (i * Math.PI) / 5;
    pts.push(`${f(cx + Math.cos(a) * r)} ${f(cy + Math.sin(a) * r)}`);
  }
  return `M${pts.join(' L')} Z`;
}
