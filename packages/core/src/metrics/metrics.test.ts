import { describe, expect, it } from 'vitest';
import { directionalAccuracy, mae, mape, mase, naiveScale, rmse } from './index.js';

// Fixed vectors; expected values printed by src/stats/reference/compute_reference.py (numpy).
const actual = [100, 102, 101, 105, 110, 108];
const predicted = [101, 101.5, 103, 104, 107, 109.5];
const last = [99, 100, 102, 101, 105, 110];
const trainLast = [50, 51, 49.5, 52, 53];
const trainTarget = [51, 49.5, 52, 53, 52.5];

describe('rmse', () => {
  it('matches a hand-worked example', () => {
    // errors 0, 0, −3 → sqrt((0 + 0 + 9) / 3) = √3
    expect(rmse([1, 2, 3], [1, 2, 6])).toBeCloseTo(Math.sqrt(3), 15);
  });
  it('matches numpy', () => {
    expect(rmse(actual, predicted)).toBeCloseTo(1.707825127659933, 12);
  });
  it('accepts typed arrays', () => {
    expect(rmse(new Float32Array([1, 2]), new Float64Array([1, 2]))).toBe(0);
  });
});

describe('mae', () => {
  it('matches a hand-worked example', () => {
    // |1−2| + |2−2| + |3−1| = 3, over 3 windows
    expect(mae([1, 2, 3], [2, 2, 1])).toBe(1);
  });
  it('matches numpy', () => {
    expect(mae(actual, predicted)).toBeCloseTo(1.5, 12);
  });
});

describe('mape', () => {
  it('matches numpy, in percent', () => {
    expect(mape(actual, predicted)).toBeCloseTo(1.42315611112932, 12);
  });
  it('throws on a zero actual value', () => {
    expect(() => mape([1, 0], [1, 1])).toThrow(/zero at index 1/);
  });
});

describe('naiveScale and mase', () => {
  it('naiveScale matches numpy', () => {
    expect(naiveScale(trainLast, trainTarget)).toBeCloseTo(1.3, 12);
  });
  it('mase matches numpy', () => {
    expect(mase(actual, predicted, 1.3)).toBeCloseTo(1.1538461538461537, 12);
  });
  it('mase rejects a non-positive scale', () => {
    expect(() => mase(actual, predicted, 0)).toThrow(/scale/);
  });
});

describe('directionalAccuracy', () => {
  it('matches numpy', () => {
    expect(directionalAccuracy(actual, predicted, last)).toBeCloseTo(0.8333333333333334, 15);
  });
  it('counts a flat month as a hit only for a flat forecast', () => {
    // up/up hit, down/up miss, flat/flat hit, flat/up miss
    expect(directionalAccuracy([11, 9, 10, 10], [12, 10.5, 10, 11], [10, 10, 10, 10])).toBe(0.5);
  });
});

describe('input checks', () => {
  it.each([
    ['rmse', () => rmse([1, 2], [1])],
    ['mae', () => mae([1], [1, 2])],
    ['mape', () => mape([1, 2], [1])],
    ['mase', () => mase([1, 2], [1], 1)],
    ['naiveScale', () => naiveScale([1, 2], [1])],
    ['directionalAccuracy', () => directionalAccuracy([1, 2], [1, 2], [1])],
  ])('%s throws on a length mismatch', (name, call) => {
    expect(call).toThrow(new RegExp(`^${name}: length mismatch`));
  });
  it.each([
    ['rmse', () => rmse([], [])],
    ['mae', () => mae([], [])],
    ['mape', () => mape([], [])],
    ['mase', () => mase([], [], 1)],
    ['naiveScale', () => naiveScale([], [])],
    ['directionalAccuracy', () => directionalAccuracy([], [], [])],
  ])('%s throws on empty input', (name, call) => {
    expect(call).toThrow(new RegExp(`^${name}: empty input`));
  });
  it('throws on a non-finite value', () => {
    expect(() => mae([1, Number.NaN], [1, 2])).toThrow(/actual\[1\] is not finite/);
  });
});
