import { describe, expect, it } from 'vitest';
import { formatBytes, formatLocal, formatUptime, formatWait } from './staff-format';

describe('staff figures', () => {
  it('waits round up and read as m:ss', () => {
    expect(formatWait(30_000)).toBe('0:30');
    expect(formatWait(28_400)).toBe('0:29');
    expect(formatWait(1)).toBe('0:01');
    expect(formatWait(0)).toBe('0:00');
    expect(formatWait(300_000)).toBe('5:00');
  });
  it('uptimes keep the two largest units', () => {
    expect(formatUptime(750_000)).toBe('12 min 30 s');
    expect(formatUptime(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 05 min');
    expect(formatUptime(3 * 86_400_000 + 4 * 3_600_000 + 1)).toBe('3 d 4 h');
  });
  it('sizes in decimal units', () => {
    expect(formatBytes(850e6)).toBe('850 MB');
    expect(formatBytes(12.44e9)).toBe('12.4 GB');
    expect(formatBytes(5_300)).toBe('5 kB');
  });
  it('local times as YYYY-MM-DD HH:MM, nothing for nonsense', () => {
    expect(formatLocal('2026-03-04T05:06:00')).toBe('2026-03-04 05:06');
    expect(formatLocal('')).toBe('');
    expect(formatLocal('soon')).toBe('');
  });
});
