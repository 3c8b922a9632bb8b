/**
 * What the staff panel may do to the running kiosk, provided by the boot once the feed runner
 * exists: the panel calls these and never reaches into the boot's internals.
 */
import type { StatBook } from '../stats/visit-stats';
import { rollBack, type PackPointer } from '../storage/pointers';
import { logStaff } from '../storage/staff-log';
import type { FeedSource } from '../sync/feed-source';
import type { SyncResult } from '../sync/sync-feed';
import type { SyncRunner } from '../sync/sync-runner';
import { kiosk } from './kiosk.svelte';
import type { Settings } from './settings';
import { watchStaffGesture } from './staff-gesture';

/** The outcome of the last feed check (or import), and when and where it ended. */
export interface LastCheck {
  result: SyncResult;
  /** ISO time the check ended. */
  at: string;
  via: 'feed' | 'import';
}

export interface StaffActions {
  /** Checks the feed now and activates a verified new pack at once (staff are present). */
  checkNow(): Promise<SyncResult>;
  /** Withdraws the live pack for good and makes the previous one live (call `showLivePack` after). */
  rollBack(): Promise<{ withdrawn: PackPointer | null; live: PackPointer | null }>;
  /** Verifies and activates a feed brought on a USB stick or as a zip. */
  importFrom(source: FeedSource): Promise<SyncResult>;
  reload(): void;
  lastCheck(): LastCheck | null;
  /** Puts the live pack on screen (else the previous); false when none could be (the built-in one shows). */
  showLivePack(): Promise<boolean>;
  /** Visit statistics so far, for the panel's 30-day chart. */
  visitStats(): Promise<StatBook>;
  /** The settings this run of the kiosk started with (what saved changes replace after a reload). */
  settings: Settings;
}

let provided: StaffActions | null = null;

/** The boot provides the actions (null when it is undone). */
export function setStaffActions(actions: StaffActions | null): void {
  provided = actions;
}

/** The actions, or null while the kiosk is still starting. */
export function staffActions(): StaffActions | null {
  return provided;
}

let last: LastCheck | null = null;

/**
 * Keeps `result` as the last check's outcome. The panel's own runs are recorded by the actions; the
 * boot may pass on every result the runner reports, scheduled checks included.
 */
export function recordCheck(result: SyncResult, via: LastCheck['via'] = 'feed'): void {
  last = { result, at: new Date().toISOString(), via };
}

/** What the boot hands over: the runner and its own way of putting the live pack on screen. */
export interface StaffDeskDeps {
  runner: Pick<SyncRunner, 'checkNow' | 'importFrom'>;
  showLivePack(): Promise<boolean>;
  visitStats(): Promise<StatBook>;
  settings: Settings;
}

/**
 * Provides the staff actions and listens for the hidden gesture. Returns the disposer.
 */
export function provideStaffActions(deps: StaffDeskDeps): () => void {
  const tracked = async (run: Promise<SyncResult>, via: LastCheck['via']) => {
    const result = await run;
    recordCheck(result, via);
    return result;
  };
  setStaffActions({
    checkNow: () => tracked(deps.runner.checkNow(), 'feed'),
    importFrom: (source) => tracked(deps.runner.importFrom(source), 'import'),
    rollBack: async () => {
      const moved = await rollBack();
      if (moved.withdrawn)
        await logStaff(
          'warn',
          'staff-rollback',
          `staff rolled back from pack version ${moved.withdrawn.version}, which will not go live again; ${moved.live ? `version ${moved.live.version} is live` : 'the pack built into the app is on screen'}`,
        );
      return moved;
    },
    reload: () => location.reload(),
    lastCheck: () => last,
    showLivePack: deps.showLivePack,
    visitStats: deps.visitStats,
    settings: deps.settings,
  });
  const stopGesture = watchStaffGesture(() => kiosk.openStaffPanel());
  return () => {
    stopGesture();
    setStaffActions(null);
  };
}
