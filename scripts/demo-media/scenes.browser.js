// Canvas scenes for the demo videos, loaded into headless Chromium; `window.scenes[name].draw(ctx, t)` paints time t (seconds).
(() => {
  const W = 960;
  const H = 540;
  const SERIF = '"Noto Serif CJK SC", serif';
  const SANS = '"Noto Sans CJK SC", sans-serif';

  const clamp = (x, a = 0, b = 1) => Math.min(b, Math.max(a, x));
  const lerp = (a, b, t) => a + (b - a) * t;
  const smooth = (e0, e1, x) => {
    const t = clamp((x - e0) / (e1 - e0));
    return t * t * (3 - 2 * t);
  };
  /** Deterministic pseudo-random number in [0, 1) for particle i, component k. */
  const rnd = (i, k = 0) => {
    const x = Math.sin(i * 12.9898 + k * 78.233) * 43758.5453;
    return x - Math.floor(x);
  };
  const rgb = (c) => [
    parseInt(c.slice(1, 3), 16),
    parseInt(c.slice(3, 5), 16),
    parseInt(c.slice(5, 7), 16),
  ];
  /** Colour along a list of [position, #rrggbb] stops. */
  const ramp = (stops, x) => {
    if (x <= stops[0][0]) return rgb(stops[0][1]);
    for (let i = 1; i < stops.length; i++) {
      if (x <= stops[i][0]) {
        const [p0, c0] = stops[i - 1];
        const [p1, c1] = stops[i];
        const k = (x - p0) / (p1 - p0);
        const a = rgb(c0);
        const b = rgb(c1);
        return a.map((v, j) => Math.round(lerp(v, b[j], k)));
      }
    }
    return rgb(stops[stops.length - 1][1]);
  };
  const css = ([r, g, b], a = 1) => `rgba(${r},${g},${b},${a})`;

  function text(ctx, str, x, y, font, color, alpha = 1, spacing = '0px') {
    ctx.save();
    ctx.globalAlpha *= alpha;
    ctx.font = font;
    ctx.fillStyle = color;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.letterSpacing = spacing;
    ctx.fillText(str, x, y);
    ctx.restore();
  }

  /** Opening card: title, English title and the (sample) person, fading in and out. */
  function titleCard(ctx, t, card, alpha) {
    if (alpha <= 0) return;
    ctx.save();
    ctx.globalAlpha = alpha;
    const g = ctx.createLinearGradient(0, 0, 0, H);
    g.addColorStop(0, card.top);
    g.addColorStop(1, card.bottom);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, W, H);
    // slow drifting points of light
    for (let i = 0; i < 26; i++) {
      const x = (rnd(i, 1) * W + t * (8 + rnd(i, 2) * 14)) % W;
      const y = rnd(i, 3) * H - t * 6 * rnd(i, 4);
      const r = 6 + rnd(i, 5) * 26;
      ctx.fillStyle = css(rgb(card.accent), 0.05 + rnd(i, 6) * 0.07);
      ctx.beginPath();
      ctx.arc(x, (y + H) % H, r, 0, Math.PI * 2);
      ctx.fill();
    }
    const a1 = smooth(0.2, 1.0, t);
    const a2 = smooth(0.8, 1.6, t);
    const line = 240 * smooth(0.1, 1.2, t);
    ctx.strokeStyle = card.accent;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(W / 2 - line / 2, 172);
    ctx.lineTo(W / 2 + line / 2, 172);
    ctx.stroke();
    text(ctx, card.title, W / 2, 246 - 8 * (1 - a1), `700 70px ${SERIF}`, '#fff4dc', a1, '10px');
    text(ctx, card.titleEn, W / 2, 306, `400 26px ${SANS}`, 'rgba(255,255,255,0.88)', a1, '2px');
    ctx.fillStyle = card.accent;
    ctx.globalAlpha = alpha * a2;
    ctx.fillRect(W / 2 - 22, 342, 44, 3);
    text(ctx, card.person, W / 2, 382, `400 24px ${SANS}`, card.accent, a2, '2px');
    text(ctx, card.personEn, W / 2, 414, `400 18px ${SANS}`, 'rgba(255,255,255,0.8)', a2, '1px');
    text(
      ctx,
      '示例影片 · Sample film',
      W / 2,
      496,
      `400 15px ${SANS}`,
      'rgba(255,255,255,0.55)',
      a2,
      '2px',
    );
    ctx.restore();
  }

  /** Closing card: one line of meaning and the note that the film is a generated sample. */
  function endCard(ctx, t, card, alpha) {
    if (alpha <= 0) return;
    ctx.save();
    ctx.globalAlpha = alpha;
    const g = ctx.createRadialGradient(W / 2, H / 2, 40, W / 2, H / 2, 620);
    g.addColorStop(0, card.top);
    g.addColorStop(1, card.bottom);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, W, H);
    text(ctx, card.motto, W / 2, 238, `700 44px ${SERIF}`, '#fff4dc', 1, '6px');
    text(ctx, card.mottoEn, W / 2, 296, `400 24px ${SANS}`, 'rgba(255,255,255,0.88)', 1, '1px');
    ctx.fillStyle = card.accent;
    ctx.fillRect(W / 2 - 22, 334, 44, 3);
    text(
      ctx,
      '示例影片 · 程序生成，人物为虚构',
      W / 2,
      380,
      `400 18px ${SANS}`,
      card.accent,
      1,
      '2px',
    );
    text(
      ctx,
      'Sample film · computer-generated; the person is fictional',
      W / 2,
      410,
      `400 15px ${SANS}`,
      'rgba(255,255,255,0.7)',
      1,
    );
    ctx.restore();
  }

  // ---------------------------------------------------------------- welding
  const WELD = { start: 3.5, end: 11.0, x0: 150, x1: 800, y: 318, rate: 90 };
  const arcX = (t) => lerp(WELD.x0, WELD.x1, clamp((t - WELD.start) / (WELD.end - WELD.start)));
  const passTime = (x) =>
    WELD.start + ((x - WELD.x0) / (WELD.x1 - WELD.x0)) * (WELD.end - WELD.start);
  const BEAD = [
    [0, '#fff8d0'],
    [0.15, '#ffc24a'],
    [0.6, '#f06a1c'],
    [1.6, '#8e2a14'],
    [3.2, '#5d4a44'],
    [5, '#6f7a84'],
  ];

  function weldingScene(ctx, t) {
    const zoom = 1 + 0.05 * smooth(3, 12, t);
    const ax = arcX(t);
    ctx.save();
    ctx.translate(W / 2, H / 2);
    ctx.scale(zoom, zoom);
    ctx.translate(-W / 2 - (ax - W / 2) * 0.06, -H / 2);

    // dock interior behind the hull block
    const bg = ctx.createLinearGradient(0, 0, 0, 120);
    bg.addColorStop(0, '#0b1a22');
    bg.addColorStop(1, '#16303a');
    ctx.fillStyle = bg;
    ctx.fillRect(-60, -60, W + 120, 200);
    for (let i = 0; i < 9; i++) {
      ctx.fillStyle = `rgba(255,196,120,${0.06 + rnd(i, 9) * 0.08})`;
      ctx.beginPath();
      ctx.arc(
        40 + i * 110 + rnd(i, 8) * 30,
        30 + rnd(i, 7) * 50,
        10 + rnd(i, 6) * 18,
        0,
        Math.PI * 2,
      );
      ctx.fill();
    }

    // two steel plates meeting at the seam
    const plate = (y0, y1, shade) => {
      const g = ctx.createLinearGradient(0, y0, 0, y1);
      g.addColorStop(0, `rgb(${64 + shade},${76 + shade},${86 + shade})`);
      g.addColorStop(1, `rgb(${44 + shade},${54 + shade},${62 + shade})`);
      ctx.fillStyle = g;
      ctx.fillRect(-60, y0, W + 120, y1 - y0);
      ctx.strokeStyle = 'rgba(255,255,255,0.035)';
      ctx.lineWidth = 1;
      for (let y = y0 + 6; y < y1; y += 7) {
        ctx.beginPath();
        ctx.moveTo(-60, y + rnd(y, 1) * 2);
        ctx.lineTo(W + 60, y + rnd(y, 2) * 2);
        ctx.stroke();
      }
    };
    plate(112, WELD.y - 4, 8);
    plate(WELD.y + 4, H + 60, 0);
    ctx.fillStyle = '#14191d';
    ctx.fillRect(-60, WELD.y - 4, W + 120, 8);
    ctx.fillStyle = '#2a3138';
    ctx.fillRect(-60, 108, W + 120, 6);
    // chalk marks along the seam
    ctx.strokeStyle = 'rgba(240,240,230,0.55)';
    ctx.lineWidth = 2;
    for (let x = 150; x <= 800; x += 130) {
      ctx.beginPath();
      ctx.moveTo(x, WELD.y + 28);
      ctx.lineTo(x, WELD.y + 46);
      ctx.stroke();
    }
    ctx.strokeStyle = 'rgba(240,240,230,0.3)';
    ctx.beginPath();
    ctx.moveTo(130, WELD.y + 37);
    ctx.lineTo(820, WELD.y + 37);
    ctx.stroke();

    // the bead, ripple by ripple, coloured by how long ago the arc passed
    if (t > WELD.start) {
      for (let x = WELD.x0; x <= ax; x += 5) {
        const age = t - passTime(x);
        const c = ramp(BEAD, age);
        ctx.fillStyle = css(c);
        ctx.beginPath();
        ctx.ellipse(x, WELD.y, 7, 10, 0, 0, Math.PI * 2);
        ctx.fill();
        ctx.strokeStyle = css(c.map((v) => v * 0.7));
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.ellipse(x, WELD.y, 7, 10, 0, -Math.PI / 2, Math.PI / 2);
        ctx.stroke();
      }
      // heat still glowing in the fresh part of the bead
      ctx.globalCompositeOperation = 'lighter';
      const glowLen = 120;
      const hg = ctx.createLinearGradient(ax - glowLen, 0, ax, 0);
      hg.addColorStop(0, 'rgba(255,90,20,0)');
      hg.addColorStop(1, 'rgba(255,120,30,0.35)');
      ctx.fillStyle = hg;
      ctx.fillRect(ax - glowLen, WELD.y - 16, glowLen, 32);
      ctx.globalCompositeOperation = 'source-over';
    }

    const welding = t > WELD.start && t < WELD.end;
    const frame = Math.round(t * 25);
    const flicker = 0.82 + 0.18 * rnd(frame, 11);

    // torch: a dark hose-fed gun angled in from the upper right
    ctx.save();
    ctx.translate(ax + 6, WELD.y - 12);
    ctx.rotate(-Math.PI / 3.2);
    ctx.fillStyle = '#b87333';
    ctx.beginPath();
    ctx.moveTo(8, -9);
    ctx.lineTo(46, -13);
    ctx.lineTo(46, 13);
    ctx.lineTo(8, 9);
    ctx.closePath();
    ctx.fill();
    const gun = ctx.createLinearGradient(0, -16, 0, 16);
    gun.addColorStop(0, '#3a4048');
    gun.addColorStop(0.5, '#22272d');
    gun.addColorStop(1, '#15181c');
    ctx.fillStyle = gun;
    ctx.fillRect(46, -16, 190, 32);
    ctx.fillRect(230, -20, 420, 40);
    ctx.restore();

    if (welding) {
      ctx.globalCompositeOperation = 'lighter';
      const r = 260 * flicker;
      const glow = ctx.createRadialGradient(ax, WELD.y, 0, ax, WELD.y, r);
      glow.addColorStop(0, 'rgba(255,255,255,1)');
      glow.addColorStop(0.05, 'rgba(210,230,255,0.9)');
      glow.addColorStop(0.2, 'rgba(255,170,80,0.35)');
      glow.addColorStop(1, 'rgba(255,120,40,0)');
      ctx.fillStyle = glow;
      ctx.fillRect(ax - r, WELD.y - r, r * 2, r * 2);

      // sparks: each one born at a fixed time with a fixed velocity, then falling under gravity
      const first = Math.max(0, Math.floor((t - 1.2 - WELD.start) * WELD.rate));
      const last = Math.floor((t - WELD.start) * WELD.rate);
      for (let i = first; i <= last; i++) {
        const born = WELD.start + i / WELD.rate;
        const life = 0.45 + rnd(i, 1) * 0.7;
        const dt = t - born;
        if (dt < 0 || dt > life) continue;
        const ang = -Math.PI * (0.08 + rnd(i, 2) * 0.84);
        const speed = 160 + rnd(i, 3) * 360;
        const vx = Math.cos(ang) * speed;
        const vy = Math.sin(ang) * speed;
        const ox = arcX(born);
        const pos = (s) => [ox + vx * s, WELD.y + vy * s + 0.5 * 900 * s * s];
        const [x1, y1] = pos(dt);
        const [x0, y0] = pos(Math.max(0, dt - 0.035));
        const k = dt / life;
        ctx.strokeStyle = css(
          ramp(
            [
              [0, '#fffbe6'],
              [0.5, '#ffc04a'],
              [1, '#ff6a1a'],
            ],
            k,
          ),
          1 - k,
        );
        ctx.lineWidth = 2.2 * (1 - k) + 0.6;
        ctx.beginPath();
        ctx.moveTo(x0, y0);
        ctx.lineTo(x1, y1);
        ctx.stroke();
      }
      ctx.globalCompositeOperation = 'source-over';
    }

    // a thin haze of smoke drifting up from the weld
    for (let i = 0; i < 14; i++) {
      const born = WELD.start + i * 0.55;
      const dt = t - born;
      if (dt < 0 || dt > 3) continue;
      const x = arcX(born) + dt * 18 * (rnd(i, 4) - 0.3);
      const y = WELD.y - 30 - dt * 50;
      ctx.fillStyle = `rgba(200,210,220,${0.08 * (1 - dt / 3)})`;
      ctx.beginPath();
      ctx.arc(x, y, 16 + dt * 22, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.restore();

    // soft vignette
    const v = ctx.createRadialGradient(W / 2, H / 2, 200, W / 2, H / 2, 620);
    v.addColorStop(0, 'rgba(0,0,0,0)');
    v.addColorStop(1, 'rgba(0,0,0,0.55)');
    ctx.fillStyle = v;
    ctx.fillRect(0, 0, W, H);
  }

  const weldCard = {
    top: '#0c2f3a',
    bottom: '#06161c',
    accent: '#f2c14e',
    title: '焊花里的匠心',
    titleEn: 'Craft in the Welding Sparks',
    person: '（示例人物）何军 · 船舶电焊工',
    personEn: '(Sample) He Jun · Ship welder',
    motto: '每一道焊缝，都是对安全的承诺',
    mottoEn: 'Every seam is a promise of safety',
  };

  // ---------------------------------------------------------------- gears
  const BIG = { cx: 350, cy: 282, outer: 150, inner: 128, teeth: 20 };
  const SMALL = { cx: 350 + 215.4, cy: 282, outer: 87.4, inner: 65.4, teeth: 11 };

  /** Points along a gear outline, finely sampled so it can be drawn progressively. */
  function gearPoints(g, phase) {
    const pts = [];
    const step = (Math.PI * 2) / g.teeth;
    for (let i = 0; i < g.teeth; i++) {
      const a = phase + i * step;
      const corners = [
        [g.inner, a],
        [g.outer, a + step * 0.18],
        [g.outer, a + step * 0.42],
        [g.inner, a + step * 0.6],
        [g.inner, a + step],
      ];
      for (let c = 0; c < corners.length - 1; c++) {
        const [r0, a0] = corners[c];
        const [r1, a1] = corners[c + 1];
        for (let s = 0; s < 4; s++) {
          const k = s / 4;
          const r = lerp(r0, r1, k);
          const ang = lerp(a0, a1, k);
          pts.push([g.cx + Math.cos(ang) * r, g.cy + Math.sin(ang) * r]);
        }
      }
    }
    pts.push(pts[0]);
    return pts;
  }

  function polyline(ctx, pts, fraction) {
    const n = Math.floor((pts.length - 1) * clamp(fraction));
    if (n < 1) return null;
    ctx.beginPath();
    ctx.moveTo(pts[0][0], pts[0][1]);
    for (let i = 1; i <= n; i++) ctx.lineTo(pts[i][0], pts[i][1]);
    ctx.stroke();
    return pts[n];
  }

  function circle(ctx, x, y, r, fraction = 1) {
    ctx.beginPath();
    ctx.arc(x, y, r, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * clamp(fraction));
    ctx.stroke();
  }

  function gearsScene(ctx, t) {
    const metal = smooth(8.0, 9.2, t);
    // the big gear turns once metal has appeared; the small one follows at 20:11
    const spin = t < 8.4 ? 0 : 0.45 * (t - 8.4) - 0.45 * 0.6 * (1 - Math.exp(-(t - 8.4) / 0.6));
    const bigPhase = -0.3 * ((Math.PI * 2) / BIG.teeth) + spin;
    const smallPhase =
      Math.PI - 0.8 * ((Math.PI * 2) / SMALL.teeth) - spin * (BIG.teeth / SMALL.teeth);

    // blueprint paper darkening into a workshop backdrop
    const bp = ramp(
      [
        [0, '#123f6b'],
        [1, '#0d1b26'],
      ],
      metal,
    );
    ctx.fillStyle = css(bp);
    ctx.fillRect(0, 0, W, H);
    const gridA = 0.35 * smooth(3.0, 3.8, t) * (1 - 0.7 * metal);
    ctx.strokeStyle = `rgba(110,160,210,${gridA})`;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let x = 0; x <= W; x += 30) {
      ctx.moveTo(x + 0.5, 0);
      ctx.lineTo(x + 0.5, H);
    }
    for (let y = 0; y <= H; y += 30) {
      ctx.moveTo(0, y + 0.5);
      ctx.lineTo(W, y + 0.5);
    }
    ctx.stroke();

    const ink = `rgba(232,242,255,${1 - 0.75 * metal})`;
    const gold = `rgba(255,208,122,${1 - 0.8 * metal})`;

    // centre lines
    ctx.strokeStyle = gold;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([18, 6, 4, 6]);
    const cl = smooth(3.8, 4.8, t);
    ctx.beginPath();
    ctx.moveTo(BIG.cx, BIG.cy - 190 * cl);
    ctx.lineTo(BIG.cx, BIG.cy + 190 * cl);
    ctx.moveTo(BIG.cx - 190 * cl, BIG.cy);
    ctx.lineTo(BIG.cx - 190 * cl + (SMALL.cx - BIG.cx + 300) * cl, BIG.cy);
    ctx.moveTo(SMALL.cx, SMALL.cy - 120 * cl);
    ctx.lineTo(SMALL.cx, SMALL.cy + 120 * cl);
    ctx.stroke();
    ctx.setLineDash([]);

    // metal bodies
    if (metal > 0) {
      for (const [g, phase, hub] of [
        [BIG, bigPhase, 38],
        [SMALL, smallPhase, 22],
      ]) {
        const pts = gearPoints(g, phase);
        const body = new Path2D();
        body.moveTo(pts[0][0], pts[0][1]);
        for (const [x, y] of pts) body.lineTo(x, y);
        body.closePath();
        body.moveTo(g.cx + hub, g.cy);
        body.arc(g.cx, g.cy, hub, 0, Math.PI * 2, true);
        const sheen = ctx.createLinearGradient(
          g.cx - g.outer,
          g.cy - g.outer,
          g.cx + g.outer,
          g.cy + g.outer,
        );
        const sweep = clamp((t - 9) / 3);
        sheen.addColorStop(0, '#6e7b86');
        sheen.addColorStop(clamp(sweep - 0.15), '#9aa7b2');
        sheen.addColorStop(sweep, '#e6edf2');
        sheen.addColorStop(clamp(sweep + 0.15), '#9aa7b2');
        sheen.addColorStop(1, '#59646e');
        ctx.save();
        ctx.globalAlpha = metal;
        ctx.fillStyle = sheen;
        ctx.fill(body, 'evenodd');
        ctx.strokeStyle = 'rgba(20,30,40,0.6)';
        ctx.lineWidth = 2;
        ctx.stroke(body);
        ctx.strokeStyle = 'rgba(40,50,60,0.5)';
        circle(ctx, g.cx, g.cy, (g.inner + hub) / 2);
        ctx.restore();
      }
    }

    // the drawing itself, line by line
    ctx.strokeStyle = ink;
    ctx.lineWidth = 2.5;
    let pen = null;
    const bigF = smooth(3.6, 5.8, t);
    const smallF = smooth(5.6, 7.2, t);
    pen = polyline(ctx, gearPoints(BIG, bigPhase), bigF) ?? pen;
    if (t > 5.2) circle(ctx, BIG.cx, BIG.cy, 38, smooth(5.2, 6.0, t));
    if (t > 5.4) {
      ctx.setLineDash([10, 8]);
      circle(ctx, BIG.cx, BIG.cy, 139, smooth(5.4, 6.4, t));
      ctx.setLineDash([]);
    }
    const smallPen = polyline(ctx, gearPoints(SMALL, smallPhase), smallF);
    if (smallPen && smallF < 1) pen = smallPen;
    if (t > 6.6) circle(ctx, SMALL.cx, SMALL.cy, 22, smooth(6.6, 7.3, t));
    if (pen && t < 7.3 && (bigF < 1 || smallF < 1)) {
      ctx.fillStyle = '#ffe6a8';
      ctx.beginPath();
      ctx.arc(pen[0], pen[1], 5, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = 'rgba(255,230,168,0.25)';
      ctx.beginPath();
      ctx.arc(pen[0], pen[1], 14, 0, Math.PI * 2);
      ctx.fill();
    }

    // dimensions
    const dim = smooth(6.2, 7.0, t) * (1 - metal * 0.8);
    if (dim > 0) {
      ctx.save();
      ctx.globalAlpha = dim;
      ctx.strokeStyle = '#ffd07a';
      ctx.fillStyle = '#ffd07a';
      ctx.lineWidth = 1.5;
      const y = BIG.cy + 196;
      ctx.beginPath();
      ctx.moveTo(BIG.cx - 150, y);
      ctx.lineTo(BIG.cx + 150, y);
      ctx.moveTo(BIG.cx - 150, y - 10);
      ctx.lineTo(BIG.cx - 150, y + 10);
      ctx.moveTo(BIG.cx + 150, y - 10);
      ctx.lineTo(BIG.cx + 150, y + 10);
      ctx.stroke();
      text(ctx, 'Ø300', BIG.cx, y - 16, `400 20px ${SANS}`, '#ffd07a');
      text(ctx, 'z = 20', BIG.cx - 190, BIG.cy - 150, `400 18px ${SANS}`, '#ffd07a');
      text(ctx, 'z = 11', SMALL.cx + 40, SMALL.cy - 120, `400 18px ${SANS}`, '#ffd07a');
      ctx.restore();
    }

    // a dial gauge reading close to zero
    const gauge = smooth(9.0, 9.8, t);
    if (gauge > 0) {
      const gx = 800;
      const gy = 420;
      ctx.save();
      ctx.globalAlpha = gauge;
      ctx.fillStyle = '#20303c';
      ctx.beginPath();
      ctx.arc(gx, gy, 78, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#f4f1e8';
      ctx.beginPath();
      ctx.arc(gx, gy, 68, 0, Math.PI * 2);
      ctx.fill();
      ctx.strokeStyle = '#2a2f35';
      for (let i = 0; i < 50; i++) {
        const a = (i / 50) * Math.PI * 2 - Math.PI / 2;
        const long = i % 5 === 0;
        ctx.lineWidth = long ? 2 : 1;
        ctx.beginPath();
        ctx.moveTo(gx + Math.cos(a) * (long ? 50 : 56), gy + Math.sin(a) * (long ? 50 : 56));
        ctx.lineTo(gx + Math.cos(a) * 64, gy + Math.sin(a) * 64);
        ctx.stroke();
      }
      const needle = -Math.PI / 2 + 0.05 * Math.sin(t * 2.1) + 0.02 * Math.sin(t * 5.3);
      ctx.strokeStyle = '#c8262c';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(gx - Math.cos(needle) * 12, gy - Math.sin(needle) * 12);
      ctx.lineTo(gx + Math.cos(needle) * 58, gy + Math.sin(needle) * 58);
      ctx.stroke();
      ctx.fillStyle = '#2a2f35';
      ctx.beginPath();
      ctx.arc(gx, gy, 6, 0, Math.PI * 2);
      ctx.fill();
      text(ctx, '0.001 mm', gx, gy + 26, `400 13px ${SANS}`, '#2a2f35');
      ctx.restore();
    }

    const v = ctx.createRadialGradient(W / 2, H / 2, 220, W / 2, H / 2, 620);
    v.addColorStop(0, 'rgba(0,0,0,0)');
    v.addColorStop(1, 'rgba(0,0,0,0.45)');
    ctx.fillStyle = v;
    ctx.fillRect(0, 0, W, H);
  }

  const gearCard = {
    top: '#123a5e',
    bottom: '#081a2a',
    accent: '#9fd3ff',
    title: '毫厘之间',
    titleEn: "Within a Hair's Breadth",
    person: '（示例人物）黄磊 · 数控铣工',
    personEn: '(Sample) Huang Lei · CNC milling machinist',
    motto: '把每一个零件都做到零缺陷',
    mottoEn: 'Aiming for zero defects, one part at a time',
  };

  /** A clip: opening card, scene, closing card and a short fade from and to black. */
  function clip(scene, card, duration, endAt) {
    return {
      duration,
      draw(ctx, t) {
        ctx.clearRect(0, 0, W, H);
        scene(ctx, t);
        titleCard(ctx, t, card, 1 - smooth(2.9, 3.5, t));
        endCard(ctx, t, card, smooth(endAt, endAt + 0.7, t));
        const black = Math.max(1 - smooth(0, 0.4, t), smooth(duration - 0.6, duration, t));
        if (black > 0) {
          ctx.fillStyle = `rgba(0,0,0,${black})`;
          ctx.fillRect(0, 0, W, H);
        }
      },
    };
  }

  window.scenes = {
    welding: clip(weldingScene, weldCard, 14, 11.3),
    gears: clip(gearsScene, gearCard, 15, 12.2),
  };
  window.sceneSize = { width: W, height: H };
})();
