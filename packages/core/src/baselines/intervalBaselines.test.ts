import { describe, expect, it } from 'vitest';
import {
  ewmaNaiveBands,
  fitAr1,
  fitResidualQuantileBaseline,
  forecastLogReturn,
  logReturns,
  residualQuantileForecast,
} from './index.js';

// Expected values printed by src/stats/reference/compute_interval_reference.py (numpy/scipy),
// section "interval baselines, small span".
const span = [100, 103, 101, 106, 110, 108.5, 112, 109, 115, 118];

describe('logReturns', () => {
  it('gives ln(v[t+h] / v[t]) per origin', () => {
    expect(logReturns([100, 110, 99])).toEqual([Math.log(1.1), Math.log(0.9)]);
    expect(logReturns([100, 110, 99], { horizon: 2 })[0]).toBeCloseTo(Math.log(0.99), 15);
    expect(logReturns([100], { horizon: 1 })).toEqual([]);
  });
  it('throws on a bad horizon or value', () => {
    expect(() => logReturns([1, 2], { horizon: 0 })).toThrow(/horizon/);
    expect(() => logReturns([1, -2])).toThrow(/values\[1\]/);
  });
});

describe('fitAr1', () => {
  it('matches numpy least squares', () => {
    const fit = fitAr1(logReturns(span));
    expect(fit.c).toBeCloseTo(0.02651577209067723, 14);
    expect(fit.phi).toBeCloseTo(-0.5450020169648655, 13);
    const residuals = [
      -0.03001463663834631, 0.011116148723867132, 0.03685922165913508, -0.020058397125845357,
      -0.0022500565519006227, -0.0363636565391729, 0.012271130239895359, 0.02844024623236766,
    ];
    fit.residuals.forEach((r, i) => {
      expect(r).toBeCloseTo(residuals[i] as number, 14);
    });
  });
  it('matches its doc example and refuses too few or constant returns', () => {
    const doc = fitAr1([0.01, 0.03, 0.02, 0.04]);
    expect(doc.c).toBeCloseTo(0.04, 14);
    expect(doc.phi).toBeCloseTo(-0.5, 14);
    expect(() => fitAr1([0.1, 0.2])).toThrow(/at least 3/);
    expect(() => fitAr1([0.5, 0.5, 0.5, 0.25])).toThrow(/not identified/);
  });
});

describe('forecastLogReturn', () => {
  it('is 0 for naive, h·μ for drift, the summed AR(1) recursion for AR(1)', () => {
    expect(forecastLogReturn({ kind: 'naive' }, [5], 3)).toBe(0);
    expect(forecastLogReturn({ kind: 'drift', mu: 0.01 }, [5], 3)).toBeCloseTo(0.03, 15);
    expect(forecastLogReturn({ kind: 'ar1', c: 0.01, phi: 0.5 }, [100, 110], 2)).toBeCloseTo(
      0.09648263485324371,
      15,
    );
  });
  it('needs two values for AR(1) and a positive last value', () => {
    expect(() => forecastLogReturn({ kind: 'ar1', c: 0, phi: 0 }, [5], 1)).toThrow(/two/);
    expect(() => forecastLogReturn({ kind: 'naive' }, [], 1)).toThrow(/positive/);
    expect(() => forecastLogReturn({ kind: 'naive' }, [5], 0)).toThrow(/horizon/);
  });
});

describe('fitResidualQuantileBaseline and residualQuantileForecast', () => {
  it('AR(1), h = 2: h-step residuals over the span and their linear quantiles (numpy)', () => {
    const baseline = fitResidualQuantileBaseline({ kind: 'ar1', values: span, horizon: 2 });
    const expected = [
      -0.037387427732002196, -0.011376586787077515, -0.004274260141211177, -0.003287525614694097,
      -0.0025404504081124914, 0.03402358574108082, 0.04191704690761313,
    ];
    baseline.residuals.forEach((r, i) => {
      expect(r).toBeCloseTo(expected[i] as number, 14);
    });
    const { point, bands } = residualQuantileForecast({
      baseline,
      window: [108.5, 112],
      levels: [0.8],
    });
    expect(point).toBeCloseTo(115.49259189925753, 10);
    expect(bands[0]?.lower).toBeCloseTo(113.00425414893596, 10);
    expect(bands[0]?.upper).toBeCloseTo(119.86754706453138, 10);
  });

  it('naive, h = 3: quantiles of the overlapping 3-month log returns', () => {
    const baseline = fitResidualQuantileBaseline({ kind: 'naive', values: span, horizon: 3 });
    const { point, bands } = residualQuantileForecast({ baseline, window: [118], levels: [0.5] });
    expect(point).toBe(118);
    expect(bands[0]?.lower).toBeCloseTo(124.50020838051819, 10);
    expect(bands[0]?.upper).toBeCloseTo(125.54883009356989, 10);
  });

  it('drift with median centring; with the span μ and no centring it has the naive band', () => {
    const centred = fitResidualQuantileBaseline({
      kind: 'drift',
      values: span,
      horizon: 3,
      centre: 'median',
    });
    const lower = residualQuantileForecast({ baseline: centred, window: [118], levels: [0.5] })
      .bands[0]?.lower;
    expect(lower).toBeCloseTo(124.12596710966844, 10);
    const drift = fitResidualQuantileBaseline({ kind: 'drift', values: span, horizon: 3 });
    const naive = fitResidualQuantileBaseline({ kind: 'naive', values: span, horizon: 3 });
    const band = (b: typeof drift) =>
      residualQuantileForecast({ baseline: b, window: [118], levels: [0.5, 0.9] }).bands;
    band(drift).forEach((b, i) => {
      expect(b.lower).toBeCloseTo(band(naive)[i]?.lower as number, 10);
      expect(b.upper).toBeCloseTo(band(naive)[i]?.upper as number, 10);
    });
  });

  it('matches its doc example and refuses a span too short for the horizon', () => {
    const doc = fitResidualQuantileBaseline({ kind: 'naive', values: [100, 110, 99, 104] });
    expect(doc.residuals).toEqual(logReturns([100, 110, 99, 104]).sort((a, b) => a - b));
    expect(() => fitResidualQuantileBaseline({ kind: 'naive', values: span, horizon: 9 })).toThrow(
      /fewer than 2 residuals/,
    );
  });
});

describe('ewmaNaiveBands', () => {
  it('is last · exp(∓ z σ √h), z = Φ⁻¹((1 + level)/2) (scipy)', () => {
    const { point, bands } = ewmaNaiveBands({ last: 118, sigma: 0.05, horizon: 4, levels: [0.8] });
    expect(point).toBe(118);
    expect(bands[0]?.lower).toBeCloseTo(103.80659121648304, 10);
    expect(bands[0]?.upper).toBeCloseTo(134.13406448307555, 10);
  });
  it('matches its doc example and refuses a bad horizon or σ', () => {
    const band = ewmaNaiveBands({ last: 100, sigma: 0.04, levels: [0.95] }).bands[0];
    expect(band?.lower).toBeCloseTo(92.45958467490387, 10);
    expect(band?.upper).toBeCloseTo(108.15536361277083, 10);
    expect(() => ewmaNaiveBands({ last: 1, sigma: 0.1, horizon: 0, levels: [0.8] })).toThrow(
      /horizon/,
    );
    expect(() => ewmaNaiveBands({ last: 1, sigma: 0, levels: [0.8] })).toThrow(/sigma/);
  });
});
