/** The app this page runs and how its next version is getting on: sw-bridge.ts writes, the test seam and staff panel read. */

export interface AppShellStatus {
  /** This build's version: package.json's plus the commit (`0.1.0+abc1234`), or a release name. */
  version: string;
  /** When this build was made (ISO). */
  builtAt: string;
  /**
   * `none`: no newer version known; `installing`: one is being downloaded in the background;
   * `waiting`: it is stored and takes over when the kiosk is idle; `taking-over`: it is doing so
   * (the page reloads); `failed`: the last one found could not be installed.
   */
  update: 'none' | 'installing' | 'waiting' | 'taking-over' | 'failed';
  /** The version found (waiting, or failed), when its worker said. */
  next: string | null;
  /** When the kiosk last looked for a new version (ISO), or null since the page loaded. */
  lastCheck: string | null;
}

// Kept apart from sw-bridge.ts (which reads build-time constants) so the seam's types stay
// readable by the tests' Node type check.
let current: AppShellStatus = {
  version: 'unknown',
  builtAt: '',
  update: 'none',
  next: null,
  lastCheck: null,
};

/** A copy of the status. */
export function appShellStatus(): AppShellStatus {
  return { ...current };
}

/** Changes some fields of the status (the service-worker bridge only). */
export function setAppShellStatus(change: Partial<AppShellStatus>): void {
  current = { ...current, ...change };
}
