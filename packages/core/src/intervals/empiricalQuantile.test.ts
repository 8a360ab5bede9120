import { describe, expect, it } from 'vitest';
import { empiricalQuantile, sortedAscending } from './empiricalQuantile.js';

// Expected values printed by src/stats/reference/compute_interval_reference.py: numpy's
// np.quantile (methods 'linear' and 'inverted_cdf') and the conformal rank in exact fractions.
const x10 = [0.31, 1.2, 0.05, 2.7, 0.88, 1.9, 0.47, 3.3, 0.12, 1.05];

const numpy = [
  [0.0, 0.05, 0.05],
  [0.05, 0.0815, 0.05],
  [0.1, 0.113, 0.05],
  [0.25, 0.35, 0.31],
  [0.5, 0.9650000000000001, 0.88],
  [0.8, 2.06, 1.9],
  [0.9, 2.76, 2.7],
  [0.95, 3.0299999999999994, 3.3],
  [1.0, 3.3, 3.3],
] as const;

const conformal = [
  [0.05, 0.05],
  [0.1, 0.12],
  [0.25, 0.31],
  [0.5, 1.05],
  [0.8, 2.7],
  [0.9, 3.3],
  [0.95, Number.POSITIVE_INFINITY],
] as const;

describe('empiricalQuantile', () => {
  it.each(numpy)('p = %f matches numpy linear and inverted_cdf', (p, linear, invertedCdf) => {
    expect(empiricalQuantile(x10, p, { method: 'linear' })).toBeCloseTo(linear, 14);
    expect(empiricalQuantile(x10, p, { method: 'inverted-cdf' })).toBe(invertedCdf);
  });

  it.each(conformal)('p = %f takes the ⌈(n+1)p⌉-th smallest', (p, expected) => {
    expect(empiricalQuantile(x10, p, { method: 'conformal' })).toBe(expected);
  });

  it('caps at the largest value on request, and is +Infinity for no values', () => {
    expect(empiricalQuantile(x10, 0.95, { method: 'conformal', capAtLargest: true })).toBe(3.3);
    expect(empiricalQuantile([], 0.5, { method: 'conformal' })).toBe(Number.POSITIVE_INFINITY);
    expect(empiricalQuantile([], 0.5, { method: 'conformal', capAtLargest: true })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('takes ranks in exact arithmetic where floats add noise ((99+1)·0.07 = 7.000000000000001)', () => {
    const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    // exact rank 7; numpy's float inverted_cdf gives 8 for n = 100 (see the reference script)
    expect(empiricalQuantile(oneTo(99), 0.07, { method: 'conformal' })).toBe(7);
    expect(empiricalQuantile(oneTo(100), 0.07, { method: 'inverted-cdf' })).toBe(7);
  });

  it('matches its doc examples', () => {
    expect(empiricalQuantile([4, 1, 3, 2], 0.5, { method: 'linear' })).toBe(2.5);
    expect(empiricalQuantile([4, 1, 3, 2], 0.5, { method: 'conformal' })).toBe(3);
    expect(empiricalQuantile([4, 1, 3, 2], 0.9, { method: 'conformal' })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('skips the sort for sorted input and leaves the input alone otherwise', () => {
    const values = [3, 1, 2];
    expect(empiricalQuantile(values, 0.5, { method: 'linear' })).toBe(2);
    expect(values).toEqual([3, 1, 2]);
    expect(empiricalQuantile(sortedAscending(values), 1, { method: 'linear', sorted: true })).toBe(
      3,
    );
  });

  it('throws on a bad p, no values, a non-finite value or an unknown method', () => {
    expect(() => empiricalQuantile(x10, 1, { method: 'conformal' })).toThrow(/\(0, 1\)/);
    expect(() => empiricalQuantile(x10, 1.5, { method: 'linear' })).toThrow(/\[0, 1\]/);
    expect(() => empiricalQuantile([], 0.5, { method: 'linear' })).toThrow(/no values/);
    expect(() => empiricalQuantile([1, Number.NaN], 0.5, { method: 'linear' })).toThrow(/finite/);
    expect(() => empiricalQuantile(x10, 0.5, { method: 'type8' as unknown as 'linear' })).toThrow(
      /unknown/,
    );
  });
});
