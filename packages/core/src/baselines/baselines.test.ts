import { describe, expect, it } from 'vitest';
import { driftForecast, meanLogReturn, naiveForecast } from './index.js';

// Expected values printed by src/stats/reference/compute_reference.py (numpy).
const series = [100, 103, 101, 106, 110, 108.5];

describe('naiveForecast', () => {
  it('forecasts the last value of each window', () => {
    expect(naiveForecast([[1, 2, 3], new Float32Array([4, 5, 6.5])])).toEqual([3, 6.5]);
  });
  it('returns no forecasts for no windows', () => {
    expect(naiveForecast([])).toEqual([]);
  });
  it('throws on an empty window', () => {
    expect(() => naiveForecast([[1], []])).toThrow(/window 1 is empty/);
  });
});

describe('meanLogReturn', () => {
  it('matches numpy mean(diff(log(v)))', () => {
    expect(meanLogReturn(series)).toBeCloseTo(0.016315997398484505, 15);
  });
  it('throws on fewer than two values or a non-positive value', () => {
    expect(() => meanLogReturn([100])).toThrow(/at least two/);
    expect(() => meanLogReturn([100, 0, 100])).toThrow(/values\[1\] must be positive/);
  });
});

describe('driftForecast', () => {
  it('matches numpy last × exp(mean log return)', () => {
    const forecasts = driftForecast([[1, 108.5], [95.25]], 0.016315997398484505);
    expect(forecasts[0]).toBeCloseTo(110.28480657290146, 10);
    expect(forecasts[1]).toBeCloseTo(96.81684632321534, 10);
  });
  it('equals the naive forecast with zero drift', () => {
    expect(driftForecast([[3, 4]], 0)).toEqual([4]);
  });
  it('throws on a non-finite drift', () => {
    expect(() => driftForecast([[1]], Number.NaN)).toThrow(/meanLogReturn must be finite/);
  });
});
