/** The clock plausibility check: which clocks are obviously wrong, what time schedules use then, and what staff read. */
import { describe, expect, it } from 'vitest';
import { AHEAD_LIMIT_MS, clockLine, judgeClock, verdictKey } from './clock-check';

const published = '2026-11-01T00:00:00.000Z';
const builtAt = '2026-11-20T06:00:00.000Z';
const P = Date.parse(published);
const B = Date.parse(builtAt);
const HOUR = 3_600_000;

describe('judgeClock', () => {
  it('believes a clock between the newest known time (less a day) and two years after it', () => {
    for (const clock of [B - 23 * HOUR, B, B + 30 * 24 * HOUR, B + AHEAD_LIMIT_MS])
      expect(judgeClock(clock, { published, builtAt })).toEqual({ ok: true, clock, now: clock });
  });

  it('takes a 1970 clock as wrong and runs schedules at the newest known time', () => {
    const verdict = judgeClock(0, { published, builtAt });
    expect(verdict).toMatchObject({ ok: false, reason: 'behind', against: 'built', now: B });
    // Without a build time (as in a test build), the pack's publish time is what is known.
    expect(judgeClock(0, { published })).toMatchObject({
      ok: false,
      against: 'published',
      now: P,
    });
  });

  it('measures against the pack when it was published after the build', () => {
    const later = '2027-03-01T00:00:00Z';
    expect(judgeClock(Date.parse(later) - 25 * HOUR, { published: later, builtAt })).toMatchObject({
      ok: false,
      reason: 'behind',
      against: 'published',
      now: Date.parse(later),
    });
  });

  it('takes a clock more than two years ahead as wrong', () => {
    expect(judgeClock(B + AHEAD_LIMIT_MS + 1, { published, builtAt })).toMatchObject({
      ok: false,
      reason: 'ahead',
      now: B,
    });
  });

  it('believes the clock when nothing is known, or what is known does not parse', () => {
    expect(judgeClock(0, {})).toEqual({ ok: true, clock: 0, now: 0 });
    expect(judgeClock(0, { published: 'yesterday' })).toEqual({ ok: true, clock: 0, now: 0 });
  });
});

describe('what staff read', () => {
  it('says once what is wrong, in Chinese and English, and again only when it changes', () => {
    const wrong = judgeClock(0, { published });
    const line = clockLine(wrong);
    expect(line).toMatch(
      /^本机时钟显示 1970-01-0[12] \d\d:\d\d，比当前内容包的发布时间（2026-1[01]-/,
    );
    expect(line).toContain('时钟有误');
    expect(line).toContain(' / The kiosk clock reads 1970-01-0');
    expect(line).toContain('more than a day before the live pack was published');
    // A minute later the clock still says 1970: the same situation, the same key.
    expect(verdictKey(judgeClock(60_000, { published }))).toBe(verdictKey(wrong));
    expect(verdictKey(judgeClock(P, { published }))).toBe('ok');
    expect(clockLine(judgeClock(P, { published }))).toMatch(
      /^本机时钟已恢复正常.* \/ The kiosk clock looks right again/,
    );
    expect(clockLine(judgeClock(B + AHEAD_LIMIT_MS * 2, { builtAt }))).toContain(
      'more than two years after this app was built',
    );
  });
});
