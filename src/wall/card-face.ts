/** Draws one honour card face (cream paper, gold frame, portrait or placeholder, name, honour line, badge) on a 2D canvas. */
import { PACK_FONT_FAMILY } from '../feed/pack-font';

/** Font stack of names and honour lines: the pack's own font first (every name's characters are in it). */
export const CARD_FONT_FAMILY = `"${PACK_FONT_FAMILY}","Noto Sans CJK SC","Noto Serif CJK SC",sans-serif`;
/** Placeholder initials look like a seal, which suits a serif face; the pack's font where there is none. */
const SEAL_FONT_FAMILY = `"Noto Serif CJK SC","${PACK_FONT_FAMILY}","Noto Sans CJK SC",serif`;

const INK = '#4a1410';
const INK_SOFT = '#7a4a26';
const GOLD_LIGHT = '#f2d78c';
const GOLD = '#c99a45';
const GOLD_DARK = '#8f6420';

/** Card width divided by height: a portrait plaque, like a framed certificate. */
export const CARD_ASPECT = 0.75;

/** Room (fraction of the card width) the drop shadow needs on every side of the card. */
export const SHADOW_MARGIN = 0.08;

/** What a face shows; the portrait bitmap is already cropped to portraitBox(). */
export interface CardFaceContent {
  name: string;
  subtitle: string;
  badge?: string;
  portrait: ImageBitmap | null;
}

/** Portrait box inside a card of width w, in card pixels. */
export function portraitBox(w: number): { x: number; y: number; width: number; height: number } {
  const inset = Math.round(w * 0.08);
  return { x: inset, y: inset, width: w - 2 * inset, height: Math.round(w * 0.8) };
}

/**
 * Paints the card into the rectangle (x, y, w, h), its shadow spilling up to SHADOW_MARGIN × w around it;
 * everything scales with w so any atlas cell size works.
 */
export function drawCardFace(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  card: CardFaceContent,
): void {
  ctx.save();
  ctx.translate(x, y);
  drawPaper(ctx, w, h);
  const box = portraitBox(w);
  if (card.portrait) ctx.drawImage(card.portrait, box.x, box.y, box.width, box.height);
  else drawPlaceholder(ctx, box, card.name);
  drawPortraitFrame(ctx, box, w);
  if (card.badge) drawBadge(ctx, card.badge, box, w);
  drawTexts(ctx, card, w, h, box.y + box.height);
  ctx.restore();
}

function drawPaper(ctx: CanvasRenderingContext2D, w: number, h: number): void {
  const r = w * 0.035;
  const paper = ctx.createLinearGradient(0, 0, 0, h);
  paper.addColorStop(0, '#fbf5e6');
  paper.addColorStop(1, '#efe1c3');
  ctx.fillStyle = paper;
  // Baked soft shadow, lit from above: lifts the card off the wall with no extra draw call or pass.
  ctx.save();
  ctx.shadowColor = 'rgba(12, 0, 0, 0.6)';
  ctx.shadowBlur = w * 0.05;
  ctx.shadowOffsetY = w * 0.022;
  roundRect(ctx, 0, 0, w, h, r);
  ctx.fill();
  ctx.restore();

  // Gilded outer frame: a diagonal gradient reads as metal without any lighting.
  const lw = Math.max(2, w * 0.018);
  const gold = ctx.createLinearGradient(0, 0, w, h);
  gold.addColorStop(0, GOLD_LIGHT);
  gold.addColorStop(0.35, GOLD);
  gold.addColorStop(0.6, GOLD_DARK);
  gold.addColorStop(1, GOLD_LIGHT);
  ctx.strokeStyle = gold;
  ctx.lineWidth = lw;
  roundRect(ctx, lw / 2, lw / 2, w - lw, h - lw, r - lw / 2);
  ctx.stroke();

  // A hairline inside the frame, as on printed certificates of honour.
  const inset = w * 0.042;
  ctx.strokeStyle = 'rgba(160, 112, 40, 0.55)';
  ctx.lineWidth = Math.max(1, w * 0.004);
  roundRect(ctx, inset, inset, w - 2 * inset, h - 2 * inset, r * 0.5);
  ctx.stroke();
}

