import { describe, expect, it } from 'vitest';
import { conformalHalfWidth, empiricalCoverage } from './conformal.js';
import { finiteOrNull } from './evaluate.js';
import { meanSd } from './summary.js';

describe('conformalHalfWidth', () => {
  it('takes the ⌈(n+1)·level⌉-th smallest residual', () => {
    // n = 9: ⌈10·0.8⌉ = 8th smallest; ⌈10·0.5⌉ = 5th smallest.
    const residuals = [0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6];
    expect(conformalHalfWidth(residuals, 0.8)).toBe(0.8);
    expect(conformalHalfWidth(residuals, 0.5)).toBe(0.5);
  });

  it('is infinite when the level needs more residuals than there are', () => {
    expect(conformalHalfWidth([0.1, 0.2, 0.3], 0.95)).toBe(Number.POSITIVE_INFINITY);
    expect(() => conformalHalfWidth([0.1], 1)).toThrow(RangeError);
  });
});

describe('finiteOrNull', () => {
  it('keeps finite numbers and writes null for an infinite half-width (or a NaN)', () => {
    expect(finiteOrNull(0.25)).toBe(0.25);
    expect(finiteOrNull(-3)).toBe(-3);
    expect(finiteOrNull(conformalHalfWidth([0.1, 0.2, 0.3], 0.95))).toBeNull();
    expect(finiteOrNull(Number.NEGATIVE_INFINITY)).toBeNull();
    expect(finiteOrNull(Number.NaN)).toBeNull();
  });
});

describe('empiricalCoverage', () => {
  it('counts targets inside closed intervals', () => {
    expect(empiricalCoverage([1, 2, 3, 4], [0, 2, 4, 0], [1, 3, 5, 3])).toBe(0.5);
  });
});

describe('meanSd', () => {
  it('matches numpy mean and std(ddof=1)', () => {
    // python3 -c "import numpy as np; a=[118.2,121.5,119.9,120.4,117.7]; print(np.mean(a), np.std(a, ddof=1))"
    const { mean, sd } = meanSd([118.2, 121.5, 119.9, 120.4, 117.7]);
    expect(mean).toBeCloseTo(119.54, 12);
    expect(sd).toBeCloseTo(1.5725775020646833, 12);
    expect(meanSd([3])).toEqual({ mean: 3, sd: 0 });
  });
});
