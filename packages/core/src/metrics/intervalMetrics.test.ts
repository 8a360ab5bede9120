import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../stats/normalQuantile.js';
import { coverage, intervalScore, intervalScores, meanWidth, pinballLoss } from './index.js';

// Fixed vectors; expected values printed by src/stats/reference/compute_interval_reference.py.
const actual = [100, 104, 97, 110, 101.5, 93, 108, 102];
const lower = [95, 99, 98, 100, 96, 95.5, 101, 102];
const upper = [105, 103, 108, 109, 106, 104, 111, 112];

describe('coverage and meanWidth', () => {
  it('match numpy (bounds count as inside)', () => {
    expect(coverage({ actual, lower, upper })).toBe(0.5);
    expect(meanWidth({ lower, upper })).toBe(8.9375);
  });
  it('match their doc examples', () => {
    expect(coverage({ actual: [1, 5, 3], lower: [0, 0, 3], upper: [2, 4, 4] })).toBeCloseTo(
      2 / 3,
      15,
    );
    expect(meanWidth({ lower: [0, 1], upper: [2, 5] })).toBe(3);
  });
  it('throw on crossed bounds, mismatched lengths or no months', () => {
    expect(() => coverage({ actual: [1], lower: [2], upper: [1] })).toThrow(/lower\[0\]/);
    expect(() => meanWidth({ lower: [1, 2], upper: [3] })).toThrow(/length mismatch/);
    expect(() => coverage({ actual: [], lower: [], upper: [] })).toThrow(/empty/);
    expect(() => meanWidth({ lower: [0], upper: [Number.POSITIVE_INFINITY] })).toThrow(/finite/);
  });
});

describe('intervalScore', () => {
  it('matches numpy per month and on average at 80% and 95%', () => {
    const at80 = [10, 14.000000000000002, 20, 19, 10, 33.5, 10, 10];
    const at95 = [
      10, 43.999999999999964, 49.999999999999964, 48.999999999999964, 10, 108.49999999999991, 10,
      10,
    ];
    intervalScores({ actual, lower, upper, level: 0.8 }).forEach((s, i) => {
      expect(s).toBeCloseTo(at80[i] as number, 12);
    });
    intervalScores({ actual, lower, upper, level: 0.95 }).forEach((s, i) => {
      expect(s).toBeCloseTo(at95[i] as number, 11);
    });
    expect(intervalScore({ actual, lower, upper, level: 0.8 })).toBeCloseTo(15.8125, 12);
    expect(intervalScore({ actual, lower, upper, level: 0.95 })).toBeCloseTo(36.43749999999997, 11);
  });

  it('equals (2/α)(ρ_{α/2} + ρ_{1−α/2}), i.e. 4/α × the pinball loss of its two quantiles', () => {
    for (const level of [0.5, 0.8, 0.95]) {
      const alpha = 1 - level;
      const pinball = pinballLoss({
        actual,
        quantiles: [
          { probability: alpha / 2, values: lower },
          { probability: 1 - alpha / 2, values: upper },
        ],
      });
      expect(intervalScore({ actual, lower, upper, level })).toBeCloseTo((4 / alpha) * pinball, 10);
    }
  });

  it('matches its doc example and refuses a level in percent', () => {
    const doc = { actual: [5, 12, 0], lower: [0, 0, 2], upper: [10, 10, 10], level: 0.8 };
    expect(intervalScores(doc).map((s) => Number(s.toFixed(9)))).toEqual([10, 30, 28]);
    expect(intervalScore(doc)).toBeCloseTo(22.666666666666668, 12);
    expect(() => intervalScore({ ...doc, level: 80 })).toThrow(/coverage probability/);
  });
});

describe('pinballLoss', () => {
  it('matches numpy on two and on five quantiles', () => {
    expect(
      pinballLoss({
        actual,
        quantiles: [
          { probability: 0.1, values: lower },
          { probability: 0.9, values: upper },
        ],
      }),
    ).toBeCloseTo(0.7906249999999999, 13);
    const median = lower.map((l, i) => (l + (upper[i] as number)) / 2);
    expect(
      pinballLoss({
        actual,
        quantiles: [
          { probability: 0.025, values: lower.map((l) => l - 2) },
          { probability: 0.1, values: lower },
          { probability: 0.5, values: median },
          { probability: 0.9, values: upper },
          { probability: 0.975, values: upper.map((u) => u + 2) },
        ],
      }),
    ).toBeCloseTo(0.7528125, 13);
  });

  it('is half the absolute error at the median', () => {
    expect(
      pinballLoss({ actual: [3, 10], quantiles: [{ probability: 0.5, values: [1, 11] }] }),
    ).toBe(0.75);
  });

  it('twice its mean over a fine grid approaches the CRPS of a normal forecast', () => {
    // CRPS(N(0,1), y) = y(2Φ(y) − 1) + 2φ(y) − 1/√π (Gneiting & Raftery 2007, eq. 5): at
    // y = 0.7 scipy gives 0.42156917007346395; on the grid τ = k/1000, k = 1 .. 999, numpy's
    // 2·mean pinball of norm.ppf(τ) is 0.42198952242803606.
    const quantiles = Array.from({ length: 999 }, (_, k) => {
      const tau = (k + 1) / 1000;
      return { probability: tau, values: [normalQuantile(tau)] };
    });
    const twice = 2 * pinballLoss({ actual: [0.7], quantiles });
    expect(twice).toBeCloseTo(0.42198952242803606, 12);
    expect(twice).toBeCloseTo(0.42156917007346395, 2);
  });

  it('throws on no quantiles or a bad probability', () => {
    expect(() => pinballLoss({ actual, quantiles: [] })).toThrow(/no quantiles/);
    expect(() => pinballLoss({ actual, quantiles: [{ probability: 1, values: upper }] })).toThrow(
      /probability/,
    );
    expect(() => pinballLoss({ actual, quantiles: [{ probability: 0.5, values: [1] }] })).toThrow(
      /length mismatch/,
    );
  });
});
