import { describe, expect, it } from 'vitest';
import { intervalScores } from '../metrics/intervalScore.js';
import { dieboldMariano } from './dieboldMariano.js';
import { dieboldMarianoLosses } from './dieboldMarianoLosses.js';

// Interval scores of two band sets at 80% on the metrics vectors; expected values from an
// independent numpy/scipy HLN implementation in reference/compute_interval_reference.py.
const actual = [100, 104, 97, 110, 101.5, 93, 108, 102];
const lower = [95, 99, 98, 100, 96, 95.5, 101, 102];
const upper = [105, 103, 108, 109, 106, 104, 111, 112];
const scoresA = intervalScores({ actual, lower, upper, level: 0.8 });
const scoresB = intervalScores({
  actual,
  lower: lower.map((l) => l - 3),
  upper: upper.map((u) => u + 3),
  level: 0.8,
});

describe('dieboldMarianoLosses', () => {
  it('matches scipy on interval scores, h = 1, two-sided', () => {
    const r = dieboldMarianoLosses(scoresA, scoresB);
    expect(r.statistic).toBeCloseTo(0.2800000000000001, 12);
    expect(r.pValue).toBeCloseTo(0.7875711065942095, 12);
    expect(r.meanLossDifferential).toBeCloseTo(0.8750000000000002, 12);
    expect(r.n).toBe(8);
  });

  it('matches scipy on interval scores, h = 2, alternative less', () => {
    const r = dieboldMarianoLosses(scoresA, scoresB, { horizon: 2, alternative: 'less' });
    expect(r.statistic).toBeCloseTo(0.5784757093789363, 12);
    expect(r.pValue).toBeCloseTo(0.7094654713379585, 12);
  });

  it('on squared errors equals dieboldMariano on the errors', () => {
    const eA = [0.5, -1.2, 2.0, 0.3, -0.7, 1.5, -2.2, 0.9, 0.1, -1.8, 1.1, -0.4];
    const eB = [1.0, -0.8, 2.5, -1.1, 0.6, 2.1, -2.9, 1.4, -0.9, -2.0, 1.7, 0.8];
    const squared = (e: number[]) => e.map((x) => x * x);
    expect(dieboldMarianoLosses(squared(eA), squared(eB), { horizon: 3 })).toEqual(
      dieboldMariano(eA, eB, { horizon: 3 }),
    );
    // its doc example: the squared errors of dieboldMariano's
    expect(dieboldMarianoLosses([1, 1, 1, 0.25], [4, 4, 2.25, 1]).statistic).toBeCloseTo(
      -3.4112114616897666,
      12,
    );
  });

  it('throws on mismatched lengths, too few months, a bad horizon or a non-finite loss', () => {
    expect(() => dieboldMarianoLosses([1, 2], [1])).toThrow(/length mismatch/);
    expect(() => dieboldMarianoLosses([1], [2])).toThrow(/at least two/);
    expect(() => dieboldMarianoLosses(scoresA, scoresB, { horizon: 8 })).toThrow(/horizon/);
    expect(() => dieboldMarianoLosses([1, Number.NaN], [1, 2])).toThrow(/non-finite loss/);
    expect(() => dieboldMarianoLosses(scoresA, scoresA)).toThrow(/variance/);
  });
});
