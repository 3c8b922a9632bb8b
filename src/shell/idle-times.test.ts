import { describe, expect, it } from 'vitest';
import { idleTimes } from './idle-times';

const settings = {
  idleSeconds: 90,
  countdownSeconds: 10,
  sceneIdleSeconds: { story: 180 },
  elderlyIdleFactor: 2,
};

describe('idle times', () => {
  it("uses a scene's own idle seconds where it has some, else the kiosk's", () => {
    expect(idleTimes(settings, 'person', false)).toEqual({
      timeoutMs: 90_000,
      countdownMs: 10_000,
    });
    expect(idleTimes(settings, 'story', false)).toEqual({
      timeoutMs: 180_000,
      countdownMs: 10_000,
    });
  });

  it('gives a visitor in elderly mode the factor more of both the wait and the countdown', () => {
    expect(idleTimes(settings, 'person', true)).toEqual({
      timeoutMs: 180_000,
      countdownMs: 20_000,
    });
    expect(idleTimes(settings, 'story', true)).toEqual({ timeoutMs: 360_000, countdownMs: 20_000 });
    expect(idleTimes({ ...settings, elderlyIdleFactor: 1 }, 'person', true).timeoutMs).toBe(90_000);
  });
});
