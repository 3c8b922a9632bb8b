/**
 * Tap feedback timing, shared by tests/e2e/tap-feedback.spec.ts and `npm run bench -- taps`: a real
 * touch through Chromium's input pipeline (CDP Input.dispatchTouchEvent), and the time from the
 * touch event's own time stamp to the end of the first frame that paints a change: the control's
 * look (pressed in), the control gone (the scene it opens, the countdown it dismisses), or, for a
 * card on the 3D wall, the frame drawing that card pressed.
 */
import type { CDPSession, Page } from '@playwright/test';

/** One measured touch. */
export interface TapTiming {
  /** What was touched (a `window.kiosk.locate` id). */
  id: string;
  /** Touch event → the end of the frame that first paints the change (ms). */
  ms: number;
  /** Touch event → the start of that frame (its requestAnimationFrame time). */
  frameMs: number;
  /** Touch event → its handler running in the page (the main thread's delay in taking the input). */
  inputMs: number;
  /** How far apart the page's frames came just before the touch (median, ms): the renderer's pace. */
  paceMs: number;
  /**
   * What changed: `look` (the control's computed style or class), `inside` (what it holds),
   * `gone` (left the page), `scene`, `canvas` (a card drawn pressed), `none` (nothing in 10 s).
   */
  how: string;
}

type Rect = { x: number; y: number; width: number; height: number };

/**
 * The watcher, armed in the page before the touch. Plain JavaScript in a string, so the TypeScript
 * runner of the benchmarks adds no helper the page lacks. Every frame (requestAnimationFrame) it
 * compares what is under the finger with how it looked before; at the first frame that differs, a
 * message posted from that frame's callback is handled once the frame's rendering is done: that
 * moment, minus the pointerdown's time stamp, is the feedback time.
 *
 * The 3D wall draws its cards on a WebGL canvas that keeps no pixels to read back between frames,
 * so for a canvas the watcher looks at the draw calls instead: the first one after the touch whose
 * program has the pressed card set (the card shader's `uPressed`) is the frame painting the press.
 */
const ARM = String.raw`(({ x, y }) => {
  const w = window;
  w.__tap = { result: null };
  const under = document.elementFromPoint(x, y);
  const control = under && (under.closest('button, [role="button"], [role="slider"], a[href], [data-locate]') || under);
  const look = (n) => {
    const s = getComputedStyle(n);
    return [n.className, s.scale, s.transform, s.filter, s.backgroundColor, s.backgroundImage,
      s.color, s.borderTopColor, s.opacity, s.boxShadow, s.visibility].join('|');
  };
  // What the control holds may answer instead (a scrub bar's thumb grows, its time bubble appears).
  let inside = false;
  const watch = new MutationObserver((records) => {
    if (downAt !== null && records.some((r) => r.target !== control)) inside = true;
  });
  if (control) watch.observe(control, { subtree: true, childList: true, attributes: true,
    attributeFilter: ['class', 'style'] });
  const scene = () => w.kiosk.state().scene;
  const before = { look: control ? look(control) : '', scene: scene() };
  let downAt = null;
  let handledAt = null;
  let done = false;
  addEventListener('pointerdown', (e) => {
    if (downAt !== null) return;
    downAt = e.timeStamp;
    handledAt = performance.now();
  }, { capture: true, once: true });
  // Reports once the frame that showed the change has been rendered.
  const report = (frameAt, how) => {
    if (done) return;
    done = true;
    unhook();
    watch.disconnect();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      w.__tap.result = { ms: performance.now() - downAt, frameMs: frameAt - downAt,
        inputMs: handledAt - downAt, how };
      channel.port1.close();
    };
    channel.port2.postMessage(0);
  };
  let unhook = () => {};
  if (control instanceof HTMLCanvasElement) {
    const gl = control.getContext('webgl2') || control.getContext('webgl');
    const proto = Object.getPrototypeOf(gl);
    const names = ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']
      .filter((n) => typeof proto[n] === 'function');
    const originals = names.map((n) => proto[n]);
    const pressedAt = new Map();
    names.forEach((n, i) => {
      proto[n] = function (...args) {
        if (this === gl && downAt !== null && !done) {
          const program = this.getParameter(this.CURRENT_PROGRAM);
          if (program && !pressedAt.has(program))
            pressedAt.set(program, this.getUniformLocation(program, 'uPressed'));
          const at = program && pressedAt.get(program);
          if (at && this.getUniform(program, at) >= 0) report(performance.now(), 'canvas');
        }
        return originals[i].apply(this, args);
      };
    });
    unhook = () => names.forEach((n, i) => (proto[n] = originals[i]));
  }
  const started = performance.now();
  const frame = (t) => {
    if (done) return;
    if (downAt !== null) {
      let how = null;
      if (!control || !control.isConnected) how = 'gone';
      else if (scene() !== before.scene) how = 'scene';
      else if (!(control instanceof HTMLCanvasElement) && look(control) !== before.look) how = 'look';
      else if (inside) how = 'inside';
      if (how) return report(t, how);
    }
    if (performance.now() - started < 10000) return requestAnimationFrame(frame);
    done = true;
    unhook();
    watch.disconnect();
    w.__tap.result = { ms: NaN, frameMs: NaN, inputMs: NaN, how: 'none' };
  };
  requestAnimationFrame(frame);
  return control ? (control.getAttribute('data-locate') || control.tagName) : null;
})`;

