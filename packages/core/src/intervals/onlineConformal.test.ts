import { describe, expect, it } from 'vitest';
import { adaptiveConformal } from './adaptiveConformal.js';
import { rollingConformal } from './rollingConformal.js';

// Errors and expected half-widths printed by src/stats/reference/compute_interval_reference.py,
// an independent Python implementation of the rolling rule and of Gibbs & Candès' update.
const errors = [
  0.7606, 0.3223, 1.2679, 2.0341, -0.8942, -0.3484, -0.5558, 1.3909, -0.6182, -0.0933, -0.5813,
  0.428, -5.481, -2.0568, -3.6987, 1.7049, -1.8402, 2.2839, -0.2953, -2.7376, -0.3981, -0.8294,
  0.9249, 0.4692, -1.7657, -0.8209, 0.7636, -1.1516, 0.5377, -2.4229,
];
const inf = Number.POSITIVE_INFINITY;

const rolling80h1w8 = [
  inf,
  inf,
  inf,
  inf,
  2.0341,
  2.0341,
  2.0341,
  2.0341,
  2.0341,
  2.0341,
  2.0341,
  2.0341,
  1.3909,
  5.481,
  5.481,
  5.481,
  5.481,
  5.481,
  5.481,
  5.481,
  5.481,
  3.6987,
  3.6987,
  2.7376,
  2.7376,
  2.7376,
  2.7376,
  2.7376,
  1.7657,
  1.7657,
];
const rolling90h3 = [
  inf,
  inf,
  inf,
  inf,
  inf,
  inf,
  inf,
  inf,
  inf,
  inf,
  inf,
  2.0341,
  2.0341,
  2.0341,
  2.0341,
  5.481,
  5.481,
  5.481,
  5.481,
  5.481,
  5.481,
  3.6987,
  3.6987,
  3.6987,
  3.6987,
  3.6987,
  3.6987,
  3.6987,
  3.6987,
  3.6987,
];
const aci80h1 = {
  halfWidths: [
    inf,
    inf,
    inf,
    inf,
    2.0341,
    2.0341,
    2.0341,
    2.0341,
    1.3909,
    1.3909,
    1.3909,
    1.2679,
    1.2679,
    1.3909,
    2.0341,
    3.6987,
    3.6987,
    2.0568,
    3.6987,
    2.2839,
    3.6987,
    3.6987,
    3.6987,
    2.7376,
    2.7376,
    2.2839,
    2.2839,
    2.0568,
    2.0568,
    2.0341,
  ],
  alphas: [
    0.2, 0.2, 0.2, 0.2, 0.2, 0.21, 0.22, 0.23, 0.24, 0.25, 0.26, 0.27, 0.28, 0.24, 0.2, 0.16, 0.17,
    0.18, 0.14, 0.15, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.18, 0.19, 0.2,
  ],
};
const aci80h2w10 = {
  halfWidths: [
    inf,
    inf,
    inf,
    inf,
    inf,
    2.0341,
    2.0341,
    2.0341,
    2.0341,
    1.3909,
    1.3909,
    1.3909,
    1.3909,
    1.3909,
    2.0341,
    2.0568,
    5.481,
    5.481,
    5.481,
    5.481,
    3.6987,
    3.6987,
    3.6987,
    3.6987,
    2.7376,
    2.7376,
    2.2839,
    2.2839,
    2.2839,
    1.1516,
  ],
  alphas: [
    0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.21, 0.22, 0.23, 0.24, 0.25, 0.26, 0.27, 0.23, 0.19, 0.15,
    0.16, 0.17, 0.18, 0.19, 0.2, 0.21, 0.22, 0.23, 0.24, 0.25, 0.26, 0.27, 0.28,
  ],
};

