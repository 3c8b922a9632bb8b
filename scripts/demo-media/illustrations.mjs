// Renders the chapter and timeline illustrations (text-free SVG scenes) to media/demo/images/*.webp.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OUT_DIR } from './build-content.mjs';
import { launchBrowser, pngToWebp, seededRandom } from './browser.mjs';
import { circlePath, gearPath, starPath } from './shapes.mjs';

const W = 960;
const H = 540;

const svg = (body, defs = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${defs}</defs>${body}</svg>`;

const sky = (id, stops) =>
  `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${stops
    .map(([o, c]) => `<stop offset="${o}" stop-color="${c}"/>`)
    .join('')}</linearGradient>`;

/** Sunrise over a 1950s works: chimneys, sheds and fields. */
function workshopDawn() {
  const rand = seededRandom('workshop-dawn');
  const rays = Array.from({ length: 18 }, (_, i) => {
    const a0 = Math.PI + (i / 18) * Math.PI;
    const a1 = a0 + Math.PI / 40;
    const p = (a) => `${480 + Math.cos(a) * 900} ${330 + Math.sin(a) * 900}`;
    return `M480 330 L${p(a0)} L${p(a1)} Z`;
  }).join(' ');
  const sheds = Array.from({ length: 9 }, (_, i) => {
    const x = 40 + i * 100 + rand() * 20;
    const h = 40 + rand() * 50;
    return `M${x} 360 L${x} ${330 - h} L${x + 45} ${310 - h} L${x + 45} ${330 - h} L${x + 90} ${310 - h} L${x + 90} 360 Z`;
  }).join(' ');
  const chimneys = [150, 330, 610, 760]
    .map((x, i) => {
      const h = 150 + i * 25;
      const smoke = [0, 1, 2, 3]
        .map(
          (k) =>
            `<circle cx="${x + 12 + k * 26}" cy="${330 - h - 18 - k * 14}" r="${14 + k * 7}" fill="#fbe3c0" opacity="${0.35 - k * 0.07}"/>`,
        )
        .join('');
      return `<path d="M${x} 360 L${x + 4} ${330 - h} L${x + 22} ${330 - h} L${x + 26} 360 Z" fill="#5a1d18"/>${smoke}`;
    })
    .join('');
  const furrows = Array.from({ length: 14 }, (_, i) => {
    const x = -400 + i * 120;
    return `M480 380 L${x} 560`;
  }).join(' ');
  return svg(
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>
    <path d="${rays}" fill="#ffe6a3" opacity="0.12"/>
    <circle cx="480" cy="340" r="120" fill="#ffd36b"/>
    <circle cx="480" cy="340" r="160" fill="#ffd36b" opacity="0.25"/>
    <path d="${sheds}" fill="#6e231c"/>
    ${chimneys}
    <rect y="358" width="${W}" height="${H - 358}" fill="#8a3a1c"/>
    <path d="${furrows}" stroke="#b4622c" stroke-width="6" opacity="0.6"/>
    <path d="M0 380 L${W} 380" stroke="#c07a3a" stroke-width="4" opacity="0.7"/>`,
    sky('sky', [
      [0, '#7a1616'],
      [0.55, '#d0582e'],
      [1, '#f2a84a'],
    ]),
  );
}

