/** Render-on-demand scheduler: one requestAnimationFrame at a time, only while something changes, with frame statistics. */

export interface FrameLoop {
  /** Asks for one frame; further frames follow only while the tick says it is still animating. */
  request(): void;
  stats(): { frames: number; fps: number };
  /** Cancels any pending frame; request() does nothing afterwards. */
  dispose(): void;
}

/**
 * Creates a loop that calls `tick(now, dt)` once per requested frame.
 * `tick` returns true to get another frame (an animation is running), false to go idle:
 * on a software rasteriser every frame costs a full-screen fill, so an idle wall must cost nothing.
 * With `maxFps`, display frames that come sooner than that rate allows are let pass without a tick
 * (a wall that drifts for months on the attract screen needs no more than 30 a second).
 */
export function createFrameLoop(tick: (now: number, dt: number) => boolean, maxFps = 0): FrameLoop {
  let handle = 0;
  let disposed = false;
  let frames = 0;
  let last = 0;
  let fps = 0;
  // A little under the interval, so a 60 Hz display's every other frame is not missed by jitter.
  const minGap = maxFps > 0 ? 1000 / maxFps - 3 : 0;

  const frame = (now: number) => {
    handle = 0;
    if (last > 0 && now - last < minGap) {
      handle = requestAnimationFrame(frame);
      return;
    }
    // The gap since an idle wall's last frame says nothing about speed, so only close frames count.
    const dt = last > 0 ? now - last : 16.7;
    if (last > 0 && dt > 0 && dt < 250) fps = fps === 0 ? 1000 / dt : fps * 0.9 + (1000 / dt) * 0.1;
    last = now;
    frames++;
    if (tick(now, Math.min(dt, 250))) request();
    else last = 0;
  };

  function request(): void {
    if (disposed || handle !== 0) return;
    handle = requestAnimationFrame(frame);
  }

  return {
    request,
    stats: () => ({ frames, fps: Math.round(fps * 10) / 10 }),
    dispose() {
      disposed = true;
      if (handle !== 0) cancelAnimationFrame(handle);
      handle = 0;
    },
  };
}
