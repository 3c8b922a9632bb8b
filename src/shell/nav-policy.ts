/** Which navigations the kiosk allows: it never leaves its page, except to reload itself or save a file it made. */

/** What the Navigation API's `navigate` event says about a navigation the page is about to make. */
export interface NavigationAttempt {
  type: 'push' | 'replace' | 'reload' | 'traverse';
  /** The page's URL now. */
  from: string;
  /** Where the navigation would go. */
  to: string;
  /** The document would stay (a fragment or history state change). */
  sameDocument: boolean;
  /** A download (`<a download>`) rather than a navigation. */
  download: boolean;
}

const withoutHash = (url: URL) => url.href.slice(0, url.href.length - url.hash.length);

/**
 * Pure: whether the kiosk lets a navigation happen. It allows its own reloads (watchdog, nightly
 * reload, a new app version, staff's reload), a state change that keeps the URL, and saving a file
 * the page made itself (a `blob:` of its own origin, such as the statistics CSV). Everything else —
 * a link to anywhere, even a same-origin path such as `/feed/index.json`, a fragment, a form, going
 * back — is refused: a visitor must never leave the app.
 */
export function allowsNavigation(nav: NavigationAttempt): boolean {
  let from: URL;
  let to: URL;
  try {
    from = new URL(nav.from);
    to = new URL(nav.to);
  } catch {
    return false;
  }
  if (nav.download) return to.protocol === 'blob:' && to.origin === from.origin;
  if (nav.type === 'reload') return withoutHash(to) === withoutHash(from);
  return nav.sameDocument && nav.type !== 'traverse' && to.href === from.href;
}