/** A generic honour medal with ribbon and laurel (not a copy of any real decoration). */
function medal() {
  const leaves = [];
  for (const side of [-1, 1]) {
    for (let i = 0; i < 8; i++) {
      const a = Math.PI / 2 + side * (0.35 + i * 0.2);
      const x = 480 + Math.cos(a) * 150;
      const y = 300 + Math.sin(a) * 150;
      const rot = ((a * 180) / Math.PI + (side > 0 ? 60 : 120)).toFixed(1);
      leaves.push(
        `<ellipse cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" rx="26" ry="10" transform="rotate(${rot} ${x.toFixed(1)} ${y.toFixed(1)})" fill="#e8b64a"/>`,
      );
    }
  }
  return svg(
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>
    <circle cx="480" cy="300" r="260" fill="url(#halo)"/>
    <path d="M430 40 L530 40 L520 190 L440 190 Z" fill="#c8262c"/>
    <path d="M468 40 L492 40 L490 190 L470 190 Z" fill="#f2c14e"/>
    ${leaves.join('')}
    <circle cx="480" cy="300" r="110" fill="#e9b640" stroke="#a9731c" stroke-width="6"/>
    <circle cx="480" cy="300" r="90" fill="none" stroke="#fff2b0" stroke-width="3" opacity="0.7"/>
    <path d="${starPath(480, 300, 70)}" fill="#c8262c"/>
    <path d="M420 250 Q450 220 500 215" stroke="#fff7d0" stroke-width="8" fill="none" opacity="0.45" stroke-linecap="round"/>`,
    `${sky('bg', [
      [0, '#5a0f16'],
      [1, '#a2282a'],
    ])}<radialGradient id="halo"><stop offset="0" stop-color="#ffd98a" stop-opacity="0.5"/><stop offset="1" stop-color="#ffd98a" stop-opacity="0"/></radialGradient>`,
  );
}

/** Power pylons striding over hills at dusk. */
function powerLines() {
  const pylon = (x, base, s) => {
    const top = base - 260 * s;
    const w = 46 * s;
    const arm = 70 * s;
    return `<g stroke="#1d3440" stroke-width="${(4 * s).toFixed(1)}" fill="none">
      <path d="M${x - w} ${base} L${x} ${top} L${x + w} ${base} M${x - w * 0.6} ${base - 90 * s} L${x + w * 0.6} ${base - 90 * s} M${x - w * 0.6} ${base - 90 * s} L${x + w * 0.35} ${base - 170 * s} M${x + w * 0.6} ${base - 90 * s} L${x - w * 0.35} ${base - 170 * s}"/>
      <path d="M${x - arm} ${top + 50 * s} L${x + arm} ${top + 50 * s} M${x - arm * 0.7} ${top + 95 * s} L${x + arm * 0.7} ${top + 95 * s}"/></g>`;
  };
  const towers = [
    [150, 470, 1.2],
    [470, 420, 0.85],
    [720, 388, 0.6],
    [880, 370, 0.42],
  ];
  const wires = [];
  for (let i = 0; i < towers.length - 1; i++) {
    const [x1, b1, s1] = towers[i];
    const [x2, b2, s2] = towers[i + 1];
    for (const [k, off] of [
      [-1, 50],
      [1, 50],
      [-0.7, 95],
      [0.7, 95],
    ]) {
      const ax = x1 + k * 70 * s1;
      const ay = b1 - 260 * s1 + off * s1;
      const bx = x2 + k * 70 * s2;
      const by = b2 - 260 * s2 + off * s2;
      wires.push(`M${ax} ${ay} Q${(ax + bx) / 2} ${(ay + by) / 2 + 40} ${bx} ${by}`);
    }
  }
  return svg(
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>
    <circle cx="760" cy="250" r="70" fill="#ffd98a" opacity="0.9"/>
    <path d="M0 400 Q200 340 420 380 T960 350 L960 540 L0 540 Z" fill="#2f6a6a"/>
    <path d="M0 460 Q260 400 520 450 T960 430 L960 540 L0 540 Z" fill="#1f4f55"/>
    <path d="${wires.join(' ')}" stroke="#183039" stroke-width="2" fill="none"/>
    ${towers.map(([x, b, s]) => pylon(x, b, s)).join('')}`,
    sky('sky', [
      [0, '#17485a'],
      [0.6, '#5a9a96'],
      [1, '#f3c77a'],
    ]),
  );
}