type Box = ReturnType<typeof portraitBox>;

/** Without a photo: deep red field, soft light from above, the name's first character in gold like a seal. */
function drawPlaceholder(ctx: CanvasRenderingContext2D, box: Box, name: string): void {
  const field = ctx.createLinearGradient(0, box.y, 0, box.y + box.height);
  field.addColorStop(0, '#8a2a1e');
  field.addColorStop(1, '#4e100c');
  ctx.fillStyle = field;
  ctx.fillRect(box.x, box.y, box.width, box.height);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height * 0.5;
  const glow = ctx.createRadialGradient(
    cx,
    box.y + box.height * 0.3,
    0,
    cx,
    box.y + box.height * 0.3,
    box.width * 0.7,
  );
  glow.addColorStop(0, 'rgba(255, 200, 120, 0.28)');
  glow.addColorStop(1, 'rgba(255, 200, 120, 0)');
  ctx.fillStyle = glow;
  ctx.fillRect(box.x, box.y, box.width, box.height);

  const size = box.width * 0.5;
  ctx.strokeStyle = 'rgba(242, 215, 140, 0.55)';
  ctx.lineWidth = Math.max(1, box.width * 0.008);
  ctx.beginPath();
  ctx.arc(cx, cy, size * 0.82, 0, Math.PI * 2);
  ctx.stroke();
  ctx.lineWidth = Math.max(1, box.width * 0.004);
  ctx.beginPath();
  ctx.arc(cx, cy, size * 0.74, 0, Math.PI * 2);
  ctx.stroke();

  const initial = Array.from(name.trim())[0] ?? '';
  const gold = ctx.createLinearGradient(0, cy - size / 2, 0, cy + size / 2);
  gold.addColorStop(0, GOLD_LIGHT);
  gold.addColorStop(1, GOLD);
  ctx.fillStyle = gold;
  ctx.font = `700 ${Math.round(size * 0.78)}px ${SEAL_FONT_FAMILY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  // CJK glyphs sit a little high on the middle baseline; nudge for optical centring.
  ctx.fillText(initial, cx, cy + size * 0.03);
}

function drawPortraitFrame(ctx: CanvasRenderingContext2D, box: Box, w: number): void {
  // A soft shade at the photo's foot separates it from the paper the way a mount does.
  const shade = ctx.createLinearGradient(0, box.y + box.height * 0.8, 0, box.y + box.height);
  shade.addColorStop(0, 'rgba(40, 10, 5, 0)');
  shade.addColorStop(1, 'rgba(40, 10, 5, 0.18)');
  ctx.fillStyle = shade;
  ctx.fillRect(box.x, box.y + box.height * 0.8, box.width, box.height * 0.2);
  ctx.strokeStyle = GOLD;
  ctx.lineWidth = Math.max(1.5, w * 0.007);
  ctx.strokeRect(box.x, box.y, box.width, box.height);
}

function drawBadge(ctx: CanvasRenderingContext2D, text: string, box: Box, w: number): void {
  const size = Math.max(10, Math.round(w * 0.058));
  ctx.font = `500 ${size}px ${CARD_FONT_FAMILY}`;
  const padX = size * 0.55;
  const bw = Math.min(box.width * 0.8, ctx.measureText(text).width + padX * 2);
  const bh = size * 1.55;
  const bx = box.x + box.width - bw - w * 0.025;
  const by = box.y + w * 0.025;
  ctx.fillStyle = 'rgba(120, 20, 16, 0.9)';
  roundRect(ctx, bx, by, bw, bh, bh / 2);
  ctx.fill();
  ctx.strokeStyle = 'rgba(242, 215, 140, 0.85)';
  ctx.lineWidth = Math.max(1, w * 0.004);
  ctx.stroke();
  ctx.fillStyle = '#fbefd2';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, bx + bw / 2, by + bh / 2 + size * 0.04, bw - padX);
}

function drawTexts(
  ctx: CanvasRenderingContext2D,
  card: CardFaceContent,
  w: number,
  h: number,
  top: number,
): void {
  const cx = w / 2;
  const maxWidth = w * 0.84;
  const area = h - top - w * 0.06;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';

  // Honour lines vary in length: shrink a little to keep one line, and only then break into two.
  const subtitle = card.subtitle.trim();
  let subSize = Math.round(w * 0.066);
  ctx.font = `400 ${subSize}px ${CARD_FONT_FAMILY}`;
  const subWidth = ctx.measureText(subtitle).width;
  if (subWidth > maxWidth)
    subSize = Math.max(Math.round(w * 0.056), Math.floor((subSize * maxWidth) / subWidth));
  const subFont = `400 ${subSize}px ${CARD_FONT_FAMILY}`;
  ctx.font = subFont;
  const lines = wrap(ctx, subtitle, maxWidth);
  // Two lines need the room: name and rule move up together rather than crowding the frame.
  const twoLines = lines.length > 1;

  // Two-character names are set with a full-width space between, as on Chinese rolls of honour.
  const chars = Array.from(card.name.trim());
  const spaced =
    chars.length === 2 && chars.every(isCjk) ? `${chars[0]}\u3000${chars[1]}` : card.name.trim();
  let nameSize = Math.round(w * (twoLines ? 0.118 : 0.128));
  ctx.font = `700 ${nameSize}px ${CARD_FONT_FAMILY}`;
  const nameWidth = ctx.measureText(spaced).width;
  if (nameWidth > maxWidth) {
    nameSize = Math.max(Math.round(w * 0.07), Math.floor((nameSize * maxWidth) / nameWidth));
    ctx.font = `700 ${nameSize}px ${CARD_FONT_FAMILY}`;
  }
  ctx.fillStyle = INK;
  ctx.fillText(spaced, cx, top + area * (twoLines ? 0.25 : 0.3), maxWidth);

  drawOrnament(ctx, cx, top + area * (twoLines ? 0.46 : 0.55), w);

  ctx.font = subFont;
  ctx.fillStyle = INK_SOFT;
  const lineH = subSize * 1.25;
  const subY = top + area * (twoLines ? 0.76 : 0.79) - ((lines.length - 1) * lineH) / 2;
  lines.forEach((line, i) => ctx.fillText(line, cx, subY + i * lineH, maxWidth));
}

/** A short gold rule with a small lozenge: separates name and honour without competing with them. */
function drawOrnament(ctx: CanvasRenderingContext2D, cx: number, y: number, w: number): void {
  const half = w * 0.17;
  const d = w * 0.016;
  ctx.strokeStyle = GOLD;
  ctx.lineWidth = Math.max(1, w * 0.005);
  ctx.beginPath();
  ctx.moveTo(cx - half, y);
  ctx.lineTo(cx - d * 2, y);
  ctx.moveTo(cx + d * 2, y);
  ctx.lineTo(cx + half, y);
  ctx.stroke();
  ctx.fillStyle = GOLD;
  ctx.beginPath();
  ctx.moveTo(cx, y - d);
  ctx.lineTo(cx + d, y);
  ctx.lineTo(cx, y + d);
  ctx.lineTo(cx - d, y);
  ctx.closePath();
  ctx.fill();
}

/** At most two lines; prefers breaking at " · " or a space, else between characters (fine for Chinese). */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  if (ctx.measureText(text).width <= maxWidth) return [text];
  const sep = text.indexOf(' · ');
  if (sep > 0) {
    const a = text.slice(0, sep).trim();
    const b = text.slice(sep + 3).trim();
    if (ctx.measureText(a).width <= maxWidth && ctx.measureText(b).width <= maxWidth) return [a, b];
  }
  const chars = Array.from(text);
  let line = '';
  for (let i = 0; i < chars.length; i++) {
    if (ctx.measureText(line + chars[i]).width > maxWidth) {
      const rest = chars.slice(i).join('').trim();
      return [line.trim(), ellipsize(ctx, rest, maxWidth)];
    }
    line += chars[i];
  }
  return [line];
}

function ellipsize(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && ctx.measureText(chars.join('') + '…').width > maxWidth) chars.pop();
  return chars.join('') + '…';
}

function isCjk(ch: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(ch);
}

function roundRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, Math.max(0, r));
}
