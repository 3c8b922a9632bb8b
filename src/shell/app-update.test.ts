// When the kiosk looks for a new app version, and what staff read when one fails.
import { describe, expect, it } from 'vitest';
import {
  checkFailedLine,
  IDLE_SPELL_GAP_MS,
  installFailedLine,
  MAX_BACKOFF_MS,
  UpdateSchedule,
} from './app-update';
import { INSTALL_FAILED, type InstallFailureFacts } from '../sw/messages';

const MIN = 60_000;
const HOUR = 60 * MIN;
const timings = { everyMs: HOUR, idleEveryMs: 10 * MIN };

/** Idle ticks every 250 ms from `from` for `ms`; the times at which the schedule said "look". */
function idleSpell(s: UpdateSchedule, from: number, ms: number): number[] {
  const looks: number[] = [];
  for (let t = from; t < from + ms; t += 250)
    if (s.idleTick(t)) {
      looks.push(t);
      s.checked(t);
    }
  return looks;
}

describe('UpdateSchedule', () => {
  it('looks every hour while visitors keep the kiosk busy', () => {
    const s = new UpdateSchedule(timings, 0);
    expect(s.due(HOUR - 1)).toBe(false);
    expect(s.due(HOUR)).toBe(true);
    s.checked(HOUR);
    expect(s.due(2 * HOUR - 1)).toBe(false);
    expect(s.due(2 * HOUR)).toBe(true);
  });

  it('looks on a return to idle once the last look is ten minutes old, not on every idle tick', () => {
    const s = new UpdateSchedule(timings, 0);
    // Back to idle after five minutes: too soon after the page's own look at load.
    expect(idleSpell(s, 5 * MIN, 30_000)).toEqual([]);
    // A visitor, then idle again at twelve minutes: one look at the start of that spell only.
    expect(idleSpell(s, 12 * MIN, 5 * MIN)).toEqual([12 * MIN]);
    // Another return three minutes later: the last look is too recent.
    expect(idleSpell(s, 20 * MIN, MIN)).toEqual([]);
    // Later returns look again, each at its first tick.
    expect(idleSpell(s, 23 * MIN, MIN)).toEqual([23 * MIN]);
  });

  it('a long idle spell still looks hourly', () => {
    const s = new UpdateSchedule(timings, 0);
    expect(idleSpell(s, 11 * MIN, 2 * HOUR + MIN)).toEqual([11 * MIN, 71 * MIN, 131 * MIN]);
  });

  it('ticks resuming within the gap continue the spell; after a longer pause a new one begins', () => {
    const s = new UpdateSchedule(timings, 0);
    // Idle from five minutes on (too soon to look), still the same spell at eleven minutes.
    expect(idleSpell(s, 5 * MIN, 6 * MIN)).toEqual([]);
    expect(s.idleTick(11 * MIN + IDLE_SPELL_GAP_MS - 250)).toBe(false);
    // Someone touched the screen for a few seconds: the next idle tick starts a spell and looks.
    expect(s.idleTick(11 * MIN + 3 * IDLE_SPELL_GAP_MS)).toBe(true);
  });

  it('spaces looks out after failed installs, doubling up to a day, and a good install resets', () => {
    const s = new UpdateSchedule(timings, 0);
    s.installed(false);
    expect(s.due(HOUR)).toBe(false);
    expect(s.due(2 * HOUR)).toBe(true);
    s.installed(false);
    s.installed(false);
    expect(s.due(8 * HOUR - 1)).toBe(false);
    expect(s.due(8 * HOUR)).toBe(true);
    for (let i = 0; i < 20; i++) s.installed(false);
    expect(s.due(MAX_BACKOFF_MS - 1)).toBe(false);
    expect(s.due(MAX_BACKOFF_MS)).toBe(true);
    // Idle returns are spaced out the same way.
    expect(idleSpell(s, 30 * MIN, MIN)).toEqual([]);
    s.installed(true);
    expect(s.due(HOUR)).toBe(true);
  });

  it('the day-long cap never makes a longer interval shorter', () => {
    const week = 7 * 24 * HOUR;
    const s = new UpdateSchedule({ everyMs: week, idleEveryMs: week }, 0);
    s.installed(false);
    expect(s.due(week - 1)).toBe(false);
    expect(s.due(week)).toBe(true);
  });
});

const facts = (f: Partial<InstallFailureFacts>): InstallFailureFacts => ({
  type: INSTALL_FAILED,
  version: '0.2.0+def5678',
  name: 'Error',
  message: '',
  ...f,
});

describe('installFailedLine', () => {
  it('names the missing file and says the running version stays', () => {
    const line = installFailedLine(
      facts({
        name: 'bad-precaching-response',
        url: 'http://127.0.0.1:4173/assets/index-AbC.js?__WB_REVISION__=1',
        status: 404,
      }),
      '0.1.0+abc1234',
    );
    expect(line.level).toBe('error');
    expect(line.code).toBe('app-update-failed');
    expect(line.message).toMatch(/^app version 0\.2\.0\+def5678 could not be installed/);
    expect(line.message).toContain('/assets/index-AbC.js answered HTTP 404');
    expect(line.message).toContain('Version 0.1.0+abc1234 stays and keeps working, offline too');
  });

  it('says storage is full, or a file could not be downloaded, or passes the error on', () => {
    expect(installFailedLine(facts({ name: 'QuotaExceededError' }), 'v1').message).toContain(
      "the kiosk's storage is full",
    );
    expect(
      installFailedLine(facts({ name: 'TypeError', message: 'Failed to fetch' }), 'v1').message,
    ).toContain('one of its files could not be downloaded (Failed to fetch)');
    expect(
      installFailedLine(facts({ name: 'RangeError', message: 'boom' }), 'v1').message,
    ).toContain('RangeError: boom');
  });

  it('without word from the worker, still says a new version failed and the old one stays', () => {
    const line = installFailedLine(null, 'v1');
    expect(line.message).toMatch(/^a new app version could not be installed: its service worker/);
    expect(line.message).toContain('Version v1 stays');
  });

  it('on a first install, says the app is not stored for offline use', () => {
    const line = installFailedLine(facts({ url: '/sw-x.js', status: 500 }), null);
    expect(line.code).toBe('app-install-failed');
    expect(line.message).toContain('could not be stored for offline use');
  });
});

describe('checkFailedLine', () => {
  const scope =
    "Failed to update a ServiceWorker for scope ('http://x/') with script ('http://x/sw.js'): ";
  it('a sw.js that throws is a failed update', () => {
    const line = checkFailedLine(
      new TypeError(scope + 'ServiceWorker script evaluation failed'),
      'v1',
    );
    expect(line?.level).toBe('error');
    expect(line?.code).toBe('app-update-failed');
    expect(line?.message).toContain('fails to start');
  });

  it('a sw.js the server does not have is a warning', () => {
    const line = checkFailedLine(
      new TypeError(
        scope + 'A bad HTTP response code (404) was received when fetching the script.',
      ),
      'v1',
    );
    expect(line?.level).toBe('warn');
    expect(line?.message).toContain('HTTP 404');
  });

  it('being offline is not logged', () => {
    expect(
      checkFailedLine(
        new TypeError(scope + 'An unknown error occurred when fetching the script.'),
        'v1',
      ),
    ).toBeNull();
  });
});
