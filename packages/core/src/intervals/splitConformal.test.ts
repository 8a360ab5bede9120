import { describe, expect, it } from 'vitest';
import { splitConformal } from './splitConformal.js';

describe('splitConformal', () => {
  it('is the ⌈(n+1)·level⌉-th smallest absolute error', () => {
    // reference script: conformal p = 0.8 of x10 → 2.7 (rank ⌈8.8⌉ = 9)
    const x10 = [0.31, -1.2, 0.05, 2.7, -0.88, 1.9, 0.47, -3.3, 0.12, 1.05];
    expect(splitConformal({ scores: x10, level: 0.8 })).toBe(2.7);
    expect(splitConformal({ scores: x10, level: 0.9 })).toBe(3.3);
    expect(splitConformal({ scores: [0.1, -0.4, 0.2, 0.3], level: 0.5 })).toBe(0.3);
  });

  it('is +Infinity with too few scores (n < level / (1 − level)), or the largest on request', () => {
    const eighteen = Array.from({ length: 18 }, (_, i) => i + 1);
    expect(splitConformal({ scores: eighteen, level: 0.95 })).toBe(Number.POSITIVE_INFINITY);
    expect(splitConformal({ scores: [...eighteen, 19], level: 0.95 })).toBe(19);
    expect(splitConformal({ scores: eighteen, level: 0.95, capAtLargest: true })).toBe(18);
    expect(splitConformal({ scores: [1, 2, 3], level: 0.8 })).toBe(Number.POSITIVE_INFINITY);
    expect(splitConformal({ scores: [1, 2, 3, 4], level: 0.8 })).toBe(4);
  });

  it('throws on a level given in percent or a non-finite score', () => {
    expect(() => splitConformal({ scores: [1], level: 80 })).toThrow(/coverage probability/);
    expect(() => splitConformal({ scores: [1, Number.NaN], level: 0.8 })).toThrow(/finite/);
  });
});
