/**
 * What the accessibility spec checks on each screen: axe-core's serious and critical findings,
 * controls smaller than a fingertip (48×48 CSS px), and text that spills out of its box or is cut
 * off (the English check of issue 10). Each check returns findings as sentences naming the element.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import sharp from 'sharp';

/** The two screens the hall designs for. */
export const LANDSCAPE = { width: 1920, height: 1080 };
export const PORTRAIT = { width: 1080, height: 1920 };

/** The smallest control a finger hits reliably, in CSS px (issue 10: 48×48). */
export const MIN_TARGET = 48;

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `axe ${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? v.help}`,
      ),
    );
}

/** What the in-page measurements return: the findings, and how much was looked at. */
export interface Measured {
  findings: string[];
  checked: number;
}

/**
 * Every visible control (buttons, links, fields, sliders, anything focusable) whose box is under
 * `min` CSS px either way. Runs in the page.
 */
export function measureTargets(min: number): Measured {
  const SELECTOR = [
    'button',
    '[role="button"]',
    'a[href]',
    'input:not([type="hidden"])',
    'select',
    'textarea',
    '[role="slider"]',
    '[role="switch"]',
    '[role="checkbox"]',
    '[role="tab"]',
    '[tabindex]:not([tabindex="-1"])',
  ].join(',');
  const name = (el: Element) => {
    const locate = el.getAttribute('data-locate');
    const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
    const cls = [...el.classList].join('.');
    return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${locate ? `[${locate}]` : ''} "${label}"`;
  };
  const findings: string[] = [];
  let checked = 0;
  for (const el of document.querySelectorAll(SELECTOR)) {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    if (el.closest('[aria-hidden="true"], [inert]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    checked++;
    if (r.width < min - 0.5 || r.height < min - 0.5)
      findings.push(
        `control ${name(el)} is ${Math.round(r.width)}×${Math.round(r.height)} px (under ${min}×${min})`,
      );
  }
  return { findings, checked };
}

/** Where text may legitimately run past a clipping box in one direction. */
export interface OverflowRules {
  /** Boxes whose content is dragged sideways (the history track): text beyond them is off stage. */
  panX: string[];
  /** Elements that may end in an ellipsis because the full text is shown elsewhere (and why). */
  ellipsisOk: string[];
}

/**
 * Text that spills out of its box (past a border or background, or wider than the block holding it),
 * is cut off by a box that clips (overflow hidden) or by the screen's edge, or ends in an ellipsis
 * not on the allowed list. Text wholly outside a clipping box is off stage (scrolled, dragged away,
 * or a line the design drops), not cut. Runs in the page; findings are grouped by where they are.
 */
export function measureOverflow(rules: OverflowRules): Measured {
  const found = new Map<string, { count: number; example: string }>();
  let checked = 0;
  const snippet = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
  const name = (el: Element) => {
    const locate = el.getAttribute('data-locate');
    const cls = [...el.classList].filter((c) => !c.startsWith('svelte-')).join('.');
    return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${locate ? `[${locate}]` : ''}`;
  };
  const edged = (cs: CSSStyleDeclaration) =>
    (cs.backgroundColor !== 'rgba(0, 0, 0, 0)' && cs.backgroundColor !== 'transparent') ||
    cs.backgroundImage !== 'none' ||
    ['top', 'right', 'bottom', 'left'].some(
      (side) =>
        parseFloat(cs.getPropertyValue(`border-${side}-width`)) > 0 &&
        cs.getPropertyValue(`border-${side}-style`) !== 'none',
    );
  const scrolls = (v: string) => v === 'auto' || v === 'scroll';
  const panX = (el: Element) => rules.panX.some((s) => el.matches(s));
  const ellipsisOk = (el: Element) => rules.ellipsisOk.some((s) => el.matches(s));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const parent = node.parentElement;
    if (!text || !parent) continue;
    // SVG text is placed by its drawing's own coordinates, not by CSS boxes.
    if (parent.closest('script, style, template, title, svg, [aria-hidden="true"]')) continue;
    if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!lines.length) continue;
    // The text's box, narrowed to what each clipping box around it lets show. A line's glyph box
    // (the font's ascent to descent, ~1.45em for CJK faces) stands out of a tight line box (line
    // height 1 to 1.3) without any ink outside it: 0.3em each way is not counted as out.
    const em = parseFloat(getComputedStyle(parent).fontSize) || 16;
    const box = {
      left: Math.min(...lines.map((r) => r.left)),
      right: Math.max(...lines.map((r) => r.right)),
      top: Math.min(...lines.map((r) => r.top)) + 0.3 * em,
      bottom: Math.max(...lines.map((r) => r.bottom)) - 0.3 * em,
    };
    checked++;
    const say = (what: string, el: Element) => {
      const key = `text in ${name(parent)} ${what} ${name(el)}`;
      const seen = found.get(key);
      if (seen) seen.count++;
      else found.set(key, { count: 1, example: snippet(text) });
    };
    // The block the text flows in: wider content than it is wide means text runs out of it.
    let block: Element = parent;
    while (getComputedStyle(block).display.startsWith('inline') && block.parentElement)
      block = block.parentElement;
    const blockStyle = getComputedStyle(block);
    if (block.scrollWidth > block.clientWidth + 1 && block.clientWidth > 0) {
      if (blockStyle.textOverflow === 'ellipsis') {
        if (!ellipsisOk(block)) say('is cut short with an ellipsis in', block);
      } else if (!scrolls(blockStyle.overflowX)) say('is wider than its block', block);
    }
    // Every box around it: spilling past an edged box, or cut by one that clips.
    let checkX = true;
    let checkY = true;
    let hidden = false;
    for (let a: Element | null = parent; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a);
      const r = a.getBoundingClientRect();
      const clipX = cs.overflowX !== 'visible';
      const clipY = cs.overflowY !== 'visible';
      const outsideX = box.right <= r.left || box.left >= r.right;
      const outsideY = box.bottom <= r.top || box.top >= r.bottom;
      // Wholly outside a box that clips: not on show at all.
      if ((clipX && outsideX) || (clipY && outsideY)) {
        hidden = true;
        break;
      }
      const outX = box.left < r.left - 1 || box.right > r.right + 1;
      const outY = box.top < r.top - 1 || box.bottom > r.bottom + 1;
      // An ellipsis is the block check's to judge.
      const cut = cs.textOverflow !== 'ellipsis';
      if (checkX && outX && !scrolls(cs.overflowX) && !panX(a) && (clipX ? cut : edged(cs)))
        say(clipX ? 'is cut off sideways by' : 'spills sideways out of', a);
      if (checkY && outY && !scrolls(cs.overflowY) && (clipY ? cut : edged(cs)))
        say(clipY ? 'is cut off at the top or bottom by' : 'spills out of the top or bottom of', a);
      if (clipX) [box.left, box.right] = [Math.max(box.left, r.left), Math.min(box.right, r.right)];
      if (clipY) [box.top, box.bottom] = [Math.max(box.top, r.top), Math.min(box.bottom, r.bottom)];
      // Past a scroller or a dragged track, where the text sits is the visitor's to move.
      if (scrolls(cs.overflowX) || panX(a)) checkX = false;
      if (scrolls(cs.overflowY)) checkY = false;
      if ((!checkX && !checkY) || cs.position === 'fixed') break;
    }
    const onScreen = box.right > 0 && box.left < innerWidth;
    if (!hidden && checkX && onScreen && (box.left < -1 || box.right > innerWidth + 1))
      say('runs off the side of the screen from', parent);
  }
  const findings = [...found].map(
    ([key, { count, example }]) => `${key} (${count}×, e.g. "${example}")`,
  );
  return { findings, checked };
}

