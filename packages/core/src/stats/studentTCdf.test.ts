import { describe, expect, it } from 'vitest';
import { logGamma } from './logGamma.js';
import { regularizedIncompleteBeta } from './regularizedIncompleteBeta.js';
import { studentTCdf } from './studentTCdf.js';

// Expected values: scipy.stats.t.cdf, scipy.special.gammaln and scipy.special.betainc,
// printed by reference/compute_reference.py.

/** Relative closeness, so tail probabilities near 1e-12 are held to the same standard. */
function expectRelativelyClose(actual: number, expected: number, digits: number): void {
  if (expected === 0) expect(actual).toBe(0);
  else expect(actual / expected).toBeCloseTo(1, digits);
}

describe('studentTCdf', () => {
  it.each([
    [-2.5, 3, 0.04385332350403278],
    [-1.0, 1, 0.25000000000000006],
    [0.3, 7, 0.6135549747989328],
    [1.96, 10, 0.9607818798761502],
    [2.0, 29, 0.9725281814085164],
    [-4.0, 60, 8.816119353198712e-5],
    [0.0, 5, 0.5],
    [12.0, 4, 0.9998617857257485],
    [-2.1, 183, 0.01854978215491548],
    [-0.05, 2.5, 0.48192010785471623],
    [-30.0, 11, 3.3334656106825253e-12],
    [1e-8, 3, 0.500000003675526],
  ])('t.cdf(%d, df=%d) matches scipy', (x, df, p) => {
    expectRelativelyClose(studentTCdf(x, df), p, 12);
  });
  it('handles infinite x and rejects invalid arguments', () => {
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 3)).toBe(0);
    expect(studentTCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
    expect(() => studentTCdf(0, 0)).toThrow(/df must be/);
    expect(() => studentTCdf(Number.NaN, 3)).toThrow(/NaN/);
  });
});

describe('logGamma', () => {
  it.each([
    [0.5, 0.5723649429247],
    [1.0, 0.0],
    [3.7, 1.428072326665388],
    [10.0, 12.801827480081469],
    [91.5, 320.40669575400545],
    [1e-3, 6.907178885383853],
  ])('gammaln(%d) matches scipy', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 12);
  });
});

describe('regularizedIncompleteBeta', () => {
  it.each([
    [0.5, 0.5, 0.3, 0.36901011956554536],
    [2.0, 3.0, 0.4, 0.5247999999999999],
    [5.5, 0.5, 0.9, 0.2925184553957732],
    [30.0, 0.5, 0.6, 3.504353268172426e-8],
    [1.0, 1.0, 0.25, 0.25],
    [91.5, 0.5, 0.98, 0.054837347064687514],
  ])('betainc(%d, %d, %d) matches scipy', (a, b, x, expected) => {
    expectRelativelyClose(regularizedIncompleteBeta(x, a, b), expected, 12);
  });
  it('returns the end points exactly and rejects x outside [0, 1]', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedIncompleteBeta(1.5, 2, 3)).toThrow(/x must be in/);
  });
});