describe('rollingConformal', () => {
  it('matches the reference at 80%, h = 1, W = 8', () => {
    const { halfWidths, scoresUsed } = rollingConformal({ errors, level: 0.8, window: 8 });
    expect(halfWidths).toEqual(rolling80h1w8);
    expect(scoresUsed.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 8]);
  });

  it('matches the reference at 90%, h = 3, all past errors', () => {
    const { halfWidths, scoresUsed } = rollingConformal({
      errors,
      level: 0.9,
      horizon: 3,
      window: Number.POSITIVE_INFINITY,
    });
    expect(halfWidths).toEqual(rolling90h3);
    expect(scoresUsed.slice(0, 5)).toEqual([0, 0, 0, 1, 2]);
  });

  it('gives the live origin a half-width when a NaN (unobserved) error is appended', () => {
    const live = rollingConformal({ errors: [...errors, Number.NaN], level: 0.8, window: 8 });
    expect(live.halfWidths.slice(0, 30)).toEqual(rolling80h1w8);
    // the last 8: |errors[22..29]|; rank ⌈9 · 0.8⌉ = 8 is their largest, 2.4229
    expect(live.halfWidths[30]).toBe(2.4229);
  });

  it('matches its doc example and validates its input', () => {
    const doc = rollingConformal({ errors: [1, -2, 3, 4, Number.NaN], level: 0.5, window: 3 });
    expect(doc.halfWidths).toEqual([inf, 1, 2, 2, 3]);
    expect(() => rollingConformal({ errors: [Number.NaN, 1], level: 0.8, window: 3 })).toThrow(
      /errors\[0\]/,
    );
    expect(() => rollingConformal({ errors, level: 0.8, window: 0 })).toThrow(/window/);
    expect(() => rollingConformal({ errors, level: 0.8, window: 3, horizon: 0 })).toThrow(
      /horizon/,
    );
  });
});

describe('adaptiveConformal', () => {
  it('matches the reference at 80%, h = 1, γ = 0.05, all past errors', () => {
    const result = adaptiveConformal({ errors, level: 0.8, gamma: 0.05 });
    expect(result.halfWidths).toEqual(aci80h1.halfWidths);
    result.alphas.forEach((a, t) => {
      expect(a).toBeCloseTo(aci80h1.alphas[t] as number, 12);
    });
  });

  it('matches the reference at 80%, h = 2 (delayed update), γ = 0.05, W = 10', () => {
    const result = adaptiveConformal({ errors, level: 0.8, gamma: 0.05, horizon: 2, window: 10 });
    expect(result.halfWidths).toEqual(aci80h2w10.halfWidths);
    result.alphas.forEach((a, t) => {
      expect(a).toBeCloseTo(aci80h2w10.alphas[t] as number, 12);
    });
  });

  it('keeps the long-run miss rate near α on a series whose error scale jumps', () => {
    // Gibbs & Candès Prop. 4.1: |miss rate − α| ≤ (max α_t − min α_t + γ) / (γ T)
    const n = 2000;
    const shifted = Array.from({ length: n }, (_, t) => {
      const u = ((t * 7919) % 1009) / 1009; // a deterministic, uniform-looking sequence
      return (t < n / 2 ? 1 : 5) * u;
    });
    const gamma = 0.02;
    const { halfWidths, alphas } = adaptiveConformal({
      errors: shifted,
      level: 0.9,
      gamma,
      window: 50,
    });
    let misses = 0;
    let counted = 0;
    halfWidths.forEach((w, t) => {
      if (Number.isFinite(w) || t > 100) {
        counted++;
        if (Math.abs(shifted[t] as number) > w) misses++;
      }
    });
    const bound = (Math.max(...alphas) - Math.min(...alphas) + gamma) / (gamma * counted);
    expect(Math.abs(misses / counted - 0.1)).toBeLessThanOrEqual(bound + 1e-12);
    expect(Math.abs(misses / counted - 0.1)).toBeLessThan(0.02);
  });

  it('widens to +Infinity when α_t ≤ 0, or to the largest error on request', () => {
    // t = 1: band 1 from [1]; error 2 misses it, so α_2 = 0.5 + 1 · (0.5 − 1) = 0
    const growing = [1, 2, 3, 4];
    const result = adaptiveConformal({ errors: growing, level: 0.5, gamma: 1, minScores: 1 });
    expect(result.alphas.slice(0, 3)).toEqual([0.5, 0.5, 0]);
    expect(result.halfWidths.slice(0, 3)).toEqual([inf, 1, inf]);
    const capped = adaptiveConformal({
      errors: growing,
      level: 0.5,
      gamma: 1,
      minScores: 1,
      capAtLargest: true,
    });
    expect(capped.halfWidths[2]).toBe(2);
  });

  it('matches its doc example and validates its input', () => {
    const doc = adaptiveConformal({
      errors: [1, 2, 3, 4, 5, 6],
      level: 0.5,
      gamma: 0.1,
      minScores: 1,
    });
    [0.5, 0.5, 0.45, 0.4, 0.35, 0.3].forEach((a, t) => {
      expect(doc.alphas[t]).toBeCloseTo(a, 14);
    });
    expect(() => adaptiveConformal({ errors, level: 0.8, gamma: 0 })).toThrow(/gamma/);
    expect(() => adaptiveConformal({ errors, level: 0.8, window: 3 })).toThrow(/minScores/);
    expect(() => adaptiveConformal({ errors, level: 0.8, minScores: 0 })).toThrow(/minScores/);
  });
});
