import { describe, expect, it } from 'vitest';
import { IdleClock } from './idle-clock';

describe('idle clock', () => {
  it('is active, then counts down, then expires', () => {
    const clock = new IdleClock(90_000, 10_000, 0);
    expect(clock.status(1_000)).toMatchObject({ phase: 'active', secondsLeft: 89 });
    expect(clock.status(80_001)).toMatchObject({ phase: 'countdown', secondsLeft: 10 });
    expect(clock.status(89_500)).toMatchObject({ phase: 'countdown', secondsLeft: 1 });
    expect(clock.status(90_000)).toMatchObject({
      phase: 'expired',
      secondsLeft: 0,
      idleMs: 90_000,
    });
  });

  it('a touch restarts the wait; a touch stamped in the past does not move it back', () => {
    const clock = new IdleClock(90_000, 10_000, 0);
    clock.touch(85_000);
    expect(clock.status(100_000)).toMatchObject({ phase: 'active', idleMs: 15_000 });
    clock.touch(50_000);
    expect(clock.status(100_000).idleMs).toBe(15_000);
  });

  it('takes a longer timeout and countdown for one reading (a visitor in elderly mode)', () => {
    const clock = new IdleClock(90_000, 10_000, 0);
    expect(clock.status(100_000, 180_000, 20_000)).toMatchObject({ phase: 'active' });
    expect(clock.status(160_001, 180_000, 20_000)).toMatchObject({
      phase: 'countdown',
      secondsLeft: 20,
    });
    expect(clock.status(180_000, 180_000, 20_000).phase).toBe('expired');
    // A countdown longer than the timeout given stretches the timeout to it.
    expect(clock.status(25_000, 10_000, 30_000)).toMatchObject({ phase: 'countdown' });
  });

  it('refuses a countdown longer than the timeout', () => {
    expect(() => new IdleClock(5_000, 10_000, 0)).toThrow(/countdown/);
  });
});