/** A text as the contrast check reads it: its colour, how opaque it is, its lines on screen. */
interface TextSample {
  label: string;
  /** The start of the text, for the report. */
  text: string;
  /** The text colour, r g b 0–255 and alpha 0–1, with the opacity of every box around it. */
  fg: [number, number, number, number];
  /** Large text (24 px, or 18.66 px bold) needs 3:1, other text 4.5:1 (WCAG 1.4.3). */
  large: boolean;
  rects: { x: number; y: number; width: number; height: number }[];
}

/**
 * Every visible text's colour and lines, then hides all text (colour transparent) so a screenshot
 * shows only what lies behind it: gradients, pictures, a film. Runs in the page.
 */
function collectTexts(final: boolean): TextSample[] {
  // Alphas seen on a first pass a moment before: a text whose opacity changed since is fading in
  // or out (an entrance, a page turn), and is judged once it has come to rest, not here.
  const memory = window as unknown as { a11yAlpha?: WeakMap<Element, number> };
  const before = memory.a11yAlpha;
  memory.a11yAlpha = new WeakMap();
  const parse = (c: string): [number, number, number, number] => {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
    return m ? [+m[1]!, +m[2]!, +m[3]!, m[4] === undefined ? 1 : +m[4]] : [0, 0, 0, 0];
  };
  const byElement = new Map<Element, TextSample>();
  // With a panel open over the page (the filter, the name pad, the countdown), the page beneath is
  // context in its shadow: what is read is the panel.
  const overlays = [...document.querySelectorAll('[data-overlay]')].filter((o) =>
    o.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }),
  );
  /** The edge of a list that fades out (a mask) says it goes on: a line there is read once scrolled. */
  const faded = (el: Element, r: DOMRect) => {
    for (let a: Element | null = el; a; a = a.parentElement) {
      if (getComputedStyle(a).maskImage === 'none') continue;
      const box = a.getBoundingClientRect();
      if (r.bottom > box.bottom - 40 || r.top < box.top + 40) return true;
    }
    return false;
  };
  // What is on top at a point, whatever takes touches (an overlay may let them through).
  const hit = document.createElement('style');
  hit.textContent = '*{pointer-events:auto!important}';
  document.head.append(hit);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!(node.textContent ?? '').trim() || !parent) continue;
    if (parent.closest('script, style, template, title, svg, [aria-hidden="true"], :disabled'))
      continue;
    if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    if (overlays.length && !overlays.some((o) => o.contains(parent))) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    // Each line as shown: cut to the boxes that clip it (an ellipsis hides the rest of a line),
    // and without the glyph box's empty band above and below the letters.
    const inset = parseFloat(getComputedStyle(parent).fontSize) * 0.25;
    const clips = [] as DOMRect[];
    for (let a: Element | null = parent; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible')
        clips.push(a.getBoundingClientRect());
    }
    const shown = (r: DOMRect) => {
      let [left, top, right, bottom] = [r.left, r.top + inset, r.right, r.bottom - inset];
      for (const c of clips) {
        [left, right] = [Math.max(left, c.left), Math.min(right, c.right)];
        [top, bottom] = [Math.max(top, c.top), Math.min(bottom, c.bottom)];
      }
      return new DOMRect(left, top, right - left, bottom - top);
    };
    const rects = [...range.getClientRects()]
      .map(shown)
      .filter((r) => r.width > 2 && r.height > 2 && r.bottom > 0 && r.top < innerHeight)
      .filter((r) => r.right > 0 && r.left < innerWidth)
      .filter((r) => !faded(parent, r))
      // Lines under something else (a panel over the grid) are not what the visitor reads there.
      .filter((r) => {
        const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return top !== null && (parent.contains(top) || top.contains(parent));
      })
      .map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
    if (!rects.length) continue;
    const known = byElement.get(parent);
    if (known) {
      known.rects.push(...rects);
      continue;
    }
    const cs = getComputedStyle(parent);
    const fg = parse(cs.color);
    // A box that breathes for ever (a pulsing invitation) counts at its faintest.
    for (let a: Element | null = parent; a; a = a.parentElement) {
      const endless = a
        .getAnimations()
        .filter((x) => x.effect?.getComputedTiming().endTime === Infinity)
        .flatMap((x) => (x.effect as KeyframeEffect).getKeyframes())
        .map((k) => parseFloat(String(k.opacity)))
        .filter((o) => Number.isFinite(o));
      fg[3] *= endless.length ? Math.min(1, ...endless) : parseFloat(getComputedStyle(a).opacity);
    }
    memory.a11yAlpha.set(parent, fg[3]);
    const earlier = before?.get(parent);
    if (final && earlier !== undefined && Math.abs(earlier - fg[3]) > 0.02) continue;
    const size = parseFloat(cs.fontSize);
    const bold = parseInt(cs.fontWeight, 10) >= 700;
    const locate = parent.getAttribute('data-locate');
    const cls = [...parent.classList].filter((c) => !c.startsWith('svelte-')).join('.');
    const label = `${parent.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${locate ? `[${locate}]` : ''}`;
    const text = (node.textContent ?? '').trim().slice(0, 24);
    byElement.set(parent, { label, text, fg, large: size >= 24 || (bold && size >= 18.66), rects });
  }
  hit.remove();
  if (!final) return [];
  const style = document.createElement('style');
  style.id = 'a11y-hide-text';
  style.textContent =
    '*{color:transparent!important;text-shadow:none!important;-webkit-text-stroke-color:transparent!important}';
  document.head.append(style);
  return [...byElement.values()];
}

