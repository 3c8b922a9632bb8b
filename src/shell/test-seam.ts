/** `window.kiosk`: the small automation and diagnostics surface described in DESIGN.md. */
import type { LogEntry } from '../sync/staff-log';
import type { SyncResult } from '../sync/sync-feed';

/** A rectangle in CSS px relative to the viewport. */
export type Rect = { x: number; y: number; width: number; height: number };

export interface KioskSeam {
  state(): {
    scene: string;
    locale: string;
    pack: { id: string; version: number } | null;
    idleSeconds: number;
    fps: number;
    online: boolean;
  };
  locate(id: string): Rect | null;
  checkNow(): Promise<SyncResult>;
  log(): Promise<LogEntry[]>;
}

declare global {
  interface Window {
    kiosk?: KioskSeam;
  }
}

/** The visible rectangle of a DOM element marked `data-locate="<id>"`, or null. */
export function locateInDom(id: string): Rect | null {
  const el = document.querySelector(`[data-locate="${CSS.escape(id)}"]`);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const visible =
    r.width > 0 &&
    r.height > 0 &&
    r.bottom > 0 &&
    r.right > 0 &&
    r.top < innerHeight &&
    r.left < innerWidth;
  return visible ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
}

export function installTestSeam(seam: KioskSeam): () => void {
  window.kiosk = seam;
  return () => {
    if (window.kiosk === seam) delete window.kiosk;
  };
}