/** A railway running to the horizon with a modern train. */
function railLine() {
  const sleepers = Array.from({ length: 16 }, (_, i) => {
    const t = i / 16;
    const y = 340 + (540 - 340) * t * t;
    const half = 8 + 330 * t * t;
    return `M${480 - half} ${y.toFixed(1)} L${480 + half} ${y.toFixed(1)}`;
  }).join(' ');
  return svg(
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>
    <circle cx="480" cy="300" r="90" fill="#ffe0a0" opacity="0.8"/>
    <path d="M0 330 L120 250 L230 310 L360 220 L470 300 L600 230 L720 300 L840 240 L960 300 L960 345 L0 345 Z" fill="#7a4150"/>
    <rect y="340" width="${W}" height="200" fill="#3b2a2e"/>
    <path d="${sleepers}" stroke="#7a5a4a" stroke-width="6"/>
    <path d="M476 340 L140 540 M484 340 L820 540" stroke="#d8d0c8" stroke-width="5"/>
    <path d="M520 322 L960 322 L960 330 L520 330 Z" fill="#4a2f36"/>
    <path d="${[560, 640, 720, 800, 880].map((x) => `M${x} 330 L${x + 10} 330 L${x + 8} 340 L${x + 2} 340 Z`).join(' ')}" fill="#4a2f36"/>
    <g transform="translate(600 276)">
      <path d="M0 40 L250 40 L250 12 L70 12 Q20 12 0 40 Z" fill="#f2f2ee"/>
      <path d="M30 22 L240 22 L240 28 L22 28 Z" fill="#2d5d9b"/>
      <path d="M52 16 L80 16 L70 24 L40 24 Z" fill="#2b3440"/>
      <path d="M0 40 L250 40 L250 46 L4 46 Z" fill="#8c9299"/>
    </g>`,
    sky('sky', [
      [0, '#3a1f4a'],
      [0.5, '#b0484a'],
      [1, '#f6b45c'],
    ]),
  );
}

/** A ship on the slipway under a gantry crane, with welding light. */
function shipyard() {
  const rand = seededRandom('shipyard');
  const sparks = Array.from({ length: 40 }, () => {
    const a = -Math.PI / 2 + (rand() - 0.5) * 2.4;
    const r = 10 + rand() * 60;
    const x = 520 + Math.cos(a) * r;
    const y = 330 + Math.sin(a) * r * 0.8 + r * 0.5;
    return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${(1 + rand() * 2).toFixed(1)}" fill="#ffe08a"/>`;
  }).join('');
  return svg(
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>
    <g stroke="#1b2f3a" stroke-width="10" fill="none">
      <path d="M120 460 L120 90 M840 460 L840 90 M100 90 L860 90 M100 120 L860 120"/>
      <path d="M120 120 L160 90 M840 120 L800 90"/>
    </g>
    <rect x="420" y="100" width="80" height="40" fill="#e2a13a"/>
    <path d="M460 140 L460 210" stroke="#1b2f3a" stroke-width="3"/>
    <path d="M150 300 L820 300 L760 440 L230 440 Z" fill="#8a2f2a"/>
    <path d="M150 300 L820 300 L812 318 L158 318 Z" fill="#d0d6da"/>
    <path d="M300 300 L300 230 L420 230 L420 300 Z" fill="#e4e8ea"/>
    <path d="M320 245 L400 245 L400 262 L320 262 Z" fill="#2b4a5a"/>
    <circle cx="520" cy="330" r="26" fill="#fff3c4" opacity="0.55"/>
    <circle cx="520" cy="330" r="8" fill="#ffffff"/>
    ${sparks}
    <rect y="440" width="${W}" height="100" fill="#1f4a5c"/>
    <path d="M0 470 Q120 460 240 470 T480 470 T720 470 T960 470" stroke="#5fa0b0" stroke-width="3" fill="none" opacity="0.5"/>`,
    sky('sky', [
      [0, '#0f3a4a'],
      [0.7, '#3d7e86'],
      [1, '#e0a060'],
    ]),
  );
}

/** Blueprint grid with gears, a compass arc and dimension lines. */
function blueprintGears() {
  const grid = [];
  for (let x = 0; x <= W; x += 30) grid.push(`M${x} 0 L${x} ${H}`);
  for (let y = 0; y <= H; y += 30) grid.push(`M0 ${y} L${W} ${y}`);
  const big = gearPath(380, 280, 150, 128, 20);
  const small = gearPath(380 + 150 + 72, 280, 84, 64, 11, Math.PI / 11);
  return svg(
    `<rect width="${W}" height="${H}" fill="#12406e"/>
    <path d="${grid.join(' ')}" stroke="#5c8fc0" stroke-width="1" opacity="0.35"/>
    <g fill="none" stroke="#e8f2ff" stroke-width="3">
      <path d="${big} ${circlePath(380, 280, 40)}"/>
      <path d="${small} ${circlePath(602, 280, 22)}"/>
      <circle cx="380" cy="280" r="100" stroke-dasharray="10 8" opacity="0.6"/>
    </g>
    <g stroke="#ffd07a" stroke-width="2" fill="none">
      <path d="M230 470 L530 470 M230 460 L230 480 M530 460 L530 480"/>
      <path d="M240 470 L252 464 L252 476 Z M520 470 L508 464 L508 476 Z" fill="#ffd07a"/>
      <path d="M380 60 L380 500 M150 280 L720 280" stroke-dasharray="18 6 4 6" opacity="0.7"/>
    </g>
    <path d="M780 120 L840 420 M780 120 L720 420" stroke="#e8f2ff" stroke-width="6" stroke-linecap="round"/>
    <circle cx="780" cy="116" r="12" fill="#e8f2ff"/>
    <path d="M700 430 A120 120 0 0 0 860 430" stroke="#ffd07a" stroke-width="2" fill="none" stroke-dasharray="6 6"/>`,
  );
}

export const ILLUSTRATIONS = {
  'workshop-dawn': workshopDawn,
  medal,
  'power-lines': powerLines,
  'rail-line': railLine,
  shipyard,
  'blueprint-gears': blueprintGears,
};

const dir = join(OUT_DIR, 'images');
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) if (file.endsWith('.webp')) rmSync(join(dir, file));

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: W, height: H } });
  for (const [name, draw] of Object.entries(ILLUSTRATIONS)) {
    await page.setContent(`<!doctype html><body style="margin:0;overflow:hidden">${draw()}</body>`);
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: W, height: H } });
    pngToWebp(png, join(dir, `${name}.webp`), 80);
  }
  console.log(`illustrations: ${Object.keys(ILLUSTRATIONS).length} written to ${dir}`);
} finally {
  await browser.close();
}
