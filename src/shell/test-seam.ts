/** `window.kiosk`: the small automation and diagnostics surface described in DESIGN.md. */
import type { StatBook } from '../stats/visit-stats';
import type { LogEntry } from '../storage/staff-log';
import type { SyncResult } from '../sync/sync-feed';
import { appShellStatus, type AppShellStatus } from './app-status';

/** A rectangle in CSS px relative to the viewport. */
export type Rect = { x: number; y: number; width: number; height: number };

export interface KioskSeam {
  state(): {
    scene: string;
    locale: string;
    /** The pack on screen; `embedded` when it is the one built into the app (version 0). */
    pack: { id: string; version: number; embedded: boolean } | null;
    idleSeconds: number;
    /** Where the current sync run is (checking, downloading, verifying, waiting-for-idle, activating) or idle. */
    sync: string;
    fps: number;
    online: boolean;
    /** Elderly mode (长者模式) is on for this visit. */
    elderly: boolean;
    /** Stories and the history move calmly (staff's setting or elderly mode). */
    calm: boolean;
  };
  locate(id: string): Rect | null;
  checkNow(): Promise<SyncResult>;
  /**
   * Verifies and activates a feed staff brought (import-feed.ts): the files of a folder, a single
   * `.zip`, or a directory handle; the same stages as the network, activated at once.
   */
  importFeed(chosen: FileSystemDirectoryHandle | FileList | File[]): Promise<SyncResult>;
  log(): Promise<LogEntry[]>;
  /** Visit statistics so far (day → event → hourly counts), and the same as CSV. */
  stats(): Promise<StatBook>;
  statsCsv(): Promise<string>;
  /** Figures of the honour wall on screen (cards on screen, textures, draw calls), or null. */
  wallStats(): unknown;
  /**
   * GSAP animations alive anywhere on the page (tweens, timelines, delayed calls, nested included):
   * a scene that was left must leave none behind.
   */
  tweens(): number;
  /** The app version this page runs (build-time) and how a newer one is getting on. */
  app(): AppShellStatus;
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
  if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return null;
  const r = el.getBoundingClientRect();
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  if (r.width <= 0 || r.height <= 0 || cx < 0 || cy < 0 || cx >= innerWidth || cy >= innerHeight)
    return null;
  // Covered (by the countdown, say) counts as not visible: a finger would hit the cover instead.
  const top = document.elementFromPoint(cx, cy);
  if (!top || !(top === el || el.contains(top))) return null;
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

/** Installs the seam; `app()` is filled in here, from what the service-worker bridge reports. */
export function installTestSeam(seam: Omit<KioskSeam, 'app'>): () => void {
  const full: KioskSeam = { ...seam, app: appShellStatus };
  window.kiosk = full;
  return () => {
    if (window.kiosk === full) delete window.kiosk;
  };
}
