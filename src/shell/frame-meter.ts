/** Counts animation frames so diagnostics (and later the watchdog) can see the page is rendering. */

export interface FrameMeter {
  fps(): number;
  dispose(): void;
}

export function startFrameMeter(): FrameMeter {
  let frames = 0;
  let fps = 0;
  let windowStart = performance.now();
  let handle = requestAnimationFrame(function tick(now) {
    frames++;
    if (now - windowStart >= 1000) {
      fps = Math.round((frames * 1000) / (now - windowStart));
      frames = 0;
      windowStart = now;
    }
    handle = requestAnimationFrame(tick);
  });
  return { fps: () => fps, dispose: () => cancelAnimationFrame(handle) };
}
