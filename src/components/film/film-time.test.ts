// Unit tests for the film player's time arithmetic: clock text and the moment under a finger.
import { describe, expect, it } from 'vitest';
import { clockText, fractionOf, timeAtPoint } from './film-time';

describe('clockText', () => {
  it('reads as minutes and seconds, hours only when a film has them', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(7.9)).toBe('0:07');
    expect(clockText(754)).toBe('12:34');
    expect(clockText(3725)).toBe('1:02:05');
  });
  it('shows 0:00 while the length is unknown', () => {
    expect(clockText(NaN)).toBe('0:00');
    expect(clockText(Infinity)).toBe('0:00');
    expect(clockText(-3)).toBe('0:00');
  });
});

describe('timeAtPoint', () => {
  it('maps the bar onto the film', () => {
    expect(timeAtPoint(100, 100, 800, 14)).toBe(0);
    expect(timeAtPoint(500, 100, 800, 14)).toBe(7);
    expect(timeAtPoint(900, 100, 800, 14)).toBe(14);
  });
  it('holds the ends when a finger slides past them', () => {
    expect(timeAtPoint(20, 100, 800, 14)).toBe(0);
    expect(timeAtPoint(1900, 100, 800, 14)).toBe(14);
  });
  it('is 0 for a bar without width or a film without a known length', () => {
    expect(timeAtPoint(500, 100, 0, 14)).toBe(0);
    expect(timeAtPoint(500, 100, 800, NaN)).toBe(0);
    expect(timeAtPoint(500, 100, 800, Infinity)).toBe(0);
  });
});

describe('fractionOf', () => {
  it('is how far through the film a moment is, kept within 0..1', () => {
    expect(fractionOf(7, 14)).toBe(0.5);
    expect(fractionOf(20, 14)).toBe(1);
    expect(fractionOf(3, NaN)).toBe(0);
  });
});
