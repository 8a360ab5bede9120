import { describe, expect, it } from 'vitest';
import {
  volatilityScaledOnline,
  volatilityScaledScores,
  volatilityScaledSplitConformal,
} from './volatilityScaled.js';

// Errors, σ and expected half-widths printed by src/stats/reference/compute_interval_reference.py.
const errors = [
  0.7606, 0.3223, 1.2679, 2.0341, -0.8942, -0.3484, -0.5558, 1.3909, -0.6182, -0.0933, -0.5813,
  0.428, -5.481, -2.0568, -3.6987, 1.7049, -1.8402, 2.2839, -0.2953, -2.7376, -0.3981, -0.8294,
  0.9249, 0.4692, -1.7657, -0.8209, 0.7636, -1.1516, 0.5377, -2.4229,
];
const sigmas = [
  0.03, 0.0365, 0.0424, 0.0468, 0.0494, 0.0499, 0.0482, 0.0445, 0.0391, 0.0328, 0.0338, 0.04,
  0.0451, 0.0486, 0.05, 0.0492, 0.0463, 0.0416, 0.0356, 0.031, 0.0375, 0.0431, 0.0473, 0.0497,
  0.0498, 0.0477, 0.0438, 0.0382, 0.0318, 0.0348,
];
const inf = Number.POSITIVE_INFINITY;
const rolling80w8 = [
  inf,
  inf,
  inf,
  inf,
  2.147105555555555,
  2.1688373931623928,
  2.094949145299145,
  1.9341335470085468,
  1.6994297008547008,
  1.425608547008547,
  1.469072222222222,
  1.7385470085470085,
  1.4096537078651687,
  5.906354767184035,
  6.076496674057649,
  5.979272727272726,
  5.626835920177383,
  5.055645232815964,
  4.326465631929046,
  3.7674279379157425,
  4.557372505543237,
  3.8061470967741937,
  4.177047741935485,
  4.388990967741936,
  4.397821935483871,
  4.212371612903226,
  3.867963870967742,
  3.3734296774193546,
  1.1274951807228917,
  1.2338626506024095,
];
const staticLast10 = [
  2.0588040865384616, 2.3662521634615388, 2.5968382211538463, 2.728601682692308, 2.734091826923077,
  2.618798798076923, 2.4046831730769234, 2.097235096153846, 1.7458658653846157, 1.9105701923076923,
];

describe('volatilityScaledOnline', () => {
  it('matches the reference: rolling 80%, W = 8, on |e|/σ, times σ_t', () => {
    const { halfWidths } = volatilityScaledOnline({
      recalibration: 'rolling',
      errors,
      sigmas,
      level: 0.8,
      window: 8,
    });
    halfWidths.forEach((w, t) => {
      const expected = rolling80w8[t] as number;
      if (expected === inf) expect(w).toBe(inf);
      else expect(w).toBeCloseTo(expected, 12);
    });
  });

  it('runs adaptive conformal on the normalised errors', () => {
    const scaled = volatilityScaledScores(errors, sigmas);
    const result = volatilityScaledOnline({
      recalibration: 'adaptive',
      errors,
      sigmas,
      level: 0.8,
      gamma: 0.05,
    });
    expect(result.scaledQuantiles.filter(Number.isFinite).length).toBe(26);
    result.halfWidths.forEach((w, t) => {
      const q = result.scaledQuantiles[t] as number;
      expect(w).toBe(q * (sigmas[t] as number));
      if (Number.isFinite(q)) expect(scaled).toContain(q);
    });
  });

  it('matches its doc example', () => {
    const doc = volatilityScaledOnline({
      recalibration: 'rolling',
      window: 2,
      level: 0.5,
      errors: [1, 4, 1, Number.NaN],
      sigmas: [1, 2, 0.5, 3],
    });
    expect(doc.halfWidths).toEqual([inf, 2, 1, 6]);
  });
});

describe('volatilityScaledSplitConformal', () => {
  it('matches the reference: q from the first 20 months, applied to the last 10', () => {
    const { quantile, halfWidths } = volatilityScaledSplitConformal({
      calibrationErrors: errors.slice(0, 20),
      calibrationSigmas: sigmas.slice(0, 20),
      sigmas: sigmas.slice(20),
      level: 0.8,
    });
    expect(quantile).toBeCloseTo(54.901442307692314, 12);
    halfWidths.forEach((w, t) => {
      expect(w).toBeCloseTo(staticLast10[t] as number, 12);
    });
  });

  it('matches its doc example and refuses mismatched or non-positive σ', () => {
    const doc = volatilityScaledSplitConformal({
      calibrationErrors: [0.1, 0.4, 0.2, 0.3],
      calibrationSigmas: [1, 2, 1, 1],
      sigmas: [0.5, 2],
      level: 0.5,
    });
    expect(doc).toEqual({ quantile: 0.2, halfWidths: [0.1, 0.4] });
    expect(() => volatilityScaledScores([1, 2], [1])).toThrow(/2 errors but 1 sigmas/);
    expect(() => volatilityScaledScores([1], [0])).toThrow(/sigmas\[0\]/);
    expect(() => volatilityScaledScores([1], [Number.NaN])).toThrow(/sigmas\[0\]/);
  });
});
