import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatInterval,
  formatMeanSd,
  formatMonth,
  formatNumber,
  formatPoints,
  formatPValue,
  formatSeconds,
  formatShare,
  parseFormatted,
} from './format.js';

describe('formatNumber', () => {
  it('groups thousands and fixes the decimals', () => {
    expect(formatNumber(7412.55, 1)).toBe('7,412.6');
    expect(formatNumber(1633, 0)).toBe('1,633');
    expect(formatNumber(0.0951, 3)).toBe('0.095');
  });
  it('writes negatives with a true minus sign', () => {
    expect(formatNumber(-1309.5, 1)).toBe('\u22121,309.5');
  });
  it('names infinities instead of printing them', () => {
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(Number.NaN)).toBe('n/a');
  });
});

describe('figure formats', () => {
  it('formats points, mean ± sd, seconds, shares and counts', () => {
    expect(formatPoints(126.01213890064898)).toBe('126.0');
    expect(formatMeanSd({ mean: 3546.748, sd: 0.7185 })).toBe('3,546.7 ± 0.7');
    expect(formatSeconds(11.62)).toBe('11.6 s');
    expect(formatShare(0.8043)).toBe('80%');
    expect(formatCount(7777)).toBe('7,777');
  });
  it('writes tiny p-values as a bound', () => {
    expect(formatPValue(1.8367668944811324e-30)).toBe('< 0.001');
    expect(formatPValue(0.0951)).toBe('0.095');
    expect(formatPValue(0.001)).toBe('0.001');
  });
  it('writes an unbounded side of an interval as infinity', () => {
    expect(formatInterval([7195.66, 7930.71])).toBe('7,195.7 – 7,930.7');
    expect(formatInterval([null, null])).toBe('\u2212∞ – ∞');
  });
  it('names months in words whatever the time zone', () => {
    expect(formatMonth('2026-06-01')).toBe('June 2026');
    expect(formatMonth('1950-01-01')).toBe('January 1950');
    expect(() => formatMonth('soon')).toThrow(RangeError);
  });
});

describe('parseFormatted', () => {
  it('reads back what the formatters wrote', () => {
    expect(parseFormatted('7,412.6')).toBe(7412.6);
    expect(parseFormatted('\u22121,309.5')).toBe(-1309.5);
    expect(parseFormatted('')).toBeNaN();
  });
});
