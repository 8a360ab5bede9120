import { describe, expect, it } from 'vitest';
import { ewmaVolatility } from './ewmaVolatility.js';

// Expected values printed by src/stats/reference/compute_interval_reference.py (numpy).
const prices = [100, 102, 99, 101, 105, 103, 108, 104, 107, 111];
const lambda094warmup3 = [
  Number.NaN,
  Number.NaN,
  Number.NaN,
  0.023688042872293657,
  0.02485896079353585,
  0.024557698848356353,
  0.0264898862492107,
  0.027295991838757732,
  0.027365852264300616,
  0.028013851889089045,
];
const lambda08init = [
  0.02, 0.019960681590724144, 0.022293113946155213, 0.02185387099063383, 0.02614918492472066,
  0.024919730217281014, 0.030760182277182593, 0.032277198178140835, 0.031546747072301276,
  0.0326428532210795,
];

describe('ewmaVolatility', () => {
  it('matches numpy with λ = 0.94 and a 3-return warm-up', () => {
    const sigmas = ewmaVolatility(prices, { warmup: 3 });
    sigmas.forEach((s, t) => {
      const expected = lambda094warmup3[t] as number;
      if (Number.isNaN(expected)) expect(s).toBeNaN();
      else expect(s).toBeCloseTo(expected, 15);
    });
  });

  it('matches numpy with λ = 0.8 from an initial variance', () => {
    const sigmas = ewmaVolatility(prices, { lambda: 0.8, initialVariance: 0.0004 });
    sigmas.forEach((s, t) => {
      expect(s).toBeCloseTo(lambda08init[t] as number, 15);
    });
  });

  it('matches its doc example, and is all NaN for a series within the warm-up', () => {
    const doc = ewmaVolatility([100, 110, 99], { lambda: 0.5, warmup: 1 });
    expect(doc[0]).toBeNaN();
    expect(doc[1]).toBeCloseTo(0.09531017980432493, 15);
    expect(doc[2]).toBeCloseTo(0.10046110847988839, 15);
    expect(ewmaVolatility([1, 2, 3])).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect(ewmaVolatility([], { initialVariance: 1 })).toEqual([]);
  });

  it('throws on a bad value, λ, warm-up or initial variance', () => {
    expect(() => ewmaVolatility([1, 0, 2])).toThrow(/values\[1\]/);
    expect(() => ewmaVolatility(prices, { lambda: 1 })).toThrow(/lambda/);
    expect(() => ewmaVolatility(prices, { warmup: 0 })).toThrow(/warmup/);
    expect(() => ewmaVolatility(prices, { initialVariance: -1 })).toThrow(/initialVariance/);
  });
});
