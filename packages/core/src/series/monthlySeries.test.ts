import { describe, expect, it } from 'vitest';
import { monthsBetween, nextMonth } from './monthlySeries.js';

describe('nextMonth', () => {
  it('steps a month, and December into January', () => {
    expect(nextMonth('2026-05-01')).toBe('2026-06-01');
    expect(nextMonth('1999-12-01')).toBe('2000-01-01');
  });

  it('writes years before 1000 with four digits (ISO 8601, RFC 3339)', () => {
    expect(nextMonth('0000-12-01')).toBe('0001-01-01');
    expect(nextMonth('0999-12-01')).toBe('1000-01-01');
    expect(nextMonth('0042-03-01')).toBe('0042-04-01');
  });

  it('refuses to step past December 9999', () => {
    expect(nextMonth('9999-11-01')).toBe('9999-12-01');
    expect(() => nextMonth('9999-12-01')).toThrow(RangeError);
  });
});

describe('monthsBetween', () => {
  it('counts whole months across years', () => {
    expect(monthsBetween('2025-12-01', '2026-01-01')).toBe(1);
    expect(monthsBetween('0000-01-01', '9999-12-01')).toBe(9999 * 12 + 11);
  });
});
