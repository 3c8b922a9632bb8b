/** A one-line progress bar for the CLI's long steps, drawn only on a terminal (logs and pipes stay clean). */

/** What the build reports progress to; the library calls it, the CLI decides whether anything is drawn. */
export interface Progress {
  /** A step of `total` items starts. */
  start(label: string, total: number): void;
  /** One more item of the current step is done. */
  tick(): void;
  /** The current step is over. */
  done(): void;
}

/** Progress that shows nothing (tests, library use, stdout not a terminal). */
export const quietProgress: Progress = { start() {}, tick() {}, done() {} };

const BAR = 24;
/** Redraws at most this often: a terminal repainting thousands of times a second slows the build itself. */
const EVERY_MS = 100;

/**
 * A bar on `stream` when it is a terminal, otherwise quietProgress. Steps of fewer than `minTotal` items
 * draw nothing (they end before anyone could read them).
 */
export function terminalProgress(
  stream: NodeJS.WriteStream = process.stdout,
  minTotal = 20,
): Progress {
  if (!stream.isTTY) return quietProgress;
  let label = '';
  let total = 0;
  let count = 0;
  let began = 0;
  let drawn = 0;
  let shown = false;
  const draw = () => {
    const filled = total ? Math.round((count / total) * BAR) : BAR;
    const secs = ((Date.now() - began) / 1000).toFixed(1);
    const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${count}/${total} ${secs}s`;
    stream.write(`\r${line.slice(0, (stream.columns || 80) - 1)}\x1b[K`);
    drawn = Date.now();
    shown = true;
  };
  return {
    start(l, t) {
      label = l;
      total = t;
      count = 0;
      began = Date.now();
      shown = false;
      if (total >= minTotal) draw();
    },
    tick() {
      count++;
      if (total >= minTotal && Date.now() - drawn >= EVERY_MS) draw();
    },
    done() {
      if (!shown) return;
      draw();
      stream.write('\n');
      shown = false;
    },
  };
}
