import { describe, expect, it } from 'vitest';
import { bandsFromQuantiles, levelsInQuantiles } from './quantileBands.js';

// Quantile probabilities of central bands: 50% → 0.25/0.75, 80% → 0.1/0.9, 95% → 0.025/0.975.
const QUANTILES = {
  '0.025': 6000,
  '0.1': 6500,
  '0.25': 6900,
  '0.75': 7300,
  '0.9': 7700,
  '0.975': 8200,
};

describe('bandsFromQuantiles', () => {
  it('pairs (1 − l)/2 with (1 + l)/2, ascending by level', () => {
    expect(bandsFromQuantiles(QUANTILES, [95, 50, 80])).toEqual([
      { level: 50, lower: 6900, upper: 7300 },
      { level: 80, lower: 6500, upper: 7700 },
      { level: 95, lower: 6000, upper: 8200 },
    ]);
  });
  it('matches keys as numbers, whatever their spelling', () => {
    expect(bandsFromQuantiles({ '0.10': 1, '9e-1': 3 }, [80])).toEqual([
      { level: 80, lower: 1, upper: 3 },
    ]);
    expect(bandsFromQuantiles({ '0.09999999999999998': 1, '0.9': 3 }, [80])[0]?.lower).toBe(1);
  });
  it('refuses a missing quantile or a reversed band', () => {
    expect(() => bandsFromQuantiles(QUANTILES, [60])).toThrow(/no 60% quantiles/);
    expect(() => bandsFromQuantiles({ '0.1': 3, '0.9': 1 }, [80])).toThrow(/reversed/);
  });
});

describe('levelsInQuantiles', () => {
  it('lists the levels whose two quantiles are present', () => {
    expect(levelsInQuantiles(QUANTILES)).toEqual([50, 80, 95]);
    expect(levelsInQuantiles({ '0.005': 1, '0.995': 2, '0.9': 3 })).toEqual([99]);
  });
});
