// Builds one flat, illustrated head-and-shoulders portrait as an SVG string from a small "look" description.

/** Canvas size of every portrait (3:4). */
export const WIDTH = 480;
export const HEIGHT = 640;

/** Skin tones within an East Asian range, light to deep. */
const SKINS = ['#f5d9c2', '#efcaa9', '#e6ba95', '#dcaa83', '#cf9a72', '#c28a63'];

const HAIR = {
  black: '#1d1917',
  brown: '#33251d',
  grey: '#8e8a86',
  salt: '#5d5853',
};

/** Warm, dignified background gradients: [top, bottom, glow]. */
const BACKGROUNDS = {
  crimson: ['#7d1717', '#c4452c', '#f6c56b'],
  gold: ['#9c5a12', '#e1a93f', '#fff0b8'],
  teal: ['#0d4350', '#2c8583', '#a8e6d8'],
  burgundy: ['#4f0f20', '#9c3436', '#f1b27a'],
  amber: ['#8a3512', '#d9803a', '#ffd79a'],
  ocean: ['#10354d', '#2d6f86', '#b5e0e6'],
};

/** Mix two #rrggbb colours; t = 0 gives a, t = 1 gives b. */
export function mix(a, b, t) {
  const pa = parseInt(a.slice(1), 16);
  const pb = parseInt(b.slice(1), 16);
  const ch = (p, s) => (p >> s) & 255;
  const out = [16, 8, 0].map((s) => Math.round(ch(pa, s) + (ch(pb, s) - ch(pa, s)) * t));
  return `#${out.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
const shade = (c, t) => mix(c, '#000000', t);
const luminance = (c) => {
  const p = parseInt(c.slice(1), 16);
  return (0.2126 * ((p >> 16) & 255) + 0.7152 * ((p >> 8) & 255) + 0.0722 * (p & 255)) / 255;
};
const tint = (c, t) => mix(c, '#ffffff', t);

// Face geometry (viewBox 480x640): face spans x 162..318, y 200..406.
const FACE =
  'M240 198 C292 198 319 236 319 290 C319 344 300 382 265 401 Q240 411 215 401 ' +
  'C180 382 161 344 161 290 C161 236 188 198 240 198 Z';

function background(bg, uid) {
  const [top, bottom, glow] = BACKGROUNDS[bg] ?? BACKGROUNDS.crimson;
  const rays = [];
  for (let i = 0; i < 24; i++) {
    const a0 = (i / 24) * Math.PI * 2;
    const a1 = a0 + Math.PI / 48;
    const r = 700;
    const p = (a) => `${(240 + Math.cos(a) * r).toFixed(1)} ${(300 + Math.sin(a) * r).toFixed(1)}`;
    rays.push(`M240 300 L${p(a0)} L${p(a1)} Z`);
  }
  return `
  <defs>
    <linearGradient id="bg-${uid}" x1="0" y1="0" x2="0.35" y2="1">
      <stop offset="0" stop-color="${top}"/>
      <stop offset="1" stop-color="${bottom}"/>
    </linearGradient>
    <radialGradient id="glow-${uid}" cx="240" cy="280" r="300" gradientUnits="userSpaceOnUse">
      <stop offset="0" stop-color="${glow}" stop-opacity="0.55"/>
      <stop offset="0.55" stop-color="${glow}" stop-opacity="0.12"/>
      <stop offset="1" stop-color="${glow}" stop-opacity="0"/>
    </radialGradient>
    <linearGradient id="floor-${uid}" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0.6" stop-color="#000" stop-opacity="0"/>
      <stop offset="1" stop-color="#000" stop-opacity="0.28"/>
    </linearGradient>
  </defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#bg-${uid})"/>
  <path d="${rays.join(' ')}" fill="${glow}" opacity="0.05"/>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#glow-${uid})"/>
  <circle cx="240" cy="290" r="205" fill="none" stroke="${glow}" stroke-opacity="0.16" stroke-width="2"/>`;
}

/** Hair drawn behind the head (long hair, ponytail, braids, bun). */
function hairBack(look, hc) {
  switch (look.hair) {
    case 'bob':
      return `<path d="M152 300 C140 220 180 176 240 174 C300 176 340 220 328 300 L334 392 C318 406 296 404 286 396 L194 396 C184 404 162 406 146 392 Z" fill="${hc}"/>`;
    case 'ponytail':
      return `<path d="M300 250 C350 262 360 330 344 392 C338 420 316 430 306 414 C322 370 318 312 292 282 Z" fill="${hc}"/>`;
    case 'braids':
      return [-1, 1]
        .map((s) => {
          const x = 240 + s * 86;
          const plaits = [0, 1, 2, 3, 4, 5]
            .map((i) => {
              const y = 350 + i * 22;
              return `M${x - 11} ${y} Q${x} ${y + 12} ${x + 11} ${y}`;
            })
            .join(' ');
          return `<path d="M${x - 15} 300 L${x + 15} 300 L${x + 10} 476 L${x - 10} 476 Z" fill="${hc}"/>
          <path d="${plaits}" stroke="${tint(hc, 0.22)}" stroke-width="3" fill="none"/>
          <rect x="${x - 11}" y="474" width="22" height="9" rx="4" fill="#c23b32"/>
          <path d="M${x - 9} 482 C${x - 12} 500 ${x + 12} 500 ${x + 9} 482 Z" fill="${hc}"/>`;
        })
        .join('');
    case 'bun':
      return `<circle cx="240" cy="168" r="38" fill="${hc}"/>`;
    default:
      return '';
  }
}

/** Hair drawn over the head (the cap of hair and fringe). */
function hairFront(look, hc) {
  const hi = tint(hc, 0.18);
  switch (look.hair) {
    case 'buzz':
      return `<path d="M160 286 C154 214 192 180 240 180 C288 180 326 214 320 286 C314 250 304 232 292 226 C262 232 218 232 188 226 C176 232 166 250 160 286 Z" fill="${hc}"/>`;
    case 'side':
      return `<path d="M156 300 C144 210 190 166 244 166 C302 168 338 212 324 300 C318 264 312 246 300 238 C272 236 238 226 214 206 C206 228 186 240 170 246 C164 262 160 280 156 300 Z" fill="${hc}"/>
      <path d="M214 206 C232 222 262 230 298 232" stroke="${hi}" stroke-width="4" fill="none" opacity="0.5"/>`;
    case 'receding':
      return `<path d="M158 300 C150 246 164 214 192 204 C190 226 178 246 170 262 L166 300 Z M322 300 C330 246 316 214 288 204 C290 226 302 246 310 262 L314 300 Z" fill="${hc}"/>`;
    case 'bob':
      return `<path d="M158 306 C150 218 190 180 240 180 C292 180 330 218 322 306 C312 262 302 240 286 226 C262 244 216 246 196 222 C178 240 166 268 158 306 Z" fill="${hc}"/>`;
    case 'ponytail':
    case 'bun':
      return `<path d="M158 298 C150 214 190 178 240 178 C290 178 330 214 322 298 C316 258 304 236 288 226 C262 218 220 218 194 226 C176 236 164 258 158 298 Z" fill="${hc}"/>
      <path d="M200 198 C226 190 256 190 282 198" stroke="${hi}" stroke-width="4" fill="none" opacity="0.45"/>`;
    case 'braids':
      return `<path d="M156 304 C148 214 190 178 240 178 C290 178 332 214 324 304 C318 260 306 236 290 224 C270 216 252 214 240 222 C228 214 210 216 190 224 C174 236 162 260 156 304 Z" fill="${hc}"/>`;
    case 'short-f':
      return `<path d="M154 310 C142 216 188 172 242 172 C300 174 338 216 326 310 C318 270 312 244 298 230 C270 240 230 238 206 214 C196 236 178 250 166 262 C160 276 156 292 154 310 Z" fill="${hc}"/>`;
    case 'crop':
    default:
      return `<path d="M158 292 C150 212 190 172 240 172 C292 172 330 212 322 292 C316 254 306 236 292 230 C264 238 216 240 188 228 C174 238 164 256 158 292 Z" fill="${hc}"/>
      <path d="M196 196 C220 186 258 186 284 196" stroke="${hi}" stroke-width="4" fill="none" opacity="0.4"/>`;
  }
}

function face(look, skin) {
  const dark = shade(skin, 0.2);
  const line = shade(skin, 0.55);
  const eye = '#2a211d';
  const senior = look.age === 'senior';
  const browColor = senior ? HAIR.grey : shade(look.hairColorValue, 0.05);
  const browW = look.gender === 'f' ? 3.5 : 5.5;
  const parts = [
    // ears
    `<ellipse cx="163" cy="304" rx="13" ry="22" fill="${skin}"/>`,
    `<ellipse cx="317" cy="304" rx="13" ry="22" fill="${skin}"/>`,
    `<ellipse cx="165" cy="305" rx="6" ry="12" fill="${dark}" opacity="0.5"/>`,
    `<ellipse cx="315" cy="305" rx="6" ry="12" fill="${dark}" opacity="0.5"/>`,
    `<path d="${FACE}" fill="${skin}"/>`,
    // soft shade on one side of the face
    `<path d="M300 240 C318 270 318 330 300 372 C292 388 280 398 266 402 C292 380 308 330 300 240 Z" fill="${dark}" opacity="0.35"/>`,
    // eyebrows
    `<path d="M196 ${look.gender === 'f' ? 279 : 281} Q213 271 230 279" stroke="${browColor}" stroke-width="${browW}" fill="none" stroke-linecap="round"/>`,
    `<path d="M250 279 Q267 271 284 ${look.gender === 'f' ? 279 : 281}" stroke="${browColor}" stroke-width="${browW}" fill="none" stroke-linecap="round"/>`,
    // eyes: calm, slightly smiling
    `<ellipse cx="213" cy="302" rx="7.5" ry="8.5" fill="${eye}"/>`,
    `<ellipse cx="267" cy="302" rx="7.5" ry="8.5" fill="${eye}"/>`,
    `<circle cx="215.5" cy="299" r="2.4" fill="#fff" opacity="0.85"/>`,
    `<circle cx="269.5" cy="299" r="2.4" fill="#fff" opacity="0.85"/>`,
    // nose
    `<path d="M244 318 Q250 334 241 339" stroke="${line}" stroke-width="3" fill="none" stroke-linecap="round" opacity="0.45"/>`,
    // smile: a closed, gentle one or an open, broader one
    look.smile === 'open'
      ? `<path d="M219 358 Q240 386 261 358 Q240 364 219 358 Z" fill="#8a3d36"/><path d="M223 360 Q240 365 257 360 L255 365 Q240 369 225 365 Z" fill="#fbf7f2"/>`
      : `<path d="M218 362 Q240 380 262 362" stroke="${shade(skin, 0.5)}" stroke-width="4" fill="none" stroke-linecap="round"/>`,
    // cheeks
    `<ellipse cx="196" cy="340" rx="16" ry="10" fill="#e0705a" opacity="${look.gender === 'f' ? 0.22 : 0.12}"/>`,
    `<ellipse cx="284" cy="340" rx="16" ry="10" fill="#e0705a" opacity="${look.gender === 'f' ? 0.22 : 0.12}"/>`,
  ];
  if (senior) {
    parts.push(
      `<path d="M206 346 Q202 360 208 372" stroke="${line}" stroke-width="2.5" fill="none" stroke-linecap="round" opacity="0.35"/>`,
      `<path d="M274 346 Q278 360 272 372" stroke="${line}" stroke-width="2.5" fill="none" stroke-linecap="round" opacity="0.35"/>`,
      `<path d="M206 256 Q240 248 274 256" stroke="${line}" stroke-width="2.2" fill="none" opacity="0.28"/>`,
      `<path d="M196 316 Q204 322 212 318 M268 318 Q276 322 284 316" stroke="${line}" stroke-width="2" fill="none" opacity="0.3"/>`,
    );
  }
  if (look.glasses) {
    const frame = look.glassesColor ?? '#3a302b';
    parts.push(
      `<g fill="none" stroke="${frame}" stroke-width="3.5"><rect x="190" y="286" width="46" height="34" rx="12"/><rect x="244" y="286" width="46" height="34" rx="12"/><path d="M236 300 Q240 296 244 300 M190 296 L164 292 M290 296 L316 292"/></g>`,
      `<path d="M196 292 L206 292" stroke="#fff" stroke-width="3" opacity="0.5"/>`,
    );
  }
  return parts.join('\n');
}

const TORSO = 'M28 640 C32 552 100 500 196 484 L284 484 C380 500 448 552 452 640 Z';

function neck(skin) {
  const dark = shade(skin, 0.2);
  return `<path d="M204 392 L204 478 Q240 506 276 478 L276 392 Z" fill="${dark}"/>
  <path d="M204 414 Q240 450 276 414 L276 432 Q240 466 204 432 Z" fill="${shade(skin, 0.32)}" opacity="0.45"/>`;
}

function medal() {
  // A generic honour medal: striped ribbon and a gold star disc (not any real medal's design).
  const star = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 ? 6.5 : 15;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    star.push(`${(338 + Math.cos(a) * r).toFixed(1)},${(590 + Math.sin(a) * r).toFixed(1)}`);
  }
  return `<g>
    <path d="M322 540 L354 540 L350 572 L326 572 Z" fill="#c8262c"/>
    <path d="M334 540 L342 540 L341 572 L335 572 Z" fill="#f2c14e"/>
    <circle cx="338" cy="590" r="23" fill="#e9b640" stroke="#a9731c" stroke-width="3"/>
    <circle cx="338" cy="590" r="17" fill="none" stroke="#fff2b0" stroke-width="1.5" opacity="0.7"/>
    <polygon points="${star.join(' ')}" fill="#c8262c"/>
  </g>`;
}

/** Clothing on the shoulders, by attire kind. */
function attire(look) {
  const c = look.color;
  const dark = shade(c, 0.25);
  const light = tint(c, 0.2);
  const torso = `<path d="${TORSO}" fill="${c}"/>`;
  const shoulderShade = `<path d="M28 640 C32 590 60 548 110 520 C90 560 84 600 86 640 Z" fill="${dark}" opacity="0.45"/>
    <path d="M452 640 C448 590 420 548 370 520 C390 560 396 600 394 640 Z" fill="${dark}" opacity="0.45"/>`;
  switch (look.attire) {
    case 'whitecoat': {
      const shirt = look.shirt ?? '#9cc3e0';
      return `${torso}${shoulderShade}
        <path d="M196 484 L240 560 L284 484 Z" fill="${shirt}"/>
        <path d="M204 478 L240 520 L276 478 L286 490 L240 552 L194 490 Z" fill="${tint(shirt, 0.4)}"/>
        <path d="M196 484 L240 580 L236 640 L170 640 L150 560 L176 500 Z" fill="${shade(c, 0.06)}"/>
        <path d="M284 484 L240 580 L244 640 L310 640 L330 560 L304 500 Z" fill="${shade(c, 0.06)}"/>
        <path d="M196 484 L240 580 L176 520 Z M284 484 L240 580 L304 520 Z" fill="${shade(c, 0.14)}"/>
        <path d="M196 484 L240 580 L236 640 M284 484 L240 580 L244 640" stroke="${shade(c, 0.28)}" stroke-width="2.5" fill="none"/>
        <path d="M206 476 C190 530 196 570 222 590 M274 476 C290 530 284 560 262 582" stroke="#33373d" stroke-width="6" fill="none" stroke-linecap="round"/>
        <circle cx="258" cy="590" r="10" fill="#b9c0c8" stroke="#5a6068" stroke-width="3"/>`;
    }
    case 'uniform': {
      const shirt = look.shirt ?? '#eef2f6';
      const tie = look.tie ?? '#7d1b22';
      return `${torso}${shoulderShade}
        <path d="M200 484 L240 590 L280 484 Z" fill="${shirt}"/>
        <path d="M206 480 L240 506 L274 480 L280 492 L240 520 L200 492 Z" fill="${tint(shirt, 0.3)}"/>
        <path d="M232 506 L248 506 L254 588 L240 600 L226 588 Z" fill="${tie}"/>
        <path d="M196 484 L240 600 L170 540 L176 498 Z" fill="${dark}"/>
        <path d="M284 484 L240 600 L310 540 L304 498 Z" fill="${dark}"/>
        <circle cx="240" cy="620" r="5" fill="#e2b44c"/>
        <path d="M90 560 L140 560" stroke="${look.trim ?? '#e2b44c'}" stroke-width="5" opacity="0.8"/>`;
    }
    case 'vest': {
      const under = look.shirt ?? '#3f5f7a';
      return `<path d="${TORSO}" fill="${under}"/>${shoulderShade}
        <path d="M110 520 C150 500 180 490 206 486 L240 560 L274 486 C300 490 330 500 370 520 L380 640 L100 640 Z" fill="${c}"/>
        <path d="M108 572 L372 572 L374 592 L106 592 Z M104 616 L376 616 L377 636 L103 636 Z" fill="#dfe4e8" opacity="0.95"/>
        <path d="M206 486 L240 560 L274 486 L266 482 L240 536 L214 482 Z" fill="${shade(under, 0.2)}"/>`;
    }
    case 'jumpsuit': {
      return `${torso}${shoulderShade}
        <path d="M196 484 C210 500 270 500 284 484 L290 494 C270 516 210 516 190 494 Z" fill="${dark}"/>
        <path d="M240 508 L240 640" stroke="${dark}" stroke-width="4"/>
        <circle cx="160" cy="580" r="24" fill="${look.patch ?? '#1f4e8c'}" stroke="#fff" stroke-width="3"/>
        <path d="M140 588 Q160 560 182 572" stroke="#fff" stroke-width="3" fill="none"/>
        <circle cx="168" cy="574" r="4" fill="#f2c14e"/>
        <path d="M100 540 L140 530" stroke="${light}" stroke-width="4" opacity="0.6"/>`;
    }
    case 'cardigan': {
      const shirt = look.shirt ?? '#f3efe6';
      return `${torso}${shoulderShade}
        <path d="M204 484 L240 600 L276 484 Z" fill="${shirt}"/>
        <path d="M200 478 L236 508 L222 528 L192 492 Z M280 478 L244 508 L258 528 L288 492 Z" fill="${tint(shirt, 0.5)}" stroke="${shade(shirt, 0.12)}" stroke-width="1.5"/>
        <path d="M200 484 L240 604 L226 640 L180 640 L176 510 Z" fill="${dark}" opacity="0.35"/>
        <path d="M280 484 L240 604 L254 640 L300 640 L304 510 Z" fill="${dark}" opacity="0.35"/>
        <circle cx="232" cy="624" r="4.5" fill="${tint(c, 0.5)}"/>`;
    }
    case 'smock': {
      // White work jacket with a stand collar, as worn in food, textile and lab work.
      return `${torso}${shoulderShade}
        <path d="M200 480 C214 498 266 498 280 480 L286 494 C268 514 212 514 194 494 Z" fill="${shade(c, 0.1)}"/>
        <path d="M240 508 L240 640" stroke="${shade(c, 0.15)}" stroke-width="3"/>
        <circle cx="248" cy="540" r="4" fill="${shade(c, 0.25)}"/><circle cx="248" cy="590" r="4" fill="${shade(c, 0.25)}"/>
        <path d="M130 560 L186 560 L186 600 L130 600 Z" fill="none" stroke="${shade(c, 0.15)}" stroke-width="3"/>`;
    }
    case 'shirt': {
      return `${torso}${shoulderShade}
        <path d="M204 478 L240 518 L220 540 L192 494 Z M276 478 L240 518 L260 540 L288 494 Z" fill="${light}"/>
        <path d="M240 518 L240 640" stroke="${dark}" stroke-width="3"/>
        <circle cx="248" cy="560" r="4" fill="${tint(c, 0.5)}"/><circle cx="248" cy="605" r="4" fill="${tint(c, 0.5)}"/>
        <path d="M128 560 L184 560 L184 598 L128 598 Z" fill="none" stroke="${dark}" stroke-width="3"/>`;
    }
    case 'coveralls': {
      // Work jacket with reflective bands (mining, rail track, shipyard).
      return `${torso}${shoulderShade}
        <path d="M204 478 L240 514 L222 536 L192 494 Z M276 478 L240 514 L258 536 L288 494 Z" fill="${dark}"/>
        <path d="M240 514 L240 640" stroke="${dark}" stroke-width="4"/>
        <path d="M70 588 L410 588 L412 606 L68 606 Z" fill="${look.band ?? '#d8dde2'}" opacity="0.9"/>`;
    }
    case 'jacket':
    default: {
      return `${torso}${shoulderShade}
        <path d="M206 480 L240 520 L274 480 Z" fill="${look.shirt ?? tint(c, 0.55)}"/>
        <path d="M200 476 L240 520 L218 546 L186 494 Z M280 476 L240 520 L262 546 L294 494 Z" fill="${dark}"/>
        <path d="M240 520 L240 640" stroke="${dark}" stroke-width="4"/>
        <path d="M124 560 L184 560 L184 604 L124 604 Z" fill="${dark}" opacity="0.5"/>
        <path d="M124 560 L184 560 L184 572 L124 572 Z" fill="${dark}"/>`;
    }
  }
}

/** Headwear over the hair, if any. */
function hat(look) {
  const c = look.hatColor ?? '#f2c230';
  const dark = shade(c, 0.22);
  const light = tint(c, 0.35);
  switch (look.hat) {
    case 'helmet':
    case 'miner': {
      const lamp =
        look.hat === 'miner'
          ? `<rect x="222" y="196" width="36" height="26" rx="6" fill="#4b4f55"/><circle cx="240" cy="209" r="9" fill="#fff6c8"/><circle cx="240" cy="209" r="16" fill="#fff6c8" opacity="0.25"/>`
          : `<path d="M226 186 L254 186 L252 206 L228 206 Z" fill="${light}" opacity="0.5"/>`;
      return `<path d="M150 268 C146 186 190 140 240 140 C290 140 334 186 330 268 Z" fill="${c}"/>
        <path d="M232 142 C230 190 230 230 232 266 L248 266 C250 230 250 190 248 142 Z" fill="${dark}" opacity="0.45"/>
        <path d="M176 176 C190 158 210 150 226 148" stroke="${light}" stroke-width="8" fill="none" stroke-linecap="round" opacity="0.6"/>
        <path d="M130 262 Q240 246 350 262 L352 276 Q240 264 128 276 Z" fill="${dark}"/>
        ${lamp}`;
    }
    case 'rail-cap': {
      // A white captain's cap gets a black band; a dark uniform cap a darker shade of itself.
      const band = luminance(c) > 0.6 ? '#1b1e24' : shade(c, 0.4);
      return `<path d="M160 252 L144 196 Q240 160 336 196 L320 252 Z" fill="${c}"/>
        <path d="M160 232 L320 232 L320 254 L160 254 Z" fill="${band}"/>
        <path d="M170 254 Q240 240 310 254 Q300 278 240 276 Q180 278 170 254 Z" fill="#15181d"/>
        <path d="M190 260 Q240 252 290 260" stroke="#fff" stroke-width="2" opacity="0.25" fill="none"/>
        <circle cx="240" cy="212" r="13" fill="#e2b44c" stroke="#a8802c" stroke-width="2"/>
        <path d="M226 212 L254 212 M240 198 L240 226" stroke="#a8802c" stroke-width="2"/>`;
    }
    case 'work-cap': {
      // Soft peaked cap of the 1950s workshop.
      return `<path d="M156 262 C150 206 190 176 244 176 C298 176 334 210 326 258 Z" fill="${c}"/>
        <path d="M168 236 C200 226 290 226 318 238" stroke="${dark}" stroke-width="3" fill="none" opacity="0.6"/>
        <path d="M160 256 Q240 238 326 256 Q316 282 240 280 Q176 280 160 256 Z" fill="${dark}"/>
        <circle cx="244" cy="180" r="6" fill="${dark}"/>`;
    }
    case 'white-cap': {
      // Cloth cap covering the hair (food and textile work).
      return `<path d="M154 276 C146 196 192 166 240 166 C288 166 334 196 326 276 C300 262 280 258 240 258 C200 258 180 262 154 276 Z" fill="${c}"/>
        <path d="M154 276 C180 262 200 258 240 258 C280 258 300 262 326 276 L324 262 C300 248 280 244 240 244 C200 244 180 248 156 262 Z" fill="${dark}" opacity="0.35"/>`;
    }
    case 'nurse-cap': {
      return `<path d="M186 214 L196 174 Q240 160 284 174 L294 214 Q240 202 186 214 Z" fill="${c}"/>
        <path d="M190 200 Q240 190 290 200" stroke="${look.hatBand ?? '#6fa8d6'}" stroke-width="5" fill="none"/>`;
    }
    default:
      return '';
  }
}

/** Hair peeking out under helmets and caps: short sideburns only. */
function hairUnderHat(look, hc) {
  if (look.gender === 'f' && look.hair !== 'short-f' && look.hair !== 'crop') {
    return `<path d="M156 260 C154 290 158 320 166 336 L172 300 L172 262 Z M324 260 C326 290 322 320 314 336 L308 300 L308 262 Z" fill="${hc}"/>`;
  }
  return `<path d="M158 258 L158 300 L168 306 L170 262 Z M322 258 L322 300 L312 306 L310 262 Z" fill="${hc}"/>`;
}

/** Resolve defaults so every look is complete; `seed` (0..1) picks small variations. */
export function resolveLook(look, seed = 0.5) {
  const hairColorValue =
    HAIR[look.hairColor ?? (look.age === 'senior' ? 'grey' : 'black')] ?? look.hairColor;
  return {
    gender: 'm',
    age: 'mid',
    skin: 2,
    hair: look.gender === 'f' ? 'bob' : 'crop',
    attire: 'jacket',
    color: '#2f5d8a',
    bg: 'crimson',
    faceWidth: (look.gender === 'f' ? 0.95 : 1.0) + (seed - 0.5) * 0.08,
    smile: seed > 0.6 ? 'open' : 'closed',
    ...look,
    hairColorValue,
  };
}

let counter = 0;

/** The complete SVG document for one portrait. */
export function portraitSvg(input, seed) {
  const look = resolveLook(input, seed);
  const uid = `p${++counter}`;
  const skin = SKINS[look.skin] ?? SKINS[2];
  const hc = look.hairColorValue;
  const covered = ['helmet', 'miner', 'rail-cap', 'work-cap', 'white-cap'].includes(look.hat);
  const braids = look.hair === 'braids';
  const behind = covered && look.hair !== 'ponytail' ? '' : hairBack(look, hc);
  // The head sits a little lower than the drawing coordinates so the neck stays short,
  // and each face is gently widened or narrowed so the roster does not look cloned.
  const sx = look.faceWidth ?? 1;
  const head = (svg) =>
    `<g transform="translate(240 330) scale(${sx} 1) translate(-240 -300)">${svg}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  ${background(look.bg, uid)}
  <ellipse cx="240" cy="640" rx="250" ry="40" fill="#000" opacity="0.15"/>
  ${braids ? '' : head(behind)}
  ${neck(skin)}
  ${attire(look)}
  ${look.medal ? medal() : ''}
  ${braids ? head(hairBack(look, hc)) : ''}
  ${head(face(look, skin) + (covered ? hairUnderHat(look, hc) : hairFront(look, hc)) + hat(look))}
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#floor-${uid})"/>
</svg>`;
}