const luminance = ([r, g, b]: number[]) => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
};

/**
 * Text contrast measured on screen, where axe-core cannot judge it (text over gradients, pictures,
 * films): the text's colour, made as transparent as it is shown, over each pixel behind its lines,
 * against that pixel. A text fails when its worst 5 % of the background is under 4.5:1 (3:1 large).
 */
export async function contrastFindings(page: Page): Promise<Measured> {
  await page.evaluate(collectTexts, false);
  await page.waitForTimeout(300);
  const texts = await page.evaluate(collectTexts, true);
  let shot: Buffer;
  try {
    shot = await page.screenshot({ animations: 'allow', caret: 'hide' });
  } finally {
    await page.evaluate(() => document.getElementById('a11y-hide-text')?.remove());
  }
  const { data, info } = await sharp(shot)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const worst = new Map<string, { ratio: number; text: string; behind: number[]; at: string }>();
  for (const text of texts) {
    const ratios: { ratio: number; bg: number[]; x: number; y: number }[] = [];
    const [r, g, b, alpha] = text.fg;
    for (const rect of text.rects) {
      const x0 = Math.max(0, Math.floor(rect.x));
      const y0 = Math.max(0, Math.floor(rect.y));
      const x1 = Math.min(info.width, Math.ceil(rect.x + rect.width));
      const y1 = Math.min(info.height, Math.ceil(rect.y + rect.height));
      for (let y = y0; y < y1; y += 2)
        for (let x = x0; x < x1; x += 2) {
          const i = (y * info.width + x) * info.channels;
          const bg = [data[i]!, data[i + 1]!, data[i + 2]!];
          const shown = [r, g, b].map((c, k) => c * alpha + bg[k]! * (1 - alpha));
          const [hi, lo] = [luminance(shown), luminance(bg)].sort((p, q) => q - p);
          ratios.push({ ratio: (hi! + 0.05) / (lo! + 0.05), bg, x, y });
        }
    }
    if (!ratios.length) continue;
    ratios.sort((p, q) => p.ratio - q.ratio);
    const { ratio, bg, x, y } = ratios[Math.floor(ratios.length * 0.05)]!;
    const before = worst.get(text.label);
    if (ratio < (text.large ? 3 : 4.5) && (!before || ratio < before.ratio))
      worst.set(text.label, { ratio, text: text.text, behind: bg, at: `${x},${y}` });
  }
  const rgb = (c: number[]) => `rgb(${c.map((v) => Math.round(v)).join(',')})`;
  const findings = [...worst].map(
    ([label, { ratio, text, behind, at }]) =>
      `text contrast ${ratio.toFixed(2)}:1 in ${label} (e.g. "${text}", on ${rgb(behind)} at ${at})`,
  );
  return { findings, checked: texts.length };
}
