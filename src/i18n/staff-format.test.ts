import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatLocal, formatUptime, formatWait } from './staff-format';
import { formatCount, monthDay } from './visitor-format';

describe('staff figures', () => {
  it('waits round up and read as m:ss', () => {
    expect(formatWait(30_000)).toBe('0:30');
    expect(formatWait(28_400)).toBe('0:29');
    expect(formatWait(1)).toBe('0:01');
    expect(formatWait(0)).toBe('0:00');
    expect(formatWait(300_000)).toBe('5:00');
  });
  it('uptimes keep the two largest units, in the panel language', () => {
    expect(formatUptime(750_000, 'en')).toBe('12m 30s');
    expect(formatUptime(750_000, 'zh-CN')).toBe('12分钟30秒');
    expect(formatUptime(2 * 3_600_000 + 5 * 60_000, 'en')).toBe('2h 5m');
    expect(formatUptime(3 * 86_400_000 + 4 * 3_600_000 + 1, 'en')).toBe('3d 4h');
    expect(formatUptime(3 * 86_400_000 + 4 * 3_600_000 + 1, 'zh-CN')).toBe('3天4小时');
  });
  it('sizes in decimal units, numbers as the language writes them', () => {
    expect(formatBytes(850e6, 'en')).toBe('850 MB');
    expect(formatBytes(12.44e9, 'en')).toBe('12.4 GB');
    expect(formatBytes(5_300, 'zh-CN')).toBe('5 kB');
    expect(formatBytes(1_234_567e3, 'en')).toBe('1.2 GB');
  });
  it('dates and times in the panel language, nothing for nonsense', () => {
    expect(formatDateTime('2026-03-04T05:06:00', 'zh-CN')).toBe('2026年3月4日 05:06');
    expect(formatDateTime('2026-03-04T17:06:00', 'en')).toBe('Mar 4, 2026, 17:06');
    expect(formatDateTime('soon', 'en')).toBe('');
  });
  it('log sentences keep one format: YYYY-MM-DD HH:MM, nothing for nonsense', () => {
    expect(formatLocal('2026-03-04T05:06:00')).toBe('2026-03-04 05:06');
    expect(formatLocal('')).toBe('');
    expect(formatLocal('soon')).toBe('');
  });
});

describe('visitor figures', () => {
  it('an event day as each language writes it, or nothing for a year alone', () => {
    expect(monthDay('1978-03-05', 'zh-CN')).toBe('3月5日');
    expect(monthDay('1978-03-05', 'en')).toBe('March 5');
    expect(monthDay('1978-03', 'zh-CN')).toBe('3月');
    expect(monthDay('1978-03', 'en')).toBe('March');
    expect(monthDay('1978', 'en')).toBe('');
  });
  it('counts grouped by thousands', () => {
    expect(formatCount(25_000, 'en')).toBe('25,000');
    expect(formatCount(25_000, 'zh-CN')).toBe('25,000');
    expect(formatCount(7, 'zh-CN')).toBe('7');
  });
});