/**
 * Waits until the page has had no long task (50 ms or more of main-thread work) for `quietMs`, at
 * most `maxMs`: a touch is measured against a page at rest, as a visitor's usually meets it, not
 * while it parses the wall's code or starts a film.
 */
export async function settle(page: Page, quietMs = 500, maxMs = 8000): Promise<void> {
  await page.evaluate(
    String.raw`new Promise((resolve) => {
      const w = window;
      if (!w.__longTasks) {
        w.__longTasks = { last: 0 };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            w.__longTasks.last = Math.max(w.__longTasks.last, e.startTime + e.duration);
        }).observe({ type: 'longtask', buffered: true });
      }
      const start = performance.now();
      const look = () => {
        const now = performance.now();
        if (now - w.__longTasks.last >= ${quietMs} || now - start >= ${maxMs}) resolve();
        else setTimeout(look, 100);
      };
      look();
    })`,
  );
}

/** The median gap between the page's frames over 400 ms (the page always asks for frames). */
const FRAME_PACE = String.raw`new Promise((resolve) => {
  const times = [];
  const start = performance.now();
  const frame = (t) => {
    times.push(t);
    if (performance.now() - start < 400 || times.length < 3) return requestAnimationFrame(frame);
    const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
    resolve(gaps[gaps.length >> 1]);
  };
  requestAnimationFrame(frame);
})`;

/** The on-screen rectangle the kiosk reports for `id`, once it is there. */
export async function locateOnScreen(page: Page, id: string, timeout = 30_000): Promise<Rect> {
  const handle = await page.waitForFunction((target) => window.kiosk?.locate(target) ?? null, id, {
    timeout,
  });
  return (await handle.jsonValue()) as Rect;
}

/** One touch of `id` measured: the finger goes down, and is lifted (`touchEnd`) or taken (`touchCancel`). */
async function timeOneTouch(
  page: Page,
  cdp: CDPSession,
  id: string,
  end: 'touchEnd' | 'touchCancel',
): Promise<TapTiming> {
  await settle(page);
  // The last touch's press has let go (it shows for a few frames at least), so this one is seen.
  await page.waitForFunction(() => !document.querySelector('[data-pressed]'), null, {
    timeout: 5_000,
  });
  const paceMs = (await page.evaluate(FRAME_PACE)) as number;
  const rect = await locateOnScreen(page, id);
  const x = rect.x + rect.width / 2;
  const y = rect.y + rect.height / 2;
  const armed: unknown = await page.evaluate(`${ARM}(${JSON.stringify({ x, y })})`);
  if (armed === null) throw new Error(`nothing on screen at ${id} (${x}, ${y})`);
  const result = () =>
    page.waitForFunction(
      () => (window as unknown as { __tap: { result: unknown } }).__tap.result,
      null,
      { timeout: 15_000, polling: 20 },
    );
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ x, y, id: 1 }],
  });
  // The finger rests until the feedback shows, but never long enough to make a long press: a tap
  // on a slow screen is still a tap (the watcher goes on looking after the finger lifts).
  await Promise.race([result(), page.waitForTimeout(HOLD_MAX_MS)]);
  await page.waitForTimeout(60);
  await cdp.send('Input.dispatchTouchEvent', { type: end, touchPoints: [] });
  const timing = (await (await result()).jsonValue()) as Omit<TapTiming, 'id' | 'paceMs'>;
  return { id, ...timing, paceMs };
}

/** The longest a measured touch rests on the screen (a long press begins at about 500 ms). */
const HOLD_MAX_MS = 350;

/**
 * Touches the centre of `id` and returns how long each touch took to show a visible change: first
 * `presses` touches that the system takes back (touchCancel: pressed, then nothing happens, so they
 * can be repeated on the same screen), then one tap the finger lifts from, which does what the
 * control does (a door opens its wall) as a visitor's tap would.
 */
export async function timeTap(
  page: Page,
  cdp: CDPSession,
  id: string,
  presses = 0,
): Promise<TapTiming[]> {
  const timings: TapTiming[] = [];
  for (let i = 0; i < presses; i++) {
    timings.push(await timeOneTouch(page, cdp, id, 'touchCancel'));
    await page.waitForTimeout(250);
  }
  timings.push(await timeOneTouch(page, cdp, id, 'touchEnd'));
  return timings;
}
