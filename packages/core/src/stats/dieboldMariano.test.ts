import { describe, expect, it } from 'vitest';
import { dieboldMariano } from './dieboldMariano.js';

// Expected values: an independent numpy/scipy implementation of HLN (1997),
// printed by reference/compute_reference.py.
const eA = [0.5, -1.2, 2.0, 0.3, -0.7, 1.5, -2.2, 0.9, 0.1, -1.8, 1.1, -0.4];
const eB = [1.0, -0.8, 2.5, -1.1, 0.6, 2.1, -2.9, 1.4, -0.9, -2.0, 1.7, 0.8];

const cases = [
  ['squared', 1, 'two-sided', -3.4444453877037695, 0.005481503656669405, -1.1491666666666667],
  ['squared', 1, 'less', -3.4444453877037695, 0.0027407518283347025, -1.1491666666666667],
  ['squared', 1, 'greater', -3.4444453877037695, 0.9972592481716653, -1.1491666666666667],
  ['absolute', 1, 'two-sided', -4.065537625846678, 0.0018655363286594808, -0.425],
  ['squared', 3, 'two-sided', -7.606118598845356, 1.0522073012871145e-5, -1.1491666666666667],
  ['absolute', 2, 'less', -5.701325501533627, 6.896037618778279e-5, -0.425],
] as const;

describe('dieboldMariano', () => {
  it.each(cases)(
    '%s loss, h=%d, %s matches the scipy reference',
    (loss, horizon, alternative, statistic, pValue, dBar) => {
      const result = dieboldMariano(eA, eB, { loss, horizon, alternative });
      expect(result.statistic).toBeCloseTo(statistic, 12);
      expect(result.pValue / pValue).toBeCloseTo(1, 10);
      expect(result.meanLossDifferential).toBeCloseTo(dBar, 12);
      expect(result.n).toBe(12);
    },
  );

  it('matches its doc example', () => {
    const result = dieboldMariano([1, -1, 1, 0.5], [2, -2, 1.5, 1]);
    expect(result.statistic).toBeCloseTo(-3.4112114616897666, 12);
    expect(result.pValue).toBeCloseTo(0.04211325805386613, 12);
  });

  it('flips the sign when the models swap', () => {
    const ab = dieboldMariano(eA, eB);
    const ba = dieboldMariano(eB, eA);
    expect(ba.statistic).toBeCloseTo(-ab.statistic, 14);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 14);
  });

  it('throws on mismatched lengths, a bad horizon, or zero variance', () => {
    expect(() => dieboldMariano([1, 2, 3], [1, 2])).toThrow(/length mismatch/);
    expect(() => dieboldMariano(eA, eB, { horizon: 12 })).toThrow(/horizon/);
    expect(() => dieboldMariano(eA, eB, { horizon: 1.5 })).toThrow(/horizon/);
    expect(() => dieboldMariano(eA, eA)).toThrow(/variance/);
    expect(() => dieboldMariano([1], [2])).toThrow(/at least two/);
  });
});
