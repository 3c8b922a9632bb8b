/** Messages between the page and the service worker about app versions (shared by both sides). */

/** Page → worker: asks which app version it carries; answered on the message's port. */
export const GET_VERSION = 'GET_VERSION';
/** Page → worker (waiting): take over now. workbox-window's `messageSkipWaiting()` sends it. */
export const SKIP_WAITING = 'SKIP_WAITING';
/** Worker → its windows: installing this version failed, and why. */
export const INSTALL_FAILED = 'APP_INSTALL_FAILED';

/** The answer to `GET_VERSION`. */
export interface VersionReply {
  version: string;
  builtAt: string;
}

/** What an installing worker knows about its own failure, as plain data (no Error crosses). */
export interface InstallFailureFacts {
  type: typeof INSTALL_FAILED;
  /** The version that failed to install. */
  version: string;
  /** The error's name: workbox's code (`bad-precaching-response`), `TypeError`, `QuotaExceededError`… */
  name: string;
  message: string;
  /** The file that could not be stored, and the HTTP status it got, when a download failed. */
  url?: string;
  status?: number;
}

/** True for an `INSTALL_FAILED` message. */
export function isInstallFailure(data: unknown): data is InstallFailureFacts {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === INSTALL_FAILED &&
    typeof (data as { version?: unknown }).version === 'string'
  );
}
