/** Reading time and motion scales of the story scenes. */
import { describe, expect, it } from 'vitest';
import { eventAt, offsetOf } from './history-track';
import { durationScale, readingSeconds, travelScale } from './motion';

describe('reading time', () => {
  it('gives a short chapter the floor and a long one the ceiling', () => {
    expect(readingSeconds('一套自制夹具', 'zh-CN', 'full')).toBe(8);
    expect(readingSeconds('字'.repeat(400), 'zh-CN', 'full')).toBe(40);
  });
  it('reads Chinese at about four characters and English at three words a second', () => {
    expect(readingSeconds('字'.repeat(60), 'zh-CN', 'full')).toBe(19);
    expect(readingSeconds(Array(45).fill('word').join(' '), 'en', 'full')).toBe(19);
  });
  it('leaves a chapter longer in calm motion', () => {
    expect(readingSeconds('字'.repeat(60), 'zh-CN', 'calm')).toBeCloseTo(23.75);
  });
});

describe('motion scales', () => {
  it('calm is slower and travels less; still travels not at all', () => {
    expect(durationScale('calm')).toBeGreaterThan(durationScale('full'));
    expect(travelScale('calm')).toBeLessThan(travelScale('full'));
    expect(travelScale('still')).toBe(0);
  });
});

describe('history track geometry', () => {
  const g = { spacing: 576, centre: 960, count: 18 };
  it('puts each event under the centre mark and finds it back from any offset', () => {
    for (let i = 0; i < g.count; i++) expect(eventAt(g, offsetOf(g, i))).toBe(i);
    expect(eventAt(g, offsetOf(g, 3) - 280)).toBe(3);
    expect(eventAt(g, offsetOf(g, 3) - 300)).toBe(4);
  });
  it('never names an event beyond either end', () => {
    expect(eventAt(g, 99_999)).toBe(0);
    expect(eventAt(g, -99_999)).toBe(17);
  });
});
