import { describe, expect, it } from 'vitest';
import { activationMode, advance, nextCheck, type SyncPhase } from './sync-machine';

const config = { intervalMs: 900_000, retryBaseMs: 30_000, retryMaxMs: 900_000 };
const noJitter = () => 0.5;

describe('sync state machine', () => {
  it('walks the full path of a successful update', () => {
    const path: SyncPhase[] = [
      'checking',
      'downloading',
      'verifying',
      'waiting-for-idle',
      'activating',
      'idle',
    ];
    let phase: SyncPhase = 'idle';
    for (const next of path) phase = advance(phase, next);
    expect(phase).toBe('idle');
  });

  it('refuses to skip verification or activate from a download', () => {
    expect(() => advance('downloading', 'activating')).toThrow(/downloading to activating/);
    expect(() => advance('idle', 'activating')).toThrow();
    expect(() => advance('checking', 'verifying')).toThrow();
  });

  it('activates at once on first boot or for staff, otherwise waits for the visitor to leave', () => {
    expect(activationMode({ hasActive: false, staffPresent: false })).toBe('now');
    expect(activationMode({ hasActive: true, staffPresent: true })).toBe('now');
    expect(activationMode({ hasActive: true, staffPresent: false })).toBe('when-idle');
  });

  it('checks again after the interval when all is well', () => {
    expect(nextCheck({ failures: 3, nextAt: 0 }, 'up-to-date', 1000, config, noJitter)).toEqual({
      failures: 0,
      nextAt: 901_000,
    });
  });

  it('backs off exponentially after failures, capped at the interval', () => {
    let s = { failures: 0, nextAt: 0 };
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      s = nextCheck(s, i % 2 ? 'rejected' : 'failed', 0, config, noJitter);
      delays.push(s.nextAt);
    }
    expect(delays.slice(0, 5)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(delays.slice(5)).toEqual([900_000, 900_000, 900_000]);
    expect(s.failures).toBe(8);
  });

  it('spreads retries by ±20 % so kiosks do not retry in lockstep', () => {
    const low = nextCheck({ failures: 0, nextAt: 0 }, 'failed', 0, config, () => 0);
    const high = nextCheck({ failures: 0, nextAt: 0 }, 'failed', 0, config, () => 0.999);
    expect(low.nextAt).toBe(24_000);
    expect(high.nextAt).toBeGreaterThan(35_900);
    expect(high.nextAt).toBeLessThanOrEqual(36_000);
  });
});
