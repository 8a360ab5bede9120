import { describe, expect, it } from 'vitest';
import { levelProbabilities, quantileProbabilities } from './levelProbabilities.js';

describe('levelProbabilities', () => {
  it('gives (1 − l)/2 and (1 + l)/2 per level, in the order given', () => {
    const levels = [0.95, 0.5, 0.8, 0.99];
    expect(levelProbabilities(levels)).toEqual(
      levels.map((l) => ({ level: l, lower: (1 - l) / 2, upper: (1 + l) / 2 })),
    );
    expect(levelProbabilities([0.8])[0]?.lower).toBeCloseTo(0.1, 15);
    expect(levelProbabilities([0.5])[0]?.upper).toBe(0.75);
  });

  it('lists every probability once, ascending', () => {
    const p = quantileProbabilities([0.95, 0.8]);
    expect(p).toHaveLength(4);
    expect(p.map((x) => Number(x.toFixed(12)))).toEqual([0.025, 0.1, 0.9, 0.975]);
  });

  it('refuses percentages, 0, 1 and repeats', () => {
    expect(() => levelProbabilities([80])).toThrow(/coverage probability/);
    expect(() => levelProbabilities([0])).toThrow(/\(0, 1\)/);
    expect(() => levelProbabilities([1])).toThrow(/\(0, 1\)/);
    expect(() => levelProbabilities([0.8, 0.8])).toThrow(/twice/);
  });
});
